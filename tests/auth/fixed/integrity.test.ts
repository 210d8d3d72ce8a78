/**
 * Regression tests for issue 12 ("Integrity under attack and under faults"), through the real production
 * server (`next start`) with no proxy in front: exam keys, sign-in bursts, X-Forwarded-For, open redirects,
 * sessions after sign-out, and the JSON API's edge (content type, origin, deep JSON, reused review ids).
 */
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { attemptSignIn, browser, createTestUser, signIn, TEST_PASSWORD } from '../../helpers/auth';
import { getBank } from '@/server/banks';
import { startExam, submitExam, userRepo } from '@/server/exams';

const SECRET = 'test-secret-issue12-0123456789abcdef0123456789';

describe('issue 12 over HTTP (next start, no proxy)', () => {
  let t: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    t = freshDatabase('integrity-http');
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: SECRET });
  }, 60000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });
  // Every request here comes from 127.0.0.1: let one test's failures not throttle the next one.
  afterEach(async () => {
    await t.db.loginSlot.deleteMany({});
  });

  it('the key of a running exam cannot be looked up: export, quiz, review and deck pages hide its questions', async () => {
    const user = await createTestUser(t.db, 'exam@example.test');
    const bank = getBank();
    const ctx = { repo: userRepo(t.db, user.id), bank, now: new Date() };
    const running = await startExam(ctx, { blueprintId: bank.blueprints[0].id, size: 10 });
    const row = await t.db.examAttempt.findUniqueOrThrow({ where: { id: running.id } });
    const ids = (JSON.parse(row.items) as { questionId: string }[]).map((i) => i.questionId);
    const session = await signIn(server.url, user.email);

    const exported = await (await session.fetch('/account/export')).json();
    expect(exported.exams).toHaveLength(1);
    expect(exported.exams[0]).toMatchObject({ id: running.id, status: 'in progress', itemCount: 10 });
    expect(JSON.stringify(exported)).not.toContain(ids[0]);

    const quiz = await (await session.fetch(`/quiz?go=1&ids=${ids.join(',')}`)).text();
    for (const id of ids) expect(quiz).not.toContain(id);
    expect(quiz).toContain('10 questions are hidden while your exam is in progress');

    const deckOfFirst = bank.questions.find((q) => q.id === ids[0])!.deck;
    const deck = await (await session.fetch(`/decks/${encodeURIComponent(deckOfFirst)}`)).text();
    expect(deck).toContain('Note hidden during your exam');
    expect(deck).not.toContain(ids[0]);

    const review = await (await session.fetch('/review')).text();
    for (const id of ids) expect(review).not.toContain(id);

    // Once submitted, the questions are back.
    await submitExam(ctx, { attemptId: running.id });
    const after = await (await session.fetch(`/quiz?go=1&ids=${ids.join(',')}`)).text();
    expect(after).toContain(ids[0]);
  }, 60000);

  it('a burst of 150 parallel guesses gets at most 5 password verifications', async () => {
    await createTestUser(t.db, 'burst@example.test');
    // One CSRF token and cookie, reused by every guess (as an attacker would), then 150 posts at once.
    const attacker = browser(server.url);
    const { csrfToken } = (await (await attacker.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const guess = async (password: string): Promise<string> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await attacker.fetch('/api/auth/callback/credentials', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrfToken, email: 'burst@example.test', password, callbackUrl: `${server.url}/` }).toString(),
          });
          return new URL(res.headers.get('location') ?? '/', server.url).searchParams.get('error') ?? 'signed in';
        } catch (err) {
          if (attempt >= 3) throw err; // a reset connection on a loaded machine: send that guess again
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const outcomes = await Promise.all(Array.from({ length: 150 }, (_, i) => guess(i === 149 ? TEST_PASSWORD : `Wrong guess ${i}`)));
    const verified = await t.db.loginAttempt.count({ where: { key: 'burst@example.test', kind: 'email' } });
    expect(verified).toBeLessThanOrEqual(5);
    expect(outcomes.filter((o) => o.startsWith('Too many')).length).toBeGreaterThanOrEqual(145);
    await t.db.loginSlot.deleteMany({});
  }, 180000);

  it('X-Forwarded-For is ignored without TRUST_PROXY: a client cannot pick a fresh address bucket', async () => {
    await createTestUser(t.db, 'xff@example.test');
    await t.db.loginSlot.deleteMany({});
    // 20 failures for 20 emails, each claiming another address: all count against this socket's address.
    for (let i = 0; i < 20; i++) {
      const r = await attemptSignIn(server.url, `spoof${i}@example.test`, 'Wrong password 1', { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      expect(r.error).toBe('Email or password is incorrect.');
    }
    const blocked = await attemptSignIn(server.url, 'xff@example.test', TEST_PASSWORD, { headers: { 'x-forwarded-for': '198.51.100.250' } });
    expect(blocked.error).toMatch(/^Too many failed sign-in attempts/);
    const slots = await t.db.loginSlot.findMany({ where: { key: { startsWith: 'ip:' } }, select: { key: true } });
    expect(new Set(slots.map((s) => s.key))).toEqual(new Set(['ip:127.0.0.1']));
    await t.db.loginSlot.deleteMany({});
  }, 120000);

  it('open redirect: /signin?callbackUrl=/%09/evil.example sends a signed-in user to /', async () => {
    await createTestUser(t.db, 'redirect@example.test');
    const session = await signIn(server.url, 'redirect@example.test');
    for (const bad of ['/%09/evil.example', '/%0a/evil.example', '//evil.example', '/%5Cevil.example', '/%2509/evil.example', 'https://evil.example/']) {
      const res = await session.fetch(`/signin?callbackUrl=${bad}`);
      expect([res.status, res.headers.get('location')]).toEqual([307, '/']);
    }
    const ok = await session.fetch('/signin?callbackUrl=%2Fexam%3Fx%3D1');
    expect(ok.headers.get('location')).toBe('/exam?x=1');
  });

  it('a copied session cookie stops working after sign-out', async () => {
    await createTestUser(t.db, 'copy@example.test');
    const session = await signIn(server.url, 'copy@example.test');
    const copy = browser(server.url);
    copy.jar.cookies.set('next-auth.session-token', session.jar.sessionToken()!);
    expect((await copy.fetch('/account/export')).status).toBe(200);
    const { csrfToken } = await (await session.fetch('/api/auth/csrf')).json();
    const out = await session.fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: server.url + '/' }).toString(),
    });
    expect(out.status).toBe(302);
    expect((await copy.fetch('/account/export')).status).toBe(401);
    expect(await (await copy.fetch('/api/auth/session')).json()).not.toHaveProperty('user');
    // Signing in again works, with a fresh session.
    const again = await signIn(server.url, 'copy@example.test');
    expect((await again.fetch('/account/export')).status).toBe(200);
  });

  describe('the JSON API', () => {
    let session: Awaited<ReturnType<typeof signIn>>;
    const questionId = () => getBank().questions.find((q) => q.type !== 'command')!.id;
    const review = (over: Record<string, unknown> = {}) => ({ clientReviewId: 'issue12-review-1', questionId: questionId(), rating: 3, durationMs: 1200, source: 'flashcard', ...over });
    const post = (body: string, headers: Record<string, string>) => session.fetch('/api/reviews', { method: 'POST', headers, body });
    beforeAll(async () => {
      await createTestUser(t.db, 'api@example.test');
      session = await signIn(server.url, 'api@example.test');
    });

    it('requires application/json (text/plain from a form or fetch no-cors is refused with 415)', async () => {
      const res = await post(JSON.stringify(review()), { 'content-type': 'text/plain' });
      expect(res.status).toBe(415);
      expect((await res.json()).error.message).toMatch(/Content-Type: application\/json/);
    });

    it('refuses a foreign Origin with 403', async () => {
      const res = await post(JSON.stringify(review()), { 'content-type': 'application/json', origin: 'http://evil.example' });
      expect(res.status).toBe(403);
      const undo = await session.fetch('/api/reviews/undo', { method: 'POST', headers: { origin: 'http://evil.example' } });
      expect(undo.status).toBe(403);
      expect(await t.db.reviewLog.count({ where: { clientReviewId: 'issue12-review-1' } })).toBe(0);
    });

    it('refuses deeply nested JSON with 400, not 500', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const res = await post(JSON.stringify(review()).replace('"rating":3', `"answer":${deep},"rating":3`), { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/nested more than 32 levels/);
    });

    it('a reused clientReviewId with another payload is 409; the same payload is a 200 duplicate', async () => {
      const own = { 'content-type': 'application/json', origin: server.url };
      expect((await post(JSON.stringify(review()), own)).status).toBe(201);
      expect((await post(JSON.stringify(review()), own)).status).toBe(200);
      const other = await post(JSON.stringify(review({ rating: 1 })), own);
      expect(other.status).toBe(409);
      expect((await other.json()).error.message).toMatch(/already used for a different review \(rating differs\)/);
    });
  });
});
