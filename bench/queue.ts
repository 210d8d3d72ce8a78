/**
 * queue: one learner with 20,000 card states and 1,000,000 review logs in SQLite.
 * Reports the time to fetch the next 50 cards (the full `getQueue`: due cards with
 * interval previews, today's counts from the log, limits, burying) and to submit one
 * review (`submitReview`, transactional, idempotent) with each writer of server/review-writer.ts,
 * interleaved; `submitP50Ms`/`submitP95Ms` are the default writer's (NETPREP_REVIEW_WRITER).
 * Targets: dueQueryP95Ms <= 5, submitP95Ms <= 3.
 *
 * Seeding uses raw better-sqlite3 batched inserts in one transaction (Prisma would take
 * minutes for a million rows); the measured calls go through the real store code.
 * Args: --cards N --logs N --runs N --db FILE (keep the seeded database in FILE and reuse it next time)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Bench } from './index';
import { arg } from './_args';
import { loadServer } from './_server';
import { migrateDatabase } from '../scripts/lib/database';
import type { Bank } from '../server/banks';
import type { ReviewWriterKind } from '../server/review-writer';
import { env } from '../env';


const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round = (x: number) => Math.round(x * 100) / 100;

const bench: Bench = {
  description: 'next-50 queue fetch and review submit for one learner with 20k cards and 1M logs (SQLite)',
  async run(args, log) {
    const nCards = arg(args, 'cards', 20_000);
    const nLogs = arg(args, 'logs', 1_000_000);
    const runs = arg(args, 'runs', 200);
    const { createPrismaClient, indexBank, getQueue, submitReview } = loadServer();
    const userId = 'bench-user';
    const keep = args.includes('--db') ? path.resolve(args[args.indexOf('--db') + 1]) : null;
    const dir = keep ? path.dirname(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-bench-queue-'));
    const file = keep ?? path.join(dir, 'bench.db');
    const reuse = keep !== null && fs.existsSync(keep);
    const url = `file:${file}`;
    try {
      if (!reuse) await migrateDatabase(url);
      const now = new Date();
      const DAY = 86_400_000;
      const decks = ['bridge', 'overlay', 'swarm', 'dns', 'ports', 'macvlan', 'troubleshooting', 'plugins'];
      const bank: Bank = {
        version: 1,
        decks: decks.map((id) => ({ id, title: id, file: `${id}.md`, topics: [[id]], questionCount: nCards / decks.length })),
        questions: Array.from({ length: nCards }, (_, i) => ({
          id: `q${i}`,
          deck: decks[i % decks.length],
          topic: [decks[i % decks.length], `s${i % 13}`],
          type: 'qa' as const,
          prompt: `question ${i}`,
          answer: 'a',
          source: { file: 'x.md', line: i + 1 },
          sourceItem: `item${Math.floor(i / 2)}`,
        })),
        blueprints: [],
      };
      const loaded = indexBank(bank);

      if (!reuse) {
      log(`seeding ${nCards} card states and ${nLogs} review logs into ${file}`);
      const t0 = Date.now();
      const raw = new Database(file);
      raw.pragma('journal_mode = WAL');

      raw.prepare(`INSERT INTO "User" (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)`).run(userId, 'bench@example.com', iso(now), iso(now));
      raw.prepare(`INSERT INTO "UserSettings" (id, userId, newPerDay, maxReviewsPerDay, enableFuzz, updatedAt) VALUES ('s', ?, 20, 9999, 1, ?)`).run(userId, iso(now));
      const insCard = raw.prepare(
        `INSERT INTO "CardState" (id, userId, questionId, deck, sourceItem, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, retired, version, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 2, ?, 0, 0, ?, ?)`,
      );
      const insLog = raw.prepare(
        `INSERT INTO "ReviewLog" (id, userId, questionId, clientReviewId, rating, prevState, answer, durationMs, source, stateBefore, stateAfter, reviewedAt, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'flashcard', ?, ?, ?, ?)`,
      );
      // Deterministic pseudo-random numbers (no Math.random: the figures must be repeatable).
      let seed = 42;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      raw.transaction(() => {
        for (let i = 0; i < nCards; i++) {
          // Due dates spread from 60 days ago to 120 days ahead: about a third are due.
          const due = new Date(now.getTime() + Math.floor((rnd() * 180 - 60) * DAY));
          const last = new Date(due.getTime() - 10 * DAY);
          insCard.run(`c${i}`, userId, `q${i}`, bank.questions[i].deck, bank.questions[i].sourceItem, iso(due), 10 + rnd() * 50, 5, 10, 10, 50, 2, iso(last), iso(now), iso(now));
        }
      })();
      const snap = JSON.stringify({ due: now.toISOString(), stability: 12.3, difficulty: 5.1, elapsed_days: 10, scheduled_days: 12, learning_steps: 0, reps: 9, lapses: 1, state: 2, last_review: now.toISOString() });
      const batch = 50_000;
      for (let start = 0; start < nLogs; start += batch) {
        raw.transaction(() => {
          for (let i = start; i < Math.min(nLogs, start + batch); i++) {
            // Spread over two years, the newest 200 today.
            const at = i >= nLogs - 200 ? new Date(now.getTime() - (nLogs - i) * 1000) : new Date(now.getTime() - DAY - Math.floor(rnd() * 730 * DAY));
            insLog.run(`l${i}`, userId, `q${i % nCards}`, `seed-${i}`, 1 + Math.floor(rnd() * 4), 2, 1000 + (i % 9000), snap, snap, iso(at), iso(at));
          }
        })();
      }
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.exec('ANALYZE');
      raw.close();
      log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
      }

      const db = createPrismaClient(url);
      const ctx = { db, bank: loaded };
      try {
        await getQueue(userId, { limit: 50 }, ctx); // warm up (bank sync, query plans)
        const queueMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          const s = process.hrtime.bigint();
          const q = await getQueue(userId, { limit: 50 }, ctx);
          queueMs.push(Number(process.hrtime.bigint() - s) / 1e6);
          if (q.items.length !== 50) throw new Error(`expected 50 cards, got ${q.items.length}`);
        }
        // Submit: both writers (server/review-writer.ts) in the same run, interleaved (which goes
        // first alternates), so load on the machine hits both alike.
        const due = await getQueue(userId, { limit: 50 }, ctx);
        const submitMs: Record<ReviewWriterKind, number[]> = { driver: [], prisma: [] };
        for (let i = 0; i < runs; i++) {
          const order: ReviewWriterKind[] = i % 2 ? ['driver', 'prisma'] : ['prisma', 'driver'];
          for (const writer of order) {
            const item = due.items[(2 * i + (writer === 'driver' ? 1 : 0)) % due.items.length];
            const s = process.hrtime.bigint();
            await submitReview(userId, { clientReviewId: `bench-${writer}-${i}-${Date.now()}`, questionId: item.questionId, rating: 3, durationMs: 3000, source: 'flashcard' }, { ...ctx, writer });
            submitMs[writer].push(Number(process.hrtime.bigint() - s) / 1e6);
          }
        }
        queueMs.sort((a, b) => a - b);
        for (const ms of Object.values(submitMs)) ms.sort((a, b) => a - b);
        const writer = env().NETPREP_REVIEW_WRITER;
        return {
          cards: nCards,
          logs: nLogs,
          dueQueryP50Ms: round(percentile(queueMs, 50)),
          dueQueryP95Ms: round(percentile(queueMs, 95)),
          writer,
          submitP50Ms: round(percentile(submitMs[writer], 50)),
          submitP95Ms: round(percentile(submitMs[writer], 95)),
          submitDriverP50Ms: round(percentile(submitMs.driver, 50)),
          submitDriverP95Ms: round(percentile(submitMs.driver, 95)),
          submitPrismaP50Ms: round(percentile(submitMs.prisma, 50)),
          submitPrismaP95Ms: round(percentile(submitMs.prisma, 95)),
          loadAverage: round(os.loadavg()[0]),
        };
      } finally {
        await db.$disconnect();
      }
    } finally {
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
