/**
 * http: a production server (`next start`) on SQLite; 50 simulated learners submit
 * reviews over HTTP concurrently for 30 s (autocannon, 50 connections, each request a
 * fresh review of a random bank question by the next learner, authenticated with a
 * next-auth session cookie minted with the server's NEXTAUTH_SECRET). Then the review
 * log is counted: every acknowledged review (2xx) must be stored exactly once.
 * Reports { requestsPerSecond, reviewP50Ms, reviewP99Ms, submitted, stored, lostReviews }.
 * Targets: lostReviews == 0, reviewP99Ms <= 50.
 * Args: --learners N --seconds N --rate N (overall requests/s cap; default none = closed loop)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { Bench } from './index';
import { migrateDatabase } from '../scripts/lib/database';
import { buildIsCurrentFor } from '../scripts/lib/build';
import { BUILD_STAMP, BANK_FILE, NEXT_BIN, ROOT } from '../scripts/lib/paths';
import { startServer } from '../tests/helpers/server';
import { sessionCookie, TEST_SECRET } from '../tests/server/fixtures/session';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const bench: Bench = {
  description: '50 learners submitting reviews over HTTP to a production server on SQLite for 30 s',
  async run(args, log) {
    const learners = arg(args, 'learners', 50);
    const seconds = arg(args, 'seconds', 30);
    const rate = arg(args, 'rate', 0);
    const build = buildIsCurrentFor(ROOT);
    if (!build.current) {
      log('building the app first (sources changed since the last build)');
      const res = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (res.status !== 0) throw new Error('next build failed');
      fs.writeFileSync(BUILD_STAMP, build.hash);
    }
    const questions = (JSON.parse(fs.readFileSync(BANK_FILE, 'utf8')) as { questions: { id: string }[] }).questions.map((q) => q.id);
    if (questions.length === 0) throw new Error('the question bank is empty: run npm run content -- build');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-bench-http-'));
    const file = path.join(dir, 'bench.db');
    const url = `file:${file}`;
    await migrateDatabase(url);
    const raw = new Database(file);
    const now = new Date().toISOString().replace('Z', '+00:00');
    const ids = Array.from({ length: learners }, (_, i) => `learner-${i}`);
    const insert = raw.prepare(`INSERT INTO "User" (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)`);
    raw.transaction(() => ids.forEach((id) => insert.run(id, `${id}@example.com`, now, now)))();
    raw.close();
    const cookies = await Promise.all(ids.map((id) => sessionCookie(id, TEST_SECRET)));

    const server = await startServer({ DATABASE_URL: url, NEXTAUTH_SECRET: TEST_SECRET });
    const acknowledged = new Set<string>();
    let next = 0;
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const body = (clientReviewId: string) =>
      JSON.stringify({
        clientReviewId,
        questionId: questions[Math.floor(rnd() * questions.length)],
        rating: 1 + Math.floor(rnd() * 4),
        durationMs: 2000 + Math.floor(rnd() * 8000),
        source: 'flashcard',
      });
    try {
      // Warm up the route (first request loads the bank and compiles the query plans).
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${server.url}/api/reviews`, {
          method: 'POST',
          headers: { cookie: cookies[0], 'content-type': 'application/json' },
          body: body(`warmup-${i}`),
        });
        if (res.status !== 201) throw new Error(`warm-up review failed: ${res.status} ${await res.text()}`);
        acknowledged.add(`warmup-${i}`);
      }
      log(`server up on ${server.url}; ${learners} learners for ${seconds} s${rate ? ` at ${rate} req/s` : ' (closed loop)'}`);
      const result = await autocannon({
        url: server.url,
        connections: learners,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [
          {
            method: 'POST',
            path: '/api/reviews',
            setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
              const n = next++;
              const id = `bench-${n}`;
              context.id = id;
              return { ...req, headers: { cookie: cookies[n % learners], 'content-type': 'application/json' }, body: body(id) };
            },
            onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
              if (status === 201 || status === 200) acknowledged.add(context.id as string);
            },
          },
        ],
      } as unknown as autocannon.Options);
      const db = new Database(file, { readonly: true });
      const storedIds = new Set((db.prepare(`SELECT clientReviewId FROM "ReviewLog"`).all() as { clientReviewId: string }[]).map((r) => r.clientReviewId));
      const integrity = db.pragma('integrity_check', { simple: true });
      db.close();
      let lost = 0;
      for (const id of acknowledged) if (!storedIds.has(id)) lost++;
      return {
        requestsPerSecond: Math.round(result.requests.average),
        reviewP50Ms: result.latency.p50,
        reviewP99Ms: result.latency.p99,
        submitted: acknowledged.size,
        stored: storedIds.size,
        lostReviews: lost,
        non2xx: result.non2xx,
        errors: result.errors,
        integrity: String(integrity),
      };
    } finally {
      await server.stop('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
