/**
 * Regression test for issue 12 (faults): "The whole server freezes while the database is locked."
 * Another PROCESS holds SQLite's write lock (BEGIN EXCLUSIVE) for a few seconds. Before the fix the
 * driver waited synchronously on the event loop (busy timeout 5 s), so every request, static files
 * included, froze behind the waiting review. Now the busy timeout is short and waits are retried
 * asynchronously (server/db.ts `resilientSqlite`, server/driver.ts): while a review waits for the lock,
 * the health check, a static file and a database-reading page answer at once, and the review is
 * stored once the lock is released.
 *
 * Everything here has a timeout, and the lock holder is a child `node` process that releases the lock
 * on its own after HOLD_MS, exits when its stdin closes, and is killed in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { freshDatabase, onPostgres, type TestDatabase } from '../../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { sessionCookie, TEST_SECRET } from '@/scripts/lib/session';
import { getBank } from '@/server/banks';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** How long the other process keeps the lock. */
const HOLD_MS = 4000;
/** Generous bound for a request that must not wait for the lock (not a timing benchmark). */
const QUICK_MS = 1500;

/** A child process that takes SQLite's write lock on `file`, says "locked", holds it HOLD_MS, then commits and exits. */
function holdLock(file: string): { child: ChildProcess; locked: Promise<number>; released: Promise<number> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('UPDATE "User" SET "name" = "name"').run();
    process.stdout.write('locked\\n');
    process.stdin.on('close', () => process.exit(3)); // the test went away
    process.stdin.resume();
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(HOLD_MS)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waitFor = (word: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`lock holder did not say "${word}" within ${timeoutMs} ms: ${out} ${err}`)), timeoutMs);
      const check = () => {
        if (out.includes(word)) {
          clearTimeout(timer);
          resolve(Date.now());
        }
      };
      child.stdout!.on('data', (d) => {
        out += d;
        check();
      });
      child.stderr!.on('data', (d) => (err += d));
      child.once('exit', (code) => {
        check();
        clearTimeout(timer);
        reject(new Error(`lock holder exited (${code}) before "${word}": ${out} ${err}`));
      });
    });
  const locked = waitFor('locked', 10_000);
  const released = waitFor('released', HOLD_MS + 10_000);
  released.catch(() => {}); // awaited later; avoid an unhandled rejection when the test fails first
  return { child, locked, released };
}

/**
 * An HTTP request on a connection of its own (a pooled keep-alive socket left idle while the lock holder
 * starts could be closed by the server under the next request), with a hard timeout; resolves to status,
 * body text and elapsed milliseconds.
 */
function timed(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, timeoutMs = 20_000): Promise<{ status: number; body: string; ms: number }> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - start }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${init.method ?? 'GET'} ${url}: no answer within ${timeoutMs} ms`)));
    req.end(init.body);
  });
}

const describeSqlite = onPostgres() ? describe.skip : describe;

describeSqlite('a database locked by another process (issue 12)', () => {
  let t: TestDatabase;
  let server: RunningServer;
  let holder: ChildProcess | undefined;
  let cookie: string;
  let staticPath: string;
  const questionId = () => getBank().questions.find((q) => q.type !== 'command')!.id;
  const review = (id: string) =>
    ({
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ clientReviewId: id, questionId: questionId(), rating: 3, durationMs: 900, source: 'flashcard' }),
    });

  beforeAll(async () => {
    t = freshDatabase('db-lock');
    const user = await t.db.user.create({ data: { email: 'lock@example.test', name: 'lock' } });
    cookie = await sessionCookie(user.id);
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: TEST_SECRET });
    // Warm up every route used below, so first-request compilation and cold caches do not count.
    expect((await timed(server.url + '/api/reviews', review('lock-warm-up'))).status).toBe(201);
    const home = await timed(server.url + '/', { headers: { cookie } });
    expect(home.status).toBe(200);
    staticPath = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(home.body)![0];
    expect((await timed(server.url + staticPath)).status).toBe(200);
    expect((await timed(server.url + '/api/health', { headers: { cookie } })).status).toBe(200);
    expect((await timed(server.url + '/stats', { headers: { cookie } })).status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    holder?.kill('SIGKILL');
    await server?.stop();
    await t?.close();
  });

  it('keeps answering pages, static files and health checks while a review waits for the lock, then stores the review', async () => {
    const lock = holdLock(t.file);
    holder = lock.child;
    const lockedAt = await lock.locked;

    // The review needs the write lock: it waits (asynchronously) until the other process commits.
    const reviewStart = Date.now();
    let reviewDone = 0;
    const pendingReview = timed(server.url + '/api/reviews', review('lock-during'), 20_000).then((r) => ((reviewDone = Date.now()), r));
    pendingReview.catch(() => {});
    await new Promise((r) => setTimeout(r, 300)); // let the review reach the database and meet the lock

    const [health, file, page] = await Promise.all([
      timed(server.url + '/api/health', { headers: { cookie } }, 5000),
      timed(server.url + staticPath, {}, 5000),
      timed(server.url + '/stats', { headers: { cookie } }, 5000),
    ]);
    const othersDone = Date.now();
    expect([health.status, file.status, page.status]).toEqual([200, 200, 200]);
    expect({ health: health.ms < QUICK_MS, file: file.ms < QUICK_MS, page: page.ms < QUICK_MS }).toEqual({ health: true, file: true, page: true });
    // The lock really was held all along: the review is still waiting when the others are done.
    expect(reviewDone).toBe(0);
    expect(othersDone - lockedAt).toBeLessThan(HOLD_MS);

    const releasedAt = await lock.released;
    const stored = await pendingReview;
    expect(stored.status).toBe(201);
    expect(reviewDone).toBeGreaterThanOrEqual(releasedAt - 50);
    expect(reviewDone - reviewStart).toBeLessThan(HOLD_MS + 5000);
    expect(await t.db.reviewLog.count({ where: { clientReviewId: 'lock-during' } })).toBe(1);
  }, 60_000);
});
