/**
 * Regression tests for issue 12, faults, through the real production server (`next start`):
 *  - a full disk: the database on a small tmpfs mounted for the test (skipped, saying why, where mounting
 *    is not allowed). A write while the disk is full answers 503; once space is freed, writes work again
 *    without a restart (before the fix a failed COMMIT left the driver's transaction lock held and every
 *    later write hung forever);
 *  - database files are created with mode 600.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onPostgres } from '../../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { createTestUser, signIn, type Session } from '../../helpers/auth';
import { createPrismaClient } from '@/server/db';
import { getBank } from '@/server/banks';

const SECRET = 'test-secret-issue12-faults-0123456789abcdef0123';
const template = () => {
  const file = process.env.NETPREP_TEMPLATE_DB;
  if (!file) throw new Error('global setup did not run');
  return file;
};

function tryMount(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err).trim() || 'mount failed';
  }
}

const review = (id: string) =>
  JSON.stringify({ clientReviewId: id, questionId: getBank().questions.find((q) => q.type !== 'command')!.id, rating: 3, durationMs: 900, source: 'flashcard' });

async function post(session: Session, server: RunningServer, id: string, timeoutMs = 20000): Promise<Response> {
  return session.fetch('/api/reviews', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: review(id),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

// SQLite faults: nothing to run under npm run test:postgres.
const describeSqlite = onPostgres() ? describe.skip : describe;

describeSqlite('a full disk', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-full-'));
  const mountError = onPostgres() ? 'PostgreSQL run' : tryMount(dir, '3m');
  let server: RunningServer;
  let session: Session;
  const filler = path.join(dir, 'filler');
  afterAll(async () => {
    await server?.stop();
    if (!mountError) execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  (mountError ? it.skip : it)(`answers 503 while full and recovers by itself once space is freed${mountError ? ` (skipped: cannot mount a tmpfs: ${mountError})` : ''}`, async () => {
    const file = path.join(dir, 'app.db');
    fs.copyFileSync(template(), file);
    const db = createPrismaClient(`file:${file}`);
    await createTestUser(db, 'disk@example.test');
    await db.$disconnect();
    fs.chmodSync(file, 0o644);
    server = await startServer({ DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: SECRET });
    session = await signIn(server.url, 'disk@example.test');
    for (const f of [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f))) expect((fs.statSync(f).mode & 0o777).toString(8)).toBe('600');
    expect((await post(session, server, 'disk-before-full')).status).toBe(201);

    // Fill the filesystem to the last byte.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'pipe' });
    } catch {
      /* "No space left on device" is the point */
    }
    const full = await post(session, server, 'disk-while-full');
    expect(full.status).toBe(503);
    expect((await full.json()).error.message).toMatch(/disk is full/i);

    fs.rmSync(filler);
    const after = await post(session, server, 'disk-after-free');
    expect(after.status).toBe(201);
    expect((await post(session, server, 'disk-after-free-2')).status).toBe(201);
  }, 120000);
});
