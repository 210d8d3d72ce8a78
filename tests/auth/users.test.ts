import { freshDatabase, type TestDatabase } from '../helpers/db';
import { SIGN_IN_FAILED } from '@/lib/auth/schema';
import { authenticate, changePassword, createUser, deleteUser, findUser, UserError } from '@/server/users';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('users (real SQLite)', () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = freshDatabase('auth-users');
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores an argon2id hash, never the password', async () => {
    const u = await createUser({ email: 'ada@example.test', password: 'networks2377', name: 'Ada' }, t.db);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain('networks2377');
  });

  it('refuses a second account for the same email with a conflict', async () => {
    await expect(createUser({ email: 'ada@example.test', password: 'networks2377' }, t.db)).rejects.toMatchObject({
      kind: 'conflict',
      field: 'email',
    });
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    const cases = [
      { email: 'nobody@example.test', password: 'networks2377' },
      { email: 'ada@example.test', password: 'wrong-password-1' },
    ];
    const results = [];
    for (const c of cases) results.push(await authenticate({ ...c, ip: '10.1.1.1' }, NOW, t.db));
    for (const r of results) expect(r).toEqual({ ok: false, reason: 'invalid', message: SIGN_IN_FAILED });
    const ok = await authenticate({ email: 'ada@example.test', password: 'networks2377', ip: '10.1.1.1' }, NOW, t.db);
    expect(ok).toMatchObject({ ok: true, user: { email: 'ada@example.test', name: 'Ada' } });
  });

  it('changes the password only with the current one', async () => {
    const u = await createUser({ email: 'bob@example.test', password: 'networks2377' }, t.db);
    const err = await changePassword(u.id, { current: 'nope', password: 'overlay4789x', confirm: 'overlay4789x' }, t.db).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ kind: 'unauthorized', field: 'current' });
    await changePassword(u.id, { current: 'networks2377', password: 'overlay4789x', confirm: 'overlay4789x' }, t.db);
    expect((await authenticate({ email: 'bob@example.test', password: 'overlay4789x', ip: 'x' }, NOW, t.db)).ok).toBe(true);
    expect((await authenticate({ email: 'bob@example.test', password: 'networks2377', ip: 'x' }, NOW, t.db)).ok).toBe(false);
  });

  it('deletes the account and everything of it only when the email is typed', async () => {
    const u = await createUser({ email: 'cy@example.test', password: 'networks2377' }, t.db);
    await t.db.account.create({ data: { userId: u.id, type: 'oauth', provider: 'oidc', providerAccountId: 'cy-sub' } });
    await expect(deleteUser(u.id, 'someone@else.test', t.db)).rejects.toMatchObject({ kind: 'bad-request', field: 'confirmEmail' });
    expect(await findUser(u.id, t.db)).not.toBeNull();
    await deleteUser(u.id, ' CY@example.test ', t.db);
    expect(await findUser(u.id, t.db)).toBeNull();
    expect(await t.db.account.count({ where: { userId: u.id } })).toBe(0);
    expect(await t.db.loginAttempt.count({ where: { key: 'cy@example.test', kind: 'email' } })).toBe(0);
  });
});
