import 'server-only';
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { fromStored, newCardFields, toSnapshot, type CardFields, type Grade, type Scheduler, type StoredCardFields } from '@/lib/srs';
import { env } from '@/env';
import type { CardRow } from './cards';
import type { Db } from './db';
import { driverFor, newRowId, sqliteDate } from './driver';

/**
 * The one hot write of the app, a review, behind one small interface with two implementations
 * (issue 15):
 *  - `driver` (default): prepared statements straight through the database driver. On SQLite
 *    one synchronous better-sqlite3 transaction (BEGIN IMMEDIATE: no other writer can interleave,
 *    and the event loop is never left mid-transaction); on PostgreSQL one pg transaction that
 *    locks the card row (SELECT ... FOR UPDATE).
 *  - `prisma`: the same steps through the Prisma client (an interactive transaction that first
 *    takes the card's write lock with a no-op UPDATE, then checks the row `version`).
 * Both apply exactly the same rows; `NETPREP_REVIEW_WRITER` picks one (bench http --writer).
 * Every other query of the app stays on Prisma.
 *
 * Contract of `apply`: in one transaction, return null when the learner already has a log with
 * this clientReviewId (nothing written), else update or create the card row and append the log
 * row, and return the card after the review. Contention surfaces as a thrown error that
 * server/reviews.ts classifies as transient and retries.
 */

/** One review to write, fully decided except for the card's current state. */
export interface ReviewWrite {
  userId: string;
  questionId: string;
  deck: string;
  sourceItem: string;
  clientReviewId: string;
  grade: Grade;
  /** JSON of the answer, or null. */
  answer: string | null;
  durationMs: number;
  source: string;
  now: Date;
  scheduler: Scheduler;
}

/** What a write did: the card after it; `stale` when the review was older than the card's last one (logged only). */
export interface Written {
  card: CardRow;
  stale: boolean;
}

export interface ReviewWriter {
  /** Apply `w` in one transaction; null when its clientReviewId is already stored. */
  apply(w: ReviewWrite): Promise<Written | null>;
}

/** Thrown when the card row changed between read and write (Prisma writer); retried. */
export class VersionConflict extends Error {
  override name = 'VersionConflict';
}

/**
 * The card after `w`, computed from its current fields (a new card when there is no row yet).
 * A review more than CLOCK_SKEW_MS older than the card's last one (an imported guest answer, a late
 * retry) is `stale`: kept in the log only, since applying it would move the card's history backwards.
 */
function schedule(w: ReviewWrite, current: CardFields | null): { before: CardFields; after: CardFields; stale: boolean } {
  const before = current ?? newCardFields(w.now);
  const last = current?.last_review?.getTime();
  if (last === undefined || w.now.getTime() >= last) return { before, after: w.scheduler.next(before, w.now, w.grade), stale: false };
  // Older than the card's last review. Within CLOCK_SKEW_MS it is a concurrent review that took the
  // card's lock second (two tabs, two instances): it applies, at the last review's time. Older than
  // that it is history (an imported guest answer, a late retry) and is kept in the log only.
  if (last - w.now.getTime() <= CLOCK_SKEW_MS) return { before, after: w.scheduler.next(before, new Date(last), w.grade), stale: false };
  return { before, after: before, stale: true };
}

/** How far a review may predate the card's last one and still apply (concurrent requests). */
export const CLOCK_SKEW_MS = 60_000;

/** The unchanged card of a stale review (its stored deck/sourceItem/retired as read). */
function staleCard(w: ReviewWrite, row: RawCard): CardRow {
  return { ...fromStored(row), questionId: w.questionId, deck: row.deck, sourceItem: row.sourceItem, retired: Boolean(row.retired) };
}

function cardAfter(w: ReviewWrite, after: CardFields): CardRow {
  return { ...after, questionId: w.questionId, deck: w.deck, sourceItem: w.sourceItem, retired: false };
}

// --- Prisma ---------------------------------------------------------------------------------

function prismaWriter(db: Db): ReviewWriter {
  return {
    apply: (w) =>
      db.$transaction(
        async (tx) => {
          // Take the card's write lock first (a row lock on PostgreSQL, the database write lock on
          // SQLite), so concurrent reviews of one card queue up instead of failing the version check.
          await tx.$executeRaw`UPDATE "CardState" SET "version" = "version" WHERE "userId" = ${w.userId} AND "questionId" = ${w.questionId}`;
          const seen = await tx.reviewLog.findUnique({
            where: { userId_clientReviewId: { userId: w.userId, clientReviewId: w.clientReviewId } },
            select: { id: true },
          });
          if (seen) return null;
          const current = await tx.cardState.findUnique({ where: { userId_questionId: { userId: w.userId, questionId: w.questionId } } });
          const { before, after, stale } = schedule(w, current);
          if (stale) {
            // logged only, the card unchanged
          } else if (current) {
            const res = await tx.cardState.updateMany({
              where: { id: current.id, version: current.version },
              data: { ...after, deck: w.deck, sourceItem: w.sourceItem, retired: false, version: { increment: 1 } },
            });
            if (res.count !== 1) throw new VersionConflict('card changed underneath');
          } else {
            await tx.cardState.create({ data: { userId: w.userId, questionId: w.questionId, deck: w.deck, sourceItem: w.sourceItem, ...after } });
          }
          await tx.reviewLog.create({ data: logRow(w, before, after) });
          return { card: stale && current ? { ...current, retired: current.retired } : cardAfter(w, after), stale };
        },
        { maxWait: 15_000, timeout: 15_000 },
      ),
  };
}

function logRow(w: ReviewWrite, before: CardFields, after: CardFields) {
  return {
    userId: w.userId,
    questionId: w.questionId,
    clientReviewId: w.clientReviewId,
    rating: w.grade,
    prevState: before.state,
    answer: w.answer,
    durationMs: w.durationMs,
    source: w.source,
    stateBefore: JSON.stringify(toSnapshot(before)),
    stateAfter: JSON.stringify(toSnapshot(after)),
    reviewedAt: w.now,
  };
}

// --- column lists shared by both drivers -----------------------------------------------------

const CARD_COLUMNS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'] as const;
const LOG_COLUMNS = ['id', 'userId', 'questionId', 'clientReviewId', 'rating', 'prevState', 'answer', 'durationMs', 'source', 'stateBefore', 'stateAfter', 'reviewedAt', 'createdAt'] as const;
const quoted = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(', ');


/** FSRS fields in CARD_COLUMNS order, with dates as `date(d)`. */
function cardValues<D>(f: CardFields, date: (d: Date) => D): unknown[] {
  return [date(f.due), f.stability, f.difficulty, f.elapsed_days, f.scheduled_days, f.learning_steps, f.reps, f.lapses, f.state, f.last_review ? date(f.last_review) : null];
}

function logValues<D>(w: ReviewWrite, before: CardFields, after: CardFields, date: (d: Date) => D): unknown[] {
  const r = logRow(w, before, after);
  return [newRowId(), r.userId, r.questionId, r.clientReviewId, r.rating, r.prevState, r.answer, r.durationMs, r.source, r.stateBefore, r.stateAfter, date(r.reviewedAt), date(w.now)];
}

/** A CardState row as the driver returns it. */
interface RawCard extends StoredCardFields {
  id: string;
  deck: string;
  sourceItem: string;
  retired: boolean | number;
}

// --- SQLite (better-sqlite3) -----------------------------------------------------------------


function sqliteWriter(conn: Database.Database): ReviewWriter {
  const seen = conn.prepare(`SELECT 1 FROM "ReviewLog" WHERE "userId" = ? AND "clientReviewId" = ?`).pluck();
  const read = conn.prepare(`SELECT "id", "deck", "sourceItem", "retired", ${quoted(CARD_COLUMNS)} FROM "CardState" WHERE "userId" = ? AND "questionId" = ?`);
  const update = conn.prepare(
    `UPDATE "CardState" SET ${CARD_COLUMNS.map((c) => `"${c}" = ?`).join(', ')}, "deck" = ?, "sourceItem" = ?, "retired" = 0, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ?`,
  );
  const insert = conn.prepare(
    `INSERT INTO "CardState" ("id", "userId", "questionId", "deck", "sourceItem", ${quoted(CARD_COLUMNS)}, "retired", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ${CARD_COLUMNS.map(() => '?').join(', ')}, 0, 0, ?, ?)`,
  );
  const append = conn.prepare(`INSERT INTO "ReviewLog" (${quoted(LOG_COLUMNS)}) VALUES (${LOG_COLUMNS.map(() => '?').join(', ')})`);
  const run = conn.transaction((w: ReviewWrite): Written | null => {
    if (seen.get(w.userId, w.clientReviewId)) return null;
    const row = read.get(w.userId, w.questionId) as RawCard | undefined;
    const { before, after, stale } = schedule(w, row ? fromStored(row) : null);
    const at = sqliteDate(w.now);
    if (stale) append.run(...logValues(w, before, after, sqliteDate));
    else if (row) update.run(...cardValues(after, sqliteDate), w.deck, w.sourceItem, at, row.id);
    else insert.run(newRowId(), w.userId, w.questionId, w.deck, w.sourceItem, ...cardValues(after, sqliteDate), at, at);
    if (!stale) append.run(...logValues(w, before, after, sqliteDate));
    return { card: row && stale ? staleCard(w, row) : cardAfter(w, after), stale };
  });
  return {
    apply: async (w) => {
      // Never nest in a transaction some other statement left open (it would turn this one into a savepoint).
      if (conn.inTransaction) conn.exec('ROLLBACK');
      return run.immediate(w);
    },
  };
}

// --- PostgreSQL (pg) -------------------------------------------------------------------------

function pgWriter(pool: Pool): ReviewWriter {
  // ISO strings with 'Z' go into `timestamp` columns as UTC whatever the process time zone.
  const pgDate = (d: Date) => d.toISOString();
  const n = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
  const q = {
    read: { name: 'review_read', text: `SELECT "id", "deck", "sourceItem", "retired", ${quoted(CARD_COLUMNS)} FROM "CardState" WHERE "userId" = $1 AND "questionId" = $2 FOR UPDATE` },
    seen: { name: 'review_seen', text: `SELECT 1 FROM "ReviewLog" WHERE "userId" = $1 AND "clientReviewId" = $2` },
    update: {
      name: 'review_update',
      text: `UPDATE "CardState" SET ${CARD_COLUMNS.map((c, i) => `"${c}" = $${i + 1}`).join(', ')}, "deck" = $11, "sourceItem" = $12, "retired" = false, "version" = "version" + 1, "updatedAt" = $13 WHERE "id" = $14`,
    },
    insert: {
      name: 'review_insert',
      text: `INSERT INTO "CardState" ("id", "userId", "questionId", "deck", "sourceItem", ${quoted(CARD_COLUMNS)}, "retired", "version", "createdAt", "updatedAt") VALUES (${n(1, 5)}, ${n(6, 10)}, false, 0, $16, $16)`,
    },
    append: { name: 'review_append', text: `INSERT INTO "ReviewLog" (${quoted(LOG_COLUMNS)}) VALUES (${n(1, LOG_COLUMNS.length)})` },
  };
  const exec = (c: PoolClient, stmt: { name: string; text: string }, values: unknown[]) => c.query({ ...stmt, values });
  return {
    async apply(w) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        // Lock the card row first, so concurrent reviews of one card apply one after the other;
        // the duplicate check after the lock sees a concurrent twin's committed log.
        const row = (await exec(c, q.read, [w.userId, w.questionId])).rows[0] as RawCard | undefined;
        if ((await exec(c, q.seen, [w.userId, w.clientReviewId])).rowCount) {
          await c.query('ROLLBACK');
          return null;
        }
        const { before, after, stale } = schedule(w, row ? fromStored(row) : null);
        const at = pgDate(w.now);
        if (stale) {
          // logged only, the card unchanged
        } else if (row) await exec(c, q.update, [...cardValues(after, pgDate), w.deck, w.sourceItem, at, row.id]);
        else await exec(c, q.insert, [newRowId(), w.userId, w.questionId, w.deck, w.sourceItem, ...cardValues(after, pgDate), at]);
        await exec(c, q.append, logValues(w, before, after, pgDate));
        await c.query('COMMIT');
        return { card: row && stale ? staleCard(w, row) : cardAfter(w, after), stale };
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },
  };
}

// --- selection -------------------------------------------------------------------------------

const writers = new WeakMap<object, ReviewWriter>();

/** The two writers: `driver` (prepared statements) and `prisma`. */
export type ReviewWriterKind = 'driver' | 'prisma';

/**
 * The writer for `db`: prepared statements on the driver connection of the database the client
 * talks to (server/driver.ts), or the Prisma one when `kind` (default NETPREP_REVIEW_WRITER) is
 * prisma or there is no driver connection for it.
 */
export function reviewWriterFor(db: Db, kind: ReviewWriterKind = env().NETPREP_REVIEW_WRITER): ReviewWriter {
  const driver = kind === 'prisma' ? null : driverFor(db);
  const key: object = driver ? (driver.kind === 'sqlite' ? driver.conn : driver.pool) : db;
  let w = writers.get(key);
  if (!w) writers.set(key, (w = !driver ? prismaWriter(db) : driver.kind === 'sqlite' ? sqliteWriter(driver.conn) : pgWriter(driver.pool)));
  return w;
}
