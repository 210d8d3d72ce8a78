import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportAuthSecret, readOrCreateSecretFile, SECRET_FILE } from '@/auth-secret';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { startServer } from '@/scripts/lib/server';
import { createTestUser, signIn } from '../helpers/auth';

describe('generated session secret', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-secret-'));

  it('is created once with mode 600 and reused', () => {
    const file = path.join(tmp, 'data', '.nextauth-secret');
    const first = readOrCreateSecretFile(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file)).toBe(first);
  });

  it('replaces a truncated file', () => {
    const file = path.join(tmp, 'short');
    fs.writeFileSync(file, 'abc');
    const s = readOrCreateSecretFile(file);
    expect(s).toHaveLength(64);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(s);
  });

  it('is exported to the server environment by set-up when NEXTAUTH_SECRET is unset', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-root-'));
    const target: Record<string, string | undefined> = {};
    expect(exportAuthSecret(root, target)).toBe('created');
    expect(target.NEXTAUTH_SECRET).toBe(fs.readFileSync(path.join(root, SECRET_FILE), 'utf8').trim());
    const again: Record<string, string | undefined> = {};
    expect(exportAuthSecret(root, again)).toBe('kept');
    expect(again.NEXTAUTH_SECRET).toBe(target.NEXTAUTH_SECRET);
  });
});

describe('with no NEXTAUTH_SECRET, sessions survive a restart', () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = freshDatabase('auth-secret');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a cookie from the first run is valid on the second', async () => {
    await createTestUser(t.db, 'ada@example.test');
    const first = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: '' });
    let session;
    try {
      session = await signIn(first.url, 'ada@example.test');
    } finally {
      await first.stop();
    }
    const second = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: '' });
    try {
      const res = await fetch(second.url + '/api/auth/session', { headers: { cookie: session.jar.header() } });
      expect((await res.json()).user).toMatchObject({ email: 'ada@example.test' });
    } finally {
      await second.stop();
    }
  }, 90000);
});
