/**
 * Regression test for issue 12 (faults): "one user's 18 MB POST /api/progress stalled another's review
 * for 19.5 s". Against `next start` on a fresh SQLite file:
 *  - a progress file of the largest accepted size (a learner with 2,000 cards and ~53,000 reviews, the
 *    measured size of a real export) is imported while another learner keeps reviewing: every one of
 *    that learner's reviews, and the health check, answers within a generous bound, and the import
 *    succeeds with every row;
 *  - a body over the limit gets 413 with a message, decided from its Content-Length before the body is
 *    read (the server answers while most of the body is still unsent), and without a length by counting
 *    the bytes as they arrive; never 500.
 */
import http from 'node:http';
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { progressDocument } from '../../helpers/progress-doc';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { sessionCookie, TEST_SECRET } from '@/scripts/lib/session';
import { getBank } from '@/server/banks';

const MiB = 1024 * 1024;
/** app/api/progress/route.ts MAX_IMPORT_BYTES. */
const LIMIT = 40 * MiB;
/** Generous bound for another learner's review while the import runs (not a timing benchmark). */
const REVIEW_BOUND_MS = 5000;

describe('progress import (issue 12)', () => {
  let t: TestDatabase;
  let server: RunningServer;
  let importer: string;
  let importerCookie: string;
  let reviewerCookie: string;
  let seq = 0;
  const post = (path: string, cookie: string, body: string, timeoutMs = 120_000) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  /**
   * POST on a connection of its own (fetch would reuse a pooled keep-alive socket, which the server may
   * close for idleness just as a long upload starts: EPIPE).
   */
  const postOnNewConnection = (path: string, cookie: string, body: string) =>
    new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = http.request(
        server.url + path,
        { method: 'POST', agent: false, headers: { cookie, 'content-type': 'application/json', origin: server.url, 'content-length': Buffer.byteLength(body) }, timeout: 180_000 },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('the import got no answer within 180 s')));
      req.end(body);
    });
  const review = async () => {
    const start = Date.now();
    const questions = getBank().questions.filter((q) => q.type !== 'command');
    const res = await post(
      '/api/reviews',
      reviewerCookie,
      JSON.stringify({ clientReviewId: `import-side-${++seq}`, questionId: questions[seq % questions.length].id, rating: 3, durationMs: 900, source: 'flashcard' }),
      30_000,
    );
    return { status: res.status, ms: Date.now() - start };
  };

  let body: string;
  beforeAll(async () => {
    // Made first: generating it takes seconds, which would leave the warmed-up keep-alive sockets idle
    // long enough for the server to close them under the next request ("other side closed").
    body = JSON.stringify(progressDocument({ cards: 2000, logs: 53_000 }));
    t = freshDatabase('progress-import');
    const a = await t.db.user.create({ data: { email: 'importer@example.test' } });
    const b = await t.db.user.create({ data: { email: 'reviewer@example.test' } });
    importer = a.id;
    importerCookie = await sessionCookie(a.id);
    reviewerCookie = await sessionCookie(b.id);
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: TEST_SECRET });
    // Warm up both routes.
    expect((await review()).status).toBe(201);
    expect((await post('/api/progress', importerCookie, JSON.stringify(progressDocument({ cards: 3, logs: 5 })))).status).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('imports a file of the largest accepted size while another learner keeps reviewing', async () => {
    const size = Buffer.byteLength(body);
    expect(size).toBeLessThanOrEqual(LIMIT);
    expect(size).toBeGreaterThan(LIMIT * 0.85);

    let done = false;
    const importing = postOnNewConnection('/api/progress', importerCookie, body);
    importing.finally(() => (done = true)).catch(() => {});
    const reviews: { status: number; ms: number }[] = [];
    const health: number[] = [];
    while (!done) {
      const start = Date.now();
      const h = await fetch(server.url + '/api/health', { signal: AbortSignal.timeout(30_000) });
      health.push(Date.now() - start);
      expect(h.status).toBe(200);
      reviews.push(await review());
      await new Promise((r) => setTimeout(r, 100));
    }
    const imported = await importing;
    expect(imported).toEqual({ status: 200, json: { imported: { cards: 2000, logs: 53_000 } } });
    expect(await t.db.reviewLog.count({ where: { userId: importer } })).toBe(53_000);
    expect(await t.db.cardState.count({ where: { userId: importer } })).toBe(2000);
    // The other learner was served all along: several reviews while the import ran, each within the bound.
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    expect(reviews.filter((r) => r.status !== 201)).toEqual([]);
    expect(reviews.filter((r) => r.ms > REVIEW_BOUND_MS)).toEqual([]);
    expect(health.filter((ms) => ms > REVIEW_BOUND_MS)).toEqual([]);
  }, 240_000);

  it('refuses a body over the limit with 413 from its Content-Length, before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      const req = http.request(
        `${server.url}/api/progress`,
        { method: 'POST', agent: false, headers: { cookie: importerCookie, 'content-type': 'application/json', origin: server.url, 'content-length': String(LIMIT + 1) }, timeout: 30_000 },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text, sentBytes });
            req.destroy();
          });
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
      req.on('timeout', () => req.destroy(new Error('no answer within 30 s while the body was unsent')));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      req.write(chunk); // 64 KB of the announced 40 MB, then wait for the answer
      sentBytes += chunk.length;
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toMatch(/41943041 bytes; the limit is 41943040/);
    expect(answer.sentBytes).toBeLessThan(LIMIT);
  });

  it('refuses a body over the limit sent without a length (chunked) with 413, not 500', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${server.url}/api/progress`,
        { method: 'POST', agent: false, headers: { cookie: importerCookie, 'content-type': 'application/json', origin: server.url, 'transfer-encoding': 'chunked' }, timeout: 60_000 },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
      req.on('timeout', () => req.destroy(new Error('timed out')));
      const chunk = Buffer.alloc(MiB, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= LIMIT + MiB && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect((await review()).status).toBe(201); // still serving
  }, 90_000);
});
