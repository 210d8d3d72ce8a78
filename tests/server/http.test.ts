import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { CardSnapshotSchema } from '@/lib/srs';
import { sessionCookie, TEST_SECRET } from '@/scripts/lib/session';

/** Real question ids from the compiled bank (global setup builds it from content/). */
const bank = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'generated', 'bank.json'), 'utf8')) as {
  questions: { id: string }[];
};
const qids = bank.questions.map((q) => q.id);
let seq = 0;
const rid = () => `http-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

let t: TestDatabase;
let server: RunningServer;
let user: string;
let cookie: string;

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies of many shapes */ {
  const res = await fetch(server.url + url, {
    method,
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
const review = (over: Record<string, unknown> = {}) => ({
  clientReviewId: rid(),
  questionId: qids[0],
  rating: 3,
  durationMs: 2500,
  source: 'flashcard',
  ...over,
});

/** Every card's logs chain without gaps or repeats and end at the card row's state. */
async function expectConsistent(userId: string): Promise<void> {
  const logs = await t.db.reviewLog.findMany({ where: { userId, undoneAt: null } });
  const cards = await t.db.cardState.findMany({ where: { userId } });
  const byQ = new Map<string, { before: ReturnType<typeof CardSnapshotSchema.parse>; after: ReturnType<typeof CardSnapshotSchema.parse> }[]>();
  for (const l of logs) {
    const list = byQ.get(l.questionId) ?? [];
    list.push({ before: CardSnapshotSchema.parse(JSON.parse(l.stateBefore)), after: CardSnapshotSchema.parse(JSON.parse(l.stateAfter)) });
    byQ.set(l.questionId, list);
  }
  expect(cards.map((c) => c.questionId).sort()).toEqual([...byQ.keys()].sort());
  for (const card of cards) {
    const list = byQ.get(card.questionId)!.sort((a, b) => a.before.reps - b.before.reps);
    expect(list.map((l) => l.before.reps)).toEqual(list.map((_, i) => i));
    for (let i = 1; i < list.length; i++) expect(list[i].before).toEqual(list[i - 1].after);
    expect(card.reps).toBe(list.length);
    expect(card.due.toISOString()).toBe(list[list.length - 1].after.due);
  }
}

const serverEnv = () => ({ DATABASE_URL: t.url, NEXTAUTH_SECRET: TEST_SECRET });

beforeAll(async () => {
  expect(qids.length).toBeGreaterThan(10);
  t = freshDatabase('http');
  user = (await t.db.user.create({ data: { email: 'http@example.com' } })).id;
  cookie = await sessionCookie(user);
  server = await startServer(serverEnv());
}, 60_000);
afterAll(async () => {
  if (server && server.process.exitCode === null && server.process.signalCode === null) await server.stop('SIGKILL');
  await t?.close();
});

describe('review API', () => {
  it('answers 401 without a session', async () => {
    const res = await fetch(server.url + '/api/reviews', { method: 'POST', body: JSON.stringify(review()) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.kind).toBe('unauthorized');
  });

  it('stores a review once: 201, then 200 duplicate', async () => {
    const body = review();
    const first = await call('POST', '/api/reviews', body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ duplicate: false, questionId: qids[0], card: { state: 'learning', reps: 1 } });
    const again = await call('POST', '/api/reviews', body);
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
  });

  it('serves the queue with previews', async () => {
    const q = await call('GET', '/api/reviews?limit=5');
    expect(q.status).toBe(200);
    expect(q.json.items.length).toBeGreaterThan(0);
    expect(q.json.items[0].previews).toHaveLength(4);
    expect((await call('GET', '/api/reviews?limit=0')).status).toBe(400);
  });

  it.each([
    ['malformed JSON', '{"clientReviewId":', 400, 'bad-request'],
    ['unknown question', review({ questionId: 'no-such-question' }), 400, 'bad-request'],
    ['rating out of range', review({ rating: 5 }), 400, 'bad-request'],
    ['forged user id', review({ userId: 'someone-else' }), 400, 'bad-request'],
    ['oversized payload', review({ answer: 'x'.repeat(40_000) }), 413, 'too-large'],
  ])('%s -> 4xx with a JSON error, nothing stored', async (_label, body, status, kind) => {
    const before = await t.db.reviewLog.count();
    const res = await call('POST', '/api/reviews', body);
    expect(res.status).toBe(status);
    expect(res.json.error.kind).toBe(kind);
    expect(typeof res.json.error.message).toBe('string');
    expect(await t.db.reviewLog.count()).toBe(before);
  });

  it('undoes the last review', async () => {
    await call('POST', '/api/reviews', review({ questionId: qids[1] }));
    const res = await call('POST', '/api/reviews/undo');
    expect(res.status).toBe(200);
    expect(res.json.undone.questionId).toBe(qids[1]);
  });

  it('exports progress and rejects a malformed import without touching anything', async () => {
    const exp = await call('GET', '/api/progress');
    expect(exp.status).toBe(200);
    expect(exp.json.format).toBe('netprep-progress');
    const bad = await call('POST', '/api/progress', { ...exp.json, logs: [{ nonsense: true }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^invalid progress file: logs\.0/);
    expect((await call('GET', '/api/progress')).json).toEqual({ ...exp.json, exportedAt: expect.any(String) });
    const ok = await call('POST', '/api/progress', exp.json);
    expect(ok.status).toBe(200);
  });
});

describe('crash safety', () => {
  it('keeps every acknowledged review after SIGKILL mid-load, exactly once, consistent', async () => {
    const learner = (await t.db.user.create({ data: { email: 'crash@example.com' } })).id;
    const learnerCookie = await sessionCookie(learner);
    const acknowledged = new Set<string>();
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const body = review({ questionId: qids[(w * 7 + i) % Math.min(qids.length, 30)] });
        try {
          const res = await fetch(server.url + '/api/reviews', {
            method: 'POST',
            headers: { cookie: learnerCookie, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          if (res.status === 201 || res.status === 200) acknowledged.add(body.clientReviewId);
          else if (res.status !== 500) throw new Error(`unexpected ${res.status}`);
        } catch (err) {
          if (!stop) stop = true;
          if ((err as Error).message.startsWith('unexpected')) throw err;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
    // Kill it mid-load: once reviews are flowing, at a moment not chosen by the server.
    const t0 = Date.now();
    while (acknowledged.size < 40 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 200)));
    await server.stop('SIGKILL');
    stop = true;
    await load;
    expect(acknowledged.size).toBeGreaterThan(20);

    if (t.kind === 'sqlite') {
      const raw = new Database(t.file);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }
    }
    server = await startServer(serverEnv());
    const stored = await t.db.reviewLog.findMany({ where: { userId: learner }, select: { clientReviewId: true } });
    const storedIds = new Set(stored.map((s) => s.clientReviewId));
    for (const id of acknowledged) expect(storedIds.has(id)).toBe(true);
    await expectConsistent(learner);
    // and the restarted server takes reviews again
    const after = await fetch(server.url + '/api/reviews', {
      method: 'POST',
      headers: { cookie: learnerCookie, 'content-type': 'application/json' },
      body: JSON.stringify(review()),
    });
    expect(after.status).toBe(201);
  }, 90_000);
});
