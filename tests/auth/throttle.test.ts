import { freshDatabase, type TestDatabase } from '../helpers/db';
import { beginAttempt, clientIp, finishAttempt, slowdownMs, throttleMessage, throttlePolicy } from '@/server/throttle';
import { createUser } from '@/server/users';

const T0 = new Date('2026-11-28T12:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/**
 * Sign-in throttling on a real SQLite file (PostgreSQL under npm run test:postgres). Issue 12: the slot is
 * taken before the password is verified (bursts cannot get past it), the hard limit is per (email, address),
 * and the per-email limit only slows down.
 */
describe('sign-in throttling (LoginSlot / LoginGate / LoginAttempt)', () => {
  let t: TestDatabase;
  beforeEach(() => {
    t = freshDatabase('auth-throttle');
  });
  afterEach(async () => {
    await t.close();
  });

  const waits: number[] = [];
  const fakeSleep = async (ms: number) => {
    waits.push(ms);
  };
  beforeEach(() => (waits.length = 0));

  /** One verified failure for email from ip at `when`. */
  async function fail(email: string, ip: string, n: number, when: Date) {
    for (let i = 0; i < n; i++) {
      const v = await beginAttempt({ email, ip }, when, t.db, throttlePolicy, fakeSleep);
      if (!v.allowed) throw new Error(`attempt ${i} was refused: ${JSON.stringify(v)}`);
      await finishAttempt(v.ticket, false, when, t.db);
    }
  }

  it('150 parallel attempts for one email and address get exactly 5 verifications', async () => {
    const key = { email: 'a@example.test', ip: '10.0.0.1' };
    const verdicts = await Promise.all(Array.from({ length: 150 }, () => beginAttempt(key, at(0), t.db, throttlePolicy, fakeSleep)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(throttlePolicy.perPair);
    expect(verdicts.find((v) => !v.allowed)).toMatchObject({ allowed: false, scope: 'pair', retryAfterSeconds: 15 * 60 });
  });

  it('allows 5 verifications per (email, address), then refuses that pair until the window has passed', async () => {
    const key = { email: 'a@example.test', ip: '10.0.0.1' };
    await fail(key.email, key.ip, 4, at(0));
    await fail(key.email, key.ip, 1, at(1));
    const v = await beginAttempt(key, at(2), t.db, throttlePolicy, fakeSleep);
    expect(v).toEqual({ allowed: false, scope: 'pair', retryAfterSeconds: 13 * 60 });
    if (!v.allowed) expect(throttleMessage(v)).toBe('Too many failed sign-in attempts. Try again in 13 minutes.');
    // Another email from the same address is not affected.
    expect((await beginAttempt({ ...key, email: 'b@example.test' }, at(2), t.db, throttlePolicy, fakeSleep)).allowed).toBe(true);
    // 15 minutes after the 4 failures at minute 0 they leave the window: 4 slots reopen.
    expect((await beginAttempt(key, at(15.01), t.db, throttlePolicy, fakeSleep)).allowed).toBe(true);
  });

  it('owner lockout: failures from another address only slow the owner down, never shut them out', async () => {
    const email = 'owner@example.test';
    await fail(email, '198.51.100.66', 5, at(0)); // the attacker's address is now refused for this email
    expect(await beginAttempt({ email, ip: '198.51.100.66' }, at(1), t.db, throttlePolicy, fakeSleep)).toMatchObject({ allowed: false, scope: 'pair' });
    // The owner, from home, is let through after a short wait (5 failures -> 1 s spacing).
    const owner = await beginAttempt({ email, ip: '192.0.2.10' }, at(1), t.db, throttlePolicy, fakeSleep);
    expect(owner.allowed).toBe(true);
    expect(waits).toEqual([]); // first at the gate: no wait
    // A second request right after waits for its turn; the spacing doubles with each further failure.
    expect((await beginAttempt({ email, ip: '192.0.2.11' }, at(1), t.db, throttlePolicy, fakeSleep)).allowed).toBe(true);
    expect(waits).toEqual([1000]);
    expect([4, 5, 6, 7, 8, 20].map((f) => slowdownMs(f))).toEqual([0, 1000, 2000, 4000, 8000, 8000]);
  });

  it('a full email gate asks to retry in seconds, not minutes', async () => {
    const email = 'busy@example.test';
    // 12 failures, a minute apart (each waited its turn): spacing now 8 s.
    for (let i = 0; i < 12; i++) await fail(email, `203.0.113.${i % 4}`, 1, at(i));
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await beginAttempt({ email, ip: `192.0.2.${i}` }, at(12), t.db, throttlePolicy, fakeSleep));
    expect(verdicts.slice(0, 2).every((v) => v.allowed)).toBe(true);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, scope: 'email', retryAfterSeconds: 15 });
    const refused = verdicts.at(-1)!;
    if (!refused.allowed) expect(throttleMessage(refused)).toBe('Too many sign-in attempts for this account right now. Try again in 15 seconds.');
  });

  it('a success frees the pair: the owner is back to 5 attempts', async () => {
    const key = { email: 'a@example.test', ip: '10.0.0.1' };
    await fail(key.email, key.ip, 4, at(0));
    const ok = await beginAttempt(key, at(1), t.db, throttlePolicy, fakeSleep);
    if (!ok.allowed) throw new Error('refused');
    await finishAttempt(ok.ticket, true, at(1), t.db);
    await fail(key.email, key.ip, 5, at(2));
    expect(await beginAttempt(key, at(3), t.db, throttlePolicy, fakeSleep)).toMatchObject({ allowed: false, scope: 'pair' });
  });

  it('allows 20 failures per address across emails, then refuses', async () => {
    for (let i = 0; i < throttlePolicy.perIp; i++) await fail(`u${i}@example.test`, '10.0.0.7', 1, at(0));
    expect(await beginAttempt({ email: 'new@example.test', ip: '10.0.0.7' }, at(2), t.db, throttlePolicy, fakeSleep)).toMatchObject({ allowed: false, scope: 'ip' });
    expect((await beginAttempt({ email: 'new@example.test', ip: '10.0.0.8' }, at(2), t.db, throttlePolicy, fakeSleep)).allowed).toBe(true);
  });
});

describe('clientIp', () => {
  it.each([
    [{ 'x-forwarded-for': '203.0.113.9' }, '203.0.113.9'],
    [{ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }, '203.0.113.9'],
    [{ 'x-forwarded-for': '::ffff:127.0.0.1' }, '127.0.0.1'],
    [{ 'x-real-ip': '198.51.100.2' }, 'unknown'],
    [{}, 'unknown'],
    [undefined, 'unknown'],
  ])('%j -> %s', (headers, ip) => {
    expect(clientIp(headers)).toBe(ip);
  });
});

describe('sign-up throttling', () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = freshDatabase('auth-signup');
  });
  afterAll(async () => {
    await t.close();
  });

  it('allows 10 accounts per address and hour', async () => {
    const from = { ip: '192.0.2.77', now: T0 };
    for (let i = 0; i < 10; i++) await createUser({ email: `s${i}@example.test`, password: 'networks2377' }, t.db, from);
    await expect(createUser({ email: 's10@example.test', password: 'networks2377' }, t.db, from)).rejects.toMatchObject({
      kind: 'too-many-requests',
      message: 'Too many accounts were created from your network. Try again in 60 minutes.',
    });
    await createUser({ email: 's11@example.test', password: 'networks2377' }, t.db, { ip: '192.0.2.78', now: T0 });
    await createUser({ email: 's12@example.test', password: 'networks2377' }, t.db, { ip: '192.0.2.77', now: at(61) });
  });
});
