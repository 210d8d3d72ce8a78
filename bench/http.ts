/**
 * http: production servers (`next start`) under review traffic, then an audit of the store.
 *
 * 1. Seed N learners (SQLite file, or with --postgres a throwaway PostgreSQL started the way
 *    `npm run test:postgres` does), start --instances servers on that database with one secret.
 * 2. Framework floor: the same clients, closed loop, against GET /api/health (session decoded, no
 *    database) for --floor-seconds: `floorRps`.
 * 3. Reviews: POST /api/reviews for --seconds, closed loop (one request in flight per learner) or
 *    with --rate N an open loop (N requests/s on a fixed schedule, latency from the scheduled
 *    time). Requests spread round-robin over the instances. 5% carry bad input on purpose
 *    (malformed JSON, unknown question, oversized body) and must get a 4xx.
 * 4. Audit: every acknowledged review (2xx) is stored (lostReviews), none is applied twice
 *    (doubledReviews: log rows per clientReviewId > 1, or card reps not matching the log).
 *
 * Figures: requestsPerSecond, reviewP50Ms/reviewP99Ms (good requests only), floorRps,
 * ratioToFloor, non2xxUnexpected (must be 0), badInputRejected, lostReviews, doubledReviews,
 * instances, database, loadAverage (1-minute, at the end: figures under load are inflated).
 * Targets: ratioToFloor >= 0.5; with --rate 200, reviewP99Ms <= 50; lost = doubled = unexpected = 0.
 * Args: --learners N (50) --seconds N (30) --floor-seconds N (10) --rate N --postgres --instances N (1)
 *       --writer driver|prisma (NETPREP_REVIEW_WRITER of the servers) --cpu-prof DIR (profile the first server)
 *       --sockets N (open loop: socket cap per server; default the learners' count, spread over the servers)
 *       --trace FILE (one JSON line per review request: due time, socket, connect, response head and end)
 * The load generator's own health is reported too (clientLoopDelayMaxMs, sendLateP99Ms, newConnections,
 * connectMaxMs, errorKinds) and the worst latency of each second (worstPerSecondMs), so a stall shows when it
 * happened and whether the client or the server caused it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Bench } from './index';
import { arg, strArg } from './_args';
import { runLoad, type LoadRequest } from './_load';
import { migrateDatabase } from '../scripts/lib/database';
import { buildIsCurrentFor } from '../scripts/lib/build';
import { BUILD_STAMP, BANK_FILE, NEXT_BIN, ROOT } from '../scripts/lib/paths';
import { createMigratedDatabase, startPostgres, type PostgresServer } from '../scripts/test-postgres';
import { startServer, type RunningServer } from '../scripts/lib/server';
import { generatePrismaClient } from '../scripts/setup';
import { sessionCookie, TEST_SECRET } from '../scripts/lib/session';


/** Build the app when the sources changed since the last build. */
export function ensureBuilt(log: (l: string) => void): void {
  // A schema change since the last generate would fail the build's type check: generate first, as `npm start` does.
  if (generatePrismaClient('file:./data/generate.db') === 'generated') log('generated the Prisma clients (the schema changed)');
  const build = buildIsCurrentFor(ROOT);
  if (build.current) return;
  log('building the app first (sources changed since the last build)');
  // The build's own output (type errors included) goes to stderr: stdout keeps only the figures.
  const res = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
  if (res.status !== 0) throw new Error('next build failed (its output is above)');
  fs.writeFileSync(BUILD_STAMP, build.hash);
}

/** The store the bench runs on: where it is, how to run SQL on it, how to drop it. */
interface BenchStore {
  kind: 'sqlite' | 'postgresql';
  url: string;
  exec(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function sqliteStore(): Promise<BenchStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-bench-http-'));
  const url = `file:${path.join(dir, 'bench.db')}`;
  await migrateDatabase(url);
  const raw = new Database(path.join(dir, 'bench.db'));
  raw.pragma('journal_mode = WAL');
  return {
    kind: 'sqlite',
    url,
    async exec(sql, params = []) {
      const stmt = raw.prepare(sql.replace(/\$\d+/g, '?'));
      if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
      stmt.run(...params);
      return [];
    },
    async close() {
      raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresStore(log: (l: string) => void): Promise<BenchStore> {
  let pg: PostgresServer | undefined = await startPostgres(log);
  try {
    const url = await createMigratedDatabase(pg.adminUrl, 'netprep_bench');
    const client = new Client({ connectionString: url });
    await client.connect();
    return {
      kind: 'postgresql',
      url,
      async exec(sql, params = []) {
        return (await client.query(sql, params)).rows as Record<string, unknown>[];
      },
      async close() {
        await client.end();
        pg?.stop();
        pg = undefined;
      },
    };
  } catch (err) {
    pg.stop();
    throw err;
  }
}

/** Request i of the review phase: every 20th carries one of three kinds of bad input. */
function reviewRequests(questions: string[], cookies: string[], acknowledged: Set<string>) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const review = (id: string, questionId: string) =>
    JSON.stringify({ clientReviewId: id, questionId, rating: 1 + Math.floor(rnd() * 4), durationMs: 2000 + Math.floor(rnd() * 8000), source: 'flashcard' });
  const bad = [
    () => '{"clientReviewId": "broken", "questionId": ', // malformed JSON
    (id: string) => review(id, 'no-such-question-in-the-bank'), // unknown question
    (id: string) => JSON.stringify({ clientReviewId: id, questionId: questions[0], rating: 3, durationMs: 1, source: 'flashcard', answer: 'x'.repeat(40_000) }), // oversized
  ];
  return (i: number): LoadRequest => {
    const id = `bench-review-${i}`;
    const headers = { cookie: cookies[i % cookies.length], 'content-type': 'application/json' };
    if (i % 20 === 19) {
      const body = bad[Math.floor(i / 20) % bad.length](id);
      return { method: 'POST', path: '/api/reviews', headers, body, expect: '4xx' };
    }
    const body = review(id, questions[Math.floor(rnd() * questions.length)]);
    return {
      method: 'POST',
      path: '/api/reviews',
      headers,
      body,
      expect: '2xx',
      onStatus: (status) => {
        if (status === 201 || status === 200) acknowledged.add(id);
      },
    };
  };
}

const bench: Bench = {
  description: 'learners submitting reviews over HTTP to production servers (SQLite, or PostgreSQL with several instances), against the framework floor',
  async run(args, log) {
    const learners = arg(args, 'learners', 50);
    const seconds = arg(args, 'seconds', 30);
    const floorSeconds = arg(args, 'floor-seconds', 10);
    const rate = arg(args, 'rate', 0);
    const instances = arg(args, 'instances', 1);
    const postgres = args.includes('--postgres');
    const writer = strArg(args, 'writer') ?? 'driver';
    const profDir = strArg(args, 'cpu-prof');
    if (instances > 1 && !postgres) throw new Error('--instances > 1 needs --postgres (several servers share one PostgreSQL)');
    if (!['driver', 'prisma'].includes(writer)) throw new Error('--writer must be driver or prisma');
    ensureBuilt(log);
    const questions = (JSON.parse(fs.readFileSync(BANK_FILE, 'utf8')) as { questions: { id: string }[] }).questions.map((q) => q.id);
    if (questions.length === 0) throw new Error('the question bank is empty: run npm run content -- build');

    const store = postgres ? await postgresStore(log) : await sqliteStore();
    const servers: RunningServer[] = [];
    try {
      const ids = Array.from({ length: learners }, (_, i) => `learner-${i}`);
      const now = new Date().toISOString();
      for (const id of ids) {
        await store.exec(`INSERT INTO "User" (id, email, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4)`, [id, `${id}@example.com`, now, now]);
      }
      const cookies = await Promise.all(ids.map((id) => sessionCookie(id, TEST_SECRET)));
      const env = { DATABASE_URL: store.url, NEXTAUTH_SECRET: TEST_SECRET, NETPREP_REVIEW_WRITER: writer };
      for (let k = 0; k < instances; k++) {
        servers.push(await startServer(env, 60_000, k === 0 && profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`] : []));
      }
      const targets = servers.map((s) => s.url);
      const acknowledged = new Set<string>();
      const next = reviewRequests(questions, cookies, acknowledged);

      // Warm up every instance (first requests load the bank and compile the routes).
      for (const target of targets) {
        for (let i = 0; i < 5; i++) {
          const id = `warmup-${target.split(':').pop()}-${i}`;
          const res = await fetch(`${target}/api/reviews`, {
            method: 'POST',
            headers: { cookie: cookies[i], 'content-type': 'application/json' },
            body: JSON.stringify({ clientReviewId: id, questionId: questions[i], rating: 3, durationMs: 1000, source: 'flashcard' }),
          });
          if (res.status !== 201) throw new Error(`warm-up review failed: ${res.status} ${await res.text()}`);
          acknowledged.add(id);
          await fetch(`${target}/api/health`, { headers: { cookie: cookies[i] } });
        }
      }
      log(`${instances} server(s) on ${store.kind} (${writer} writer): floor for ${floorSeconds} s, then ${learners} learners for ${seconds} s${rate ? ` at ${rate} req/s (open loop)` : ' (closed loop)'}`);
      const floor = await runLoad({
        targets,
        connections: learners,
        seconds: floorSeconds,
        next: (i) => ({ method: 'GET', path: '/api/health', headers: { cookie: cookies[i % learners] }, expect: '2xx' }),
      });
      const load = await runLoad({ targets, connections: learners, seconds, rate, next, traceFile: strArg(args, 'trace'), sockets: arg(args, 'sockets', 0) || undefined });

      const stored = await store.exec(`SELECT "clientReviewId", COUNT(*) AS n FROM "ReviewLog" GROUP BY "clientReviewId"`);
      const storedIds = new Set(stored.map((r) => String(r.clientReviewId)));
      const repeated = stored.filter((r) => Number(r.n) > 1).length;
      const [reps] = await store.exec(`SELECT COALESCE(SUM(reps), 0) AS reps FROM "CardState"`);
      const [logs] = await store.exec(`SELECT COUNT(*) AS n FROM "ReviewLog" WHERE "undoneAt" IS NULL`);
      let lost = 0;
      for (const id of acknowledged) if (!storedIds.has(id)) lost++;
      const integrity = store.kind === 'sqlite' ? String((await store.exec('PRAGMA integrity_check'))[0]?.integrity_check) : 'n/a';
      return {
        database: store.kind,
        instances,
        writer,
        mode: rate ? `open loop ${rate}/s` : `closed loop ${learners}`,
        requestsPerSecond: load.requestsPerSecond,
        reviewP50Ms: load.p50Ms,
        reviewP99Ms: load.p99Ms,
        floorRps: floor.requestsPerSecond,
        floorP50Ms: floor.p50Ms,
        ratioToFloor: Math.round((100 * load.requestsPerSecond) / Math.max(1, floor.requestsPerSecond)) / 100,
        sent: load.sent,
        submitted: acknowledged.size,
        stored: storedIds.size,
        lostReviews: lost,
        doubledReviews: repeated + Math.abs(Number(reps.reps) - Number(logs.n)),
        badInputRejected: load.rejectedAsExpected,
        non2xxUnexpected: load.unexpected + floor.unexpected,
        errors: load.errors + floor.errors,
        statuses: JSON.stringify(load.statuses),
        clientLoopDelayMaxMs: load.clientLoopDelayMaxMs,
        sendLateP99Ms: load.sendLateP99Ms,
        newConnections: load.newConnections,
        connectMaxMs: load.connectMaxMs,
        errorKinds: JSON.stringify(load.errorKinds),
        worstPerSecondMs: load.worstPerSecondMs.join(' '),
        integrity,
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
      };
    } finally {
      await Promise.all(servers.map((s) => s.stop('SIGTERM')));
      await store.close();
    }
  },
};

export default bench;
