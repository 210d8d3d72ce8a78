import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { createPrismaClient, type Db } from '@/server/db';
import { submitReview, undoLastReview } from '@/server/reviews';
import { getCardStates, getCounts, getForecast, getMastery, getQueue } from '@/server/cards';
import { getSettings, updateSettings } from '@/server/settings';
import { syncBank, indexBank } from '@/server/banks';
import { CardSnapshotSchema } from '@/lib/srs';
import { createUser, testBank } from './fixtures/bank';

const bank = testBank();
const T0 = new Date('2026-11-28T10:00:00.000Z');
const MIN = 60_000;
let seq = 0;
const rid = () => `rid-${process.pid}-${++seq}`;

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('store');
});
afterAll(async () => {
  await t.close();
});

async function learner(settings: Record<string, unknown> = {}): Promise<string> {
  const id = await createUser(t.db, `u${++seq}@example.com`);
  await updateSettings(id, { enableFuzz: false, ...settings }, { db: t.db });
  return id;
}
const ctx = (now: Date = T0, db: Db = t.db) => ({ db, bank, now });
const flash = (questionId: string, rating = 3, clientReviewId = rid()) => ({
  clientReviewId,
  questionId,
  rating,
  durationMs: 3000,
  source: 'flashcard' as const,
});

/**
 * Every review applied exactly once, in a chain: ordered by the reps they started from
 * (0, 1, 2, ...: no gap = nothing lost, no repeat = nothing applied twice), each review's
 * stateBefore is the previous one's stateAfter, and the last one matches the card row.
 */
async function expectConsistent(userId: string, questionId: string, db: Db = t.db): Promise<void> {
  const logs = (await db.reviewLog.findMany({ where: { userId, questionId, undoneAt: null } }))
    .map((l) => ({ before: CardSnapshotSchema.parse(JSON.parse(l.stateBefore)), after: CardSnapshotSchema.parse(JSON.parse(l.stateAfter)) }))
    .sort((a, b) => a.before.reps - b.before.reps);
  const row = await db.cardState.findUnique({ where: { userId_questionId: { userId, questionId } } });
  expect(logs.map((l) => l.before.reps)).toEqual(logs.map((_, i) => i));
  for (let i = 1; i < logs.length; i++) expect(logs[i].before).toEqual(logs[i - 1].after);
  if (logs.length) {
    const last = logs[logs.length - 1].after;
    expect(row?.reps).toBe(last.reps);
    expect(row?.due.toISOString()).toBe(last.due);
  }
}

describe('scheduling through the store (fixed clock, fuzz off)', () => {
  it('schedules Good, Good into review two days later', async () => {
    const u = await learner();
    const r1 = await submitReview(u, flash('a1'), ctx());
    expect(r1.card).toMatchObject({ state: 'learning', reps: 1, due: new Date(T0.getTime() + 10 * MIN).toISOString() });
    const r2 = await submitReview(u, flash('a1'), ctx(new Date(T0.getTime() + 10 * MIN)));
    expect(r2.card).toMatchObject({ state: 'review', reps: 2, due: '2026-11-30T10:10:00.000Z' });
    await expectConsistent(u, 'a1');
  });

  it('grades machine-judged answers by correctness and time', async () => {
    const u = await learner();
    const wrong = await submitReview(u, { ...flash('b3'), rating: undefined, outcome: { correct: false }, source: 'quiz' }, ctx());
    expect(wrong.rating).toBe(1);
    const fast = await submitReview(u, { ...flash('b4'), rating: undefined, outcome: { correct: true }, durationMs: 5000, source: 'command' }, ctx());
    expect(fast.rating).toBe(4);
  });
});

describe('correctness under concurrency', () => {
  it('applies the same clientReviewId once when submitted 10 times at once', async () => {
    const u = await learner();
    const id = rid();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitReview(u, flash('a2', 3, id), ctx())));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await t.db.reviewLog.count({ where: { userId: u } })).toBe(1);
    expect((await getCardStates(u, ['a2'], { db: t.db })).a2.reps).toBe(1);
  });

  it('applies 10 different reviews of one card exactly once each, in a consistent chain', async () => {
    const u = await learner();
    await Promise.all(Array.from({ length: 10 }, (_, i) => submitReview(u, flash('a1', (i % 4) + 1), ctx(new Date(T0.getTime() + i)))));
    expect(await t.db.reviewLog.count({ where: { userId: u } })).toBe(10);
    expect((await getCardStates(u, ['a1'], { db: t.db })).a1.reps).toBe(10);
    await expectConsistent(u, 'a1');
  });

  // Several app instances share one database on PostgreSQL. (Two SQLite clients inside one
  // process would deadlock on better-sqlite3's synchronous busy wait, an artefact of the test;
  // on SQLite one server process owns the file.)
  (onPostgres() ? it : it.skip)('two clients (two app instances) on one database never lose or double-apply a review', async () => {
    const second = createPrismaClient(t.url);
    try {
      const u = await learner();
      const jobs = Array.from({ length: 20 }, (_, i) => submitReview(u, flash('b1'), ctx(T0, i % 2 ? second : t.db)));
      // plus each clientReviewId submitted again through the other client
      const ids = Array.from({ length: 5 }, () => rid());
      const dupes = ids.flatMap((id) => [submitReview(u, flash('b2', 3, id), ctx(T0)), submitReview(u, flash('b2', 3, id), ctx(T0, second))]);
      await Promise.all([...jobs, ...dupes]);
      expect(await t.db.reviewLog.count({ where: { userId: u, questionId: 'b1' } })).toBe(20);
      expect(await t.db.reviewLog.count({ where: { userId: u, questionId: 'b2' } })).toBe(5);
      const states = await getCardStates(u, ['b1', 'b2'], { db: t.db });
      expect(states.b1.reps).toBe(20);
      expect(states.b2.reps).toBe(5);
      await expectConsistent(u, 'b1');
      await expectConsistent(u, 'b2');
    } finally {
      await second.$disconnect();
    }
  });

  it('rolls back the card change when the log insert fails', async () => {
    const u = await learner();
    await submitReview(u, flash('a5'), ctx());
    const before = await t.db.cardState.findUniqueOrThrow({ where: { userId_questionId: { userId: u, questionId: 'a5' } } });
    if (t.kind === 'sqlite') {
      await t.db.$executeRawUnsafe(
        `CREATE TRIGGER fail_log BEFORE INSERT ON "ReviewLog" WHEN NEW."durationMs" = 4242 BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      );
    } else {
      await t.db.$executeRawUnsafe(
        `CREATE FUNCTION fail_log() RETURNS trigger AS $$ BEGIN IF NEW."durationMs" = 4242 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await t.db.$executeRawUnsafe(`CREATE TRIGGER fail_log BEFORE INSERT ON "ReviewLog" FOR EACH ROW EXECUTE FUNCTION fail_log()`);
    }
    try {
      // toMatchObject, not toThrow: with the driver writer the error is better-sqlite3's SqliteError, and the
      // native addon keeps the SqliteError class of the first test file that loaded it in this jest worker
      // (lib/database.js sets it once per process). From another file's realm that error is not
      // `instanceof Error`, so `rejects.toThrow()` reported "did not throw" for a rejected review: the
      // "driver writer flake" of issue 15, a test artefact (one realm in the server).
      // (Prisma's writer reports the trigger's abort under another message, so only a message is required.)
      await expect(submitReview(u, { ...flash('a5'), durationMs: 4242 }, ctx(new Date(T0.getTime() + 10 * MIN)))).rejects.toMatchObject({
        message: expect.any(String),
      });
    } finally {
      await t.db.$executeRawUnsafe(t.kind === 'sqlite' ? 'DROP TRIGGER fail_log' : 'DROP TRIGGER fail_log ON "ReviewLog"');
    }
    const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_questionId: { userId: u, questionId: 'a5' } } });
    expect(after).toEqual(before);
    expect(await t.db.reviewLog.count({ where: { userId: u } })).toBe(1);
  });
});

describe('queue', () => {
  it('respects the daily new-card limit counted in the learner time zone', async () => {
    const u = await learner({ newPerDay: 3, timezone: 'Asia/Tokyo' });
    const q = await getQueue(u, { limit: 50 }, ctx());
    expect(q.items.filter((i) => i.state === 'new')).toHaveLength(3);
    expect(q.counts.newAvailable).toBe(3);
    for (const item of q.items) await submitReview(u, flash(item.questionId), ctx());
    const later = await getQueue(u, { limit: 50 }, ctx(new Date(T0.getTime() + 60 * MIN)));
    expect(later.items.filter((i) => i.state === 'new')).toHaveLength(0);
    expect(later.counts.newStudiedToday).toBe(3);
    // Tokyo's next day starts at 15:00 UTC
    const tomorrow = await getQueue(u, { limit: 50 }, ctx(new Date('2026-11-28T15:30:00Z')));
    expect(tomorrow.items.filter((i) => i.state === 'new')).toHaveLength(3);
  });

  it('buries siblings reviewed today and never queues two siblings', async () => {
    const u = await learner({ newPerDay: 50 });
    const q = await getQueue(u, { limit: 50, decks: ['a'] }, ctx());
    const sources = q.items.map((i) => bank.byId.get(i.questionId)!.sourceItem);
    expect(new Set(sources).size).toBe(sources.length);
    expect(q.items.map((i) => i.questionId)).toEqual(['a1', 'a2', 'a3', 'a5']);
    await submitReview(u, flash('a3'), ctx());
    const after = await getQueue(u, { limit: 50, decks: ['a'] }, ctx(new Date(T0.getTime() + MIN)));
    expect(after.items.map((i) => i.questionId)).not.toContain('a4');
  });

  it('interleaves decks', async () => {
    const u = await learner({ newPerDay: 50 });
    const q = await getQueue(u, { limit: 4 }, ctx());
    expect(q.items.map((i) => i.deck)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('limits reviews per day', async () => {
    const u = await learner({ newPerDay: 50, maxReviewsPerDay: 1 });
    for (const q of ['a1', 'a2', 'b1']) {
      await submitReview(u, flash(q, 4), ctx(new Date('2026-11-01T10:00:00Z')));
    }
    const q = await getQueue(u, { limit: 50, decks: [] }, ctx());
    expect(q.items.filter((i) => i.state === 'review')).toHaveLength(1);
    expect(q.counts.dueToday).toBe(1);
  });

  it('counts, forecasts and mastery', async () => {
    const u = await learner();
    await submitReview(u, flash('a1', 4), ctx());
    const counts = await getCounts(u, {}, ctx());
    expect(counts).toMatchObject({ newStudiedToday: 1, learning: 0 });
    const forecast = await getForecast(u, { days: 30 }, ctx());
    expect(forecast).toHaveLength(30);
    expect(forecast.reduce((n, d) => n + d.count, 0)).toBe(1);
    const mastery = await getMastery(u, ctx());
    expect(mastery.find((m) => m.deck === 'a')).toMatchObject({ total: 6, seen: 1 });
  });
});

describe('bank changes', () => {
  it('retires cards whose question left the bank and restores them when it returns', async () => {
    const u = await learner();
    await submitReview(u, flash('a6', 1), ctx());
    const smaller = indexBank({ ...bank.bank, questions: bank.bank.questions.filter((q) => q.id !== 'a6') });
    const report = await syncBank(smaller, t.db);
    expect(report.retired).toBeGreaterThanOrEqual(1);
    const q = await getQueue(u, { limit: 50 }, { db: t.db, bank: smaller, now: new Date(T0.getTime() + 60 * MIN) });
    expect(q.items.map((i) => i.questionId)).not.toContain('a6');
    expect(await t.db.reviewLog.count({ where: { userId: u, questionId: 'a6' } })).toBe(1);
    await expect(submitReview(u, flash('a6'), { db: t.db, bank: smaller, now: T0 })).rejects.toMatchObject({ kind: 'bad-request' });
    expect((await syncBank(bank, t.db)).restored).toBeGreaterThanOrEqual(1);
    expect((await getCardStates(u, ['a6'], { db: t.db })).a6.retired).toBe(false);
  });

  it('leaves outdated questions out of the queue: studied ones retire, new ones are not offered (issue 13)', async () => {
    const u = await learner({ newPerDay: 100 });
    await submitReview(u, flash('a5', 1), ctx());
    const outdated = { since: 'Engine 23.0', note: 'Removed.', source: 'https://docs.docker.com/engine/deprecated/' };
    const marked = indexBank({ ...bank.bank, questions: bank.bank.questions.map((q) => (q.id === 'a5' || q.id === 'a4' ? { ...q, outdated } : q)) });
    expect((await syncBank(marked, t.db)).retired).toBeGreaterThanOrEqual(1);
    const q = await getQueue(u, { limit: 50 }, { db: t.db, bank: marked, now: new Date(T0.getTime() + 60 * MIN) });
    const ids = q.items.map((i) => i.questionId);
    expect(ids).not.toContain('a5');
    expect(ids).not.toContain('a4');
    expect(ids.length).toBeGreaterThan(0);
    expect((await syncBank(bank, t.db)).restored).toBeGreaterThanOrEqual(1);
  });

  it('lets new questions enter as new cards', async () => {
    const u = await learner({ newPerDay: 100 });
    const bigger = testBank([{ ...bank.bank.questions[0], id: 'c1', deck: 'c', sourceItem: 'c1' }]);
    const q = await getQueue(u, { limit: 50, decks: ['c'] }, { db: t.db, bank: bigger, now: T0 });
    expect(q.items.map((i) => i.questionId)).toEqual(['c1']);
  });
});

describe('undo', () => {
  it('restores the previous state and refuses when nothing is left', async () => {
    const u = await learner();
    await submitReview(u, flash('b2'), ctx());
    const second = await submitReview(u, flash('b2'), ctx(new Date(T0.getTime() + 10 * MIN)));
    expect(second.card.state).toBe('review');
    const undone = await undoLastReview(u, ctx());
    expect(undone?.card).toMatchObject({ state: 'learning', reps: 1 });
    await expectConsistent(u, 'b2');
    expect(await undoLastReview(u, ctx())).toMatchObject({ questionId: 'b2', card: null });
    expect(await undoLastReview(u, ctx())).toBeNull();
    expect(await t.db.reviewLog.count({ where: { userId: u } })).toBe(2); // kept, marked undone
  });
});

describe('bad input and isolation', () => {
  it.each([
    ['unknown question', { questionId: 'zzz' }],
    ['rating out of range', { rating: 7 }],
    ['rating zero', { rating: 0 }],
    ['rating and outcome', { outcome: { correct: true } }],
    ['forged user id', { userId: 'someone-else' }],
    ['short client id', { clientReviewId: 'x' }],
    ['negative duration', { durationMs: -1 }],
    ['unknown source', { source: 'hack' }],
    ['oversized answer', { answer: 'x'.repeat(20_000) }],
  ])('%s -> bad-request, nothing stored', async (_label, patch) => {
    const u = await learner();
    await expect(submitReview(u, { ...flash('a1'), ...patch }, ctx())).rejects.toMatchObject({ kind: 'bad-request' });
    expect(await t.db.reviewLog.count({ where: { userId: u } })).toBe(0);
    expect(await t.db.cardState.count({ where: { userId: u } })).toBe(0);
  });

  it('keeps two users apart, even with the same clientReviewId', async () => {
    const a = await learner();
    const b = await learner();
    await submitReview(a, flash('a1', 3, 'shared-client-id'), ctx());
    const rb = await submitReview(b, flash('a1', 1, 'shared-client-id'), ctx());
    expect(rb.duplicate).toBe(false);
    expect(rb.rating).toBe(1);
    expect(Object.keys(await getCardStates(a, ['a1', 'a2'], { db: t.db }))).toEqual(['a1']);
    expect((await getQueue(b, { limit: 50 }, ctx())).counts.newStudiedToday).toBe(1);
  });

  it('validates settings', async () => {
    const u = await learner();
    await expect(updateSettings(u, { desiredRetention: 1.5 }, { db: t.db })).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(updateSettings(u, { timezone: 'Mars/Olympus' }, { db: t.db })).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(updateSettings(u, { userId: 'x' }, { db: t.db })).rejects.toMatchObject({ kind: 'bad-request' });
    const s = await updateSettings(u, { theme: 'dark', deckFilter: ['a'], fsrsParams: null }, { db: t.db });
    expect(s).toMatchObject({ theme: 'dark', deckFilter: ['a'], enableFuzz: false });
    expect(await getSettings(u, { db: t.db })).toEqual(s);
  });
});
