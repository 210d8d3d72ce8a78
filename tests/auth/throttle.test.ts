import { freshDatabase, type TestDatabase } from '../helpers/db';
import { checkThrottle, clientIp, recordAttempt, throttleMessage, throttlePolicy } from '@/server/throttle';
import { createUser } from '@/server/users';

const T0 = new Date('2026-11-28T12:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('sign-in throttling (LoginAttempt, real SQLite)', () => {
  let t: TestDatabase;
  beforeEach(() => {
    t = freshDatabase('auth-throttle');
  });
  afterEach(async () => {
    await t.close();
  });

  async function fail(email: string, ip: string, n: number, when: Date) {
    for (let i = 0; i < n; i++) await recordAttempt({ email, ip, success: false }, when, t.db);
  }

  it('allows 5 failures per email, then refuses until the window has passed', async () => {
    const key = { email: 'a@example.test', ip: '10.0.0.1' };
    await fail(key.email, key.ip, throttlePolicy.perEmail - 1, at(0));
    expect(await checkThrottle(key, at(1), t.db)).toEqual({ allowed: true });
    await fail(key.email, key.ip, 1, at(1));
    const v = await checkThrottle(key, at(2), t.db);
    expect(v).toEqual({ allowed: false, scope: 'email', retryAfterSeconds: 13 * 60 });
    if (!v.allowed) expect(throttleMessage(v)).toBe('Too many failed sign-in attempts. Try again in 13 minutes.');
    // The same email from another address is refused too; another email from the first address is not.
    expect((await checkThrottle({ ...key, ip: '10.9.9.9' }, at(2), t.db)).allowed).toBe(false);
    expect((await checkThrottle({ ...key, email: 'b@example.test' }, at(2), t.db)).allowed).toBe(true);
    // 15 minutes after the 5th-most-recent failure... the 4 at minute 0 expire at 15, so it reopens.
    expect((await checkThrottle(key, at(15.01), t.db)).allowed).toBe(true);
  });

  it('a success resets the email count', async () => {
    const key = { email: 'a@example.test', ip: '10.0.0.1' };
    await fail(key.email, key.ip, 4, at(0));
    await recordAttempt({ ...key, success: true }, at(1), t.db);
    await fail(key.email, key.ip, 4, at(2));
    expect((await checkThrottle(key, at(3), t.db)).allowed).toBe(true);
    await fail(key.email, key.ip, 1, at(3));
    expect(await checkThrottle(key, at(4), t.db)).toMatchObject({ allowed: false, scope: 'email' });
  });

  it('allows 20 failures per address across emails, then refuses', async () => {
    for (let i = 0; i < throttlePolicy.perIp - 1; i++) await fail(`u${i}@example.test`, '10.0.0.7', 1, at(0));
    expect((await checkThrottle({ email: 'new@example.test', ip: '10.0.0.7' }, at(1), t.db)).allowed).toBe(true);
    await fail('u99@example.test', '10.0.0.7', 1, at(1));
    expect(await checkThrottle({ email: 'new@example.test', ip: '10.0.0.7' }, at(2), t.db)).toMatchObject({ allowed: false, scope: 'ip' });
    expect((await checkThrottle({ email: 'new@example.test', ip: '10.0.0.8' }, at(2), t.db)).allowed).toBe(true);
  });
});

describe('clientIp', () => {
  it.each([
    [{ 'x-forwarded-for': '203.0.113.9' }, '203.0.113.9'],
    [{ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }, '203.0.113.9'],
    [{ 'x-forwarded-for': '::ffff:127.0.0.1' }, '127.0.0.1'],
    [{ 'x-real-ip': '198.51.100.2' }, '198.51.100.2'],
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
