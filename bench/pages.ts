/**
 * pages: server time (time to first byte) of every page for a learner with a realistic history:
 * 2,000 cards, 50,000 review logs over a year, 20 exams (19 submitted, one open).
 *
 * The real bank has a few hundred questions, so the server runs from a scratch folder that links
 * the build, node_modules and content of this checkout but has its own generated/bank.json: the
 * real bank plus renamed copies of its questions up to --cards questions (decks, topics and
 * notes unchanged). Then each page is requested --requests times in a row (signed in, one at a
 * time, after two warm-up requests) and its TTFB percentiles are reported.
 * Reports { pages: { "/": { p50Ms, p95Ms }, ... }, worstPage, worstP95Ms, loadAverage }.
 * Target: worstP95Ms <= 150.
 * Args: --cards N (2000) --logs N (50000) --exams N (20) --requests N (50)
 *       --only /a,/b (measure these pages only, e.g. --only /,/stats,/decks/docker-networking)
 *       --cpu-prof DIR (a V8 CPU profile of the server; `npx tsx bench/_cpu-top.ts DIR/<file>.cpuprofile`)
 *       --db FILE (keep a copy of the seeded database there, for in-process timing of the page's reads)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Bench } from './index';
import { arg, strArg } from './_args';
import { percentile } from './_load';
import { ensureBuilt } from './http';
import { loadServer } from './_server';
import { migrateDatabase } from '../scripts/lib/database';
import { BANK_FILE, ROOT } from '../scripts/lib/paths';
import { startServer } from '../scripts/lib/server';
import { sessionCookie, TEST_SECRET } from '../scripts/lib/session';
import type { Bank } from '../server/banks';


const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
const round = (x: number) => Math.round(x * 100) / 100;

/** The real bank grown to `size` questions with renamed copies (ids `<id>-copy<k>`, own source items). */
function grownBank(size: number): Bank {
  const bank = JSON.parse(fs.readFileSync(BANK_FILE, 'utf8')) as Bank;
  const originals = bank.questions;
  const questions = [...originals];
  for (let k = 1; questions.length < size; k++) {
    for (const q of originals) {
      if (questions.length >= size) break;
      questions.push({ ...q, id: `${q.id}-copy${k}`, sourceItem: `${q.sourceItem}-copy${k}` });
    }
  }
  const perDeck = new Map<string, number>();
  for (const q of questions) perDeck.set(q.deck, (perDeck.get(q.deck) ?? 0) + 1);
  return { ...bank, questions, decks: bank.decks.map((d) => ({ ...d, questionCount: perDeck.get(d.id) ?? 0 })) };
}

/** A folder that runs this checkout's build with its own bank and database. */
function scratchProject(bank: Bank): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-bench-pages-'));
  for (const entry of ['.next', 'node_modules', 'content', 'package.json', 'next.config.js', 'public']) {
    if (fs.existsSync(path.join(ROOT, entry))) fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  fs.mkdirSync(path.join(dir, 'generated'));
  for (const entry of fs.readdirSync(path.join(ROOT, 'generated'))) {
    if (entry !== 'bank.json') fs.symlinkSync(path.join(ROOT, 'generated', entry), path.join(dir, 'generated', entry));
  }
  fs.writeFileSync(path.join(dir, 'generated', 'bank.json'), JSON.stringify(bank));
  fs.mkdirSync(path.join(dir, 'data'));
  return dir;
}

/** Time to first byte of GET `url` (ms) and its status. */
function ttfb(url: string, cookie: string, agent: http.Agent): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, { headers: { cookie }, agent }, (res) => {
      const ms = performance.now() - start;
      res.resume();
      res.on('end', () => resolve({ ms, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
  });
}

const bench: Bench = {
  description: 'time to first byte of every page for a learner with 2,000 cards, 50,000 logs and 20 exams',
  async run(args, log) {
    const nCards = arg(args, 'cards', 2000);
    const nLogs = arg(args, 'logs', 50_000);
    const nExams = arg(args, 'exams', 20);
    const requests = arg(args, 'requests', 50);
    const only = strArg(args, 'only')?.split(',').filter(Boolean);
    const profDir = strArg(args, 'cpu-prof');
    const keepDb = strArg(args, 'db');
    ensureBuilt(log);
    const bank = grownBank(nCards);
    const dir = scratchProject(bank);
    const file = path.join(dir, 'data', 'bench.db');
    const url = `file:${file}`;
    const userId = 'bench-learner';
    try {
      await migrateDatabase(url);
      log(`seeding ${nCards} cards, ${nLogs} logs, ${nExams} exams into ${file}`);
      const now = new Date();
      const DAY = 86_400_000;
      const raw = new Database(file);
      raw.pragma('journal_mode = WAL');
      raw.prepare(`INSERT INTO "User" (id, email, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`).run(userId, 'learner@example.com', 'Bench Learner', iso(now), iso(now));
      const insCard = raw.prepare(
        `INSERT INTO "CardState" (id, userId, questionId, deck, sourceItem, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, retired, version, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0, 0, ?, ?)`,
      );
      const insLog = raw.prepare(
        `INSERT INTO "ReviewLog" (id, userId, questionId, clientReviewId, rating, prevState, answer, durationMs, source, stateBefore, stateAfter, reviewedAt, createdAt)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'flashcard', ?, ?, ?, ?)`,
      );
      let seed = 42;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const snap = JSON.stringify({ due: now.toISOString(), stability: 12.3, difficulty: 5.1, elapsed_days: 10, scheduled_days: 12, learning_steps: 0, reps: 9, lapses: 1, state: 2, last_review: now.toISOString() });
      raw.transaction(() => {
        for (let i = 0; i < nCards; i++) {
          const q = bank.questions[i];
          const due = new Date(now.getTime() + Math.floor((rnd() * 90 - 30) * DAY));
          const state = i % 25 === 0 ? 1 : 2;
          insCard.run(`c${i}`, userId, q.id, q.deck, q.sourceItem, iso(due), 1 + rnd() * 60, 1 + rnd() * 9, 10, 10, 25, 2, state, iso(new Date(due.getTime() - 10 * DAY)), iso(now), iso(now));
        }
        for (let i = 0; i < nLogs; i++) {
          // A year of history, the newest 40 today.
          const at = i >= nLogs - 40 ? new Date(now.getTime() - (nLogs - i) * 60_000) : new Date(now.getTime() - DAY - Math.floor(rnd() * 365 * DAY));
          insLog.run(`l${i}`, userId, bank.questions[i % nCards].id, `seed-${i}`, 1 + Math.floor(rnd() * 4), 2, 1000 + (i % 9000), snap, snap, iso(at), iso(at));
        }
      })();
      raw.exec('ANALYZE');
      raw.close();
      if (keepDb) fs.copyFileSync(file, path.resolve(keepDb));

      // Exams through the real store code (drawn, answered, submitted as a learner would).
      const server = loadServer();
      const db = server.createPrismaClient(url);
      try {
        const repo = server.userRepo(db as never, userId);
        // Exams are drawn from the real bank (its questions are in the grown one too): the draw compares every
        // pair of questions for near-duplicates, which on 2,000 renamed copies takes minutes and says nothing
        // about the pages.
        const examBank = JSON.parse(fs.readFileSync(BANK_FILE, 'utf8')) as Bank;
        const blueprint = examBank.blueprints[0];
        if (!blueprint) throw new Error('the bank has no exam blueprint');
        let openExam = '';
        for (let e = 0; e < nExams; e++) {
          const started = new Date(now.getTime() - (nExams - e) * DAY);
          const view = await server.startExam({ repo, bank: examBank, now: started }, { blueprintId: blueprint.id }, 1000 + e);
          if (e === nExams - 1) openExam = view.id;
          else await server.submitExam({ repo, bank: examBank, now: new Date(started.getTime() + 30 * 60_000) }, { attemptId: view.id });
        }
        const lastDone = (await server.listAttempts({ repo, bank: examBank, now })).find((a) => a.submittedAt)?.id;
        const decks = bank.decks.map((d) => d.id);
        const allPages = ['/', '/decks', `/decks/${decks[0]}`, `/decks/${decks[Math.floor(decks.length / 2)]}`, '/review', '/review/custom', '/quiz', '/exam', `/exam/${openExam}`, `/exam/${lastDone}/result`, `/exam/${lastDone}/review`, '/lab', '/stats', '/reports', '/settings', '/account'];
        const pages = only ? allPages.filter((p) => only.includes(p)) : allPages;

        const app = await startServer({ DATABASE_URL: url, NEXTAUTH_SECRET: TEST_SECRET }, 60_000, profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`] : [], dir);
        const cookie = await sessionCookie(userId, TEST_SECRET);
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const figures: Record<string, { p50Ms: number; p95Ms: number; status: number }> = {};
        try {
          for (const page of pages) {
            for (let i = 0; i < 2; i++) await ttfb(app.url + page, cookie, agent); // compile and warm the route
            const times: number[] = [];
            let status = 0;
            for (let i = 0; i < requests; i++) {
              const r = await ttfb(app.url + page, cookie, agent);
              times.push(r.ms);
              status = r.status;
            }
            if (status !== 200) throw new Error(`${page} answered ${status}, not 200`);
            times.sort((a, b) => a - b);
            figures[page] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), status };
            log(`${page}: p50 ${figures[page].p50Ms} ms, p95 ${figures[page].p95Ms} ms`);
          }
        } finally {
          agent.destroy();
          await app.stop('SIGTERM');
        }
        const [worstPage, worst] = Object.entries(figures).sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0];
        return {
          pages: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { p50Ms: v.p50Ms, p95Ms: v.p95Ms }])),
          worstPage,
          worstP95Ms: worst.p95Ms,
          cards: nCards,
          logs: nLogs,
          exams: nExams,
          loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
        };
      } finally {
        await db.$disconnect();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
