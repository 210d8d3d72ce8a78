import 'server-only';
import { fromStored, type StoredCardFields } from '@/lib/srs';
import type { CardRow } from './cards';
import type { Db } from './db';
import { driverFor, queryAll, sqliteDate, type Driver } from './driver';

/**
 * The reads of the study queue (server/cards.ts getQueue and getCounts) behind one small
 * interface with two implementations, like the review write (server/review-writer.ts, issue 15):
 *  - `driver` (whenever the Prisma client's database is known, i.e. always in the app): prepared
 *    statements straight through better-sqlite3 or pg. Each is answered from an index without
 *    touching ReviewLog rows: today's log from the covering ReviewLog (userId, reviewedAt,
 *    undoneAt, prevState, questionId) index, the due-range counts from the covering CardState
 *    (userId, retired, due, state, deck) index, the due cards from its prefix in due order (one
 *    row read per card returned), and the seen-card count (which would otherwise step through
 *    every card of the learner) from the per-deck CardTally rows that triggers keep.
 *  - `prisma`: the same reads through the Prisma client (a client created elsewhere, whose URL
 *    is unknown).
 */

/** The study header's counts from the card index. */
export interface DueCounts {
  /** Review cards due before `tomorrow`. */
  dueReviews: number;
  /** Learning / relearning cards due by `now`. */
  learning: number;
  /** Seen cards due in [tomorrow, dayAfter). */
  dueTomorrow: number;
}

export interface QueueReads {
  /** (questionId, prevState) of every review since `since` that is not undone. */
  todayLogs(userId: string, since: Date): Promise<{ questionId: string; prevState: number }[]>;
  /** Question ids suspended, or buried until after `now`. */
  heldIds(userId: string, now: Date): Promise<string[]>;
  /** Up to `take` seen, non-retired cards due by `now` in `decks` (null: every deck), oldest due first. */
  dueCards(userId: string, now: Date, decks: string[] | null, take: number): Promise<CardRow[]>;
  /** How many seen, non-retired cards `decks` (null: every deck) hold: from CardTally, kept by triggers on CardState (migration 0008_queue_tally). */
  seenCount(userId: string, decks: string[] | null): Promise<number>;
  /** One card row, or null. */
  card(userId: string, questionId: string): Promise<CardRow | null>;
  /** Whether the question is suspended, or buried until after `at`. */
  isHeld(userId: string, questionId: string, at: Date): Promise<boolean>;
  /** Which of `ids` have a seen card row. */
  seenAmong(userId: string, ids: string[]): Promise<string[]>;
  /** The header's counts in `decks`, leaving out the `held` question ids. */
  dueCounts(userId: string, at: { now: Date; tomorrow: Date; dayAfter: Date }, decks: string[] | null, held: readonly string[]): Promise<DueCounts>;
}

const CARD_SELECT = {
  questionId: true,
  deck: true,
  sourceItem: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsed_days: true,
  scheduled_days: true,
  learning_steps: true,
  reps: true,
  lapses: true,
  state: true,
  last_review: true,
  retired: true,
} as const;

/** The card columns the queue reads, for Prisma selects. */
export { CARD_SELECT };

// --- Prisma ---------------------------------------------------------------------------------

function prismaReads(db: Db): QueueReads {
  const inDecks = (decks: string[] | null) => (decks ? { deck: { in: decks } } : {});
  return {
    todayLogs: (userId, since) =>
      db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: since }, undoneAt: null }, select: { questionId: true, prevState: true } }),
    heldIds: async (userId, now) =>
      (await db.cardHold.findMany({ where: { userId, OR: [{ until: null }, { until: { gt: now } }] }, select: { questionId: true } })).map((r) => r.questionId),
    dueCards: (userId, now, decks, take) =>
      db.cardState.findMany({
        where: { userId, retired: false, due: { lte: now }, state: { not: 0 }, ...inDecks(decks) },
        orderBy: { due: 'asc' },
        take,
        select: CARD_SELECT,
      }),
    seenCount: async (userId, decks) => (await db.cardTally.aggregate({ where: { userId, ...inDecks(decks) }, _sum: { seen: true } }))._sum.seen ?? 0,
    card: (userId, questionId) => db.cardState.findUnique({ where: { userId_questionId: { userId, questionId } }, select: CARD_SELECT }),
    isHeld: async (userId, questionId, at) =>
      (await db.cardHold.findFirst({ where: { userId, questionId, OR: [{ until: null }, { until: { gt: at } }] }, select: { questionId: true } })) !== null,
    seenAmong: async (userId, ids) =>
      (await db.cardState.findMany({ where: { userId, questionId: { in: ids }, state: { not: 0 } }, select: { questionId: true } })).map((r) => r.questionId),
    async dueCounts(userId, { now, tomorrow, dayAfter }, decks, held) {
      const where = { userId, retired: false, ...inDecks(decks), ...(held.length ? { questionId: { notIn: [...held] } } : {}) };
      const [dueReviews, learning, dueTomorrow] = await Promise.all([
        db.cardState.count({ where: { ...where, state: 2, due: { lt: tomorrow } } }),
        db.cardState.count({ where: { ...where, state: { in: [1, 3] }, due: { lte: now } } }),
        db.cardState.count({ where: { ...where, state: { not: 0 }, due: { gte: tomorrow, lt: dayAfter } } }),
      ]);
      return { dueReviews, learning, dueTomorrow };
    },
  };
}

// --- driver (better-sqlite3 / pg) --------------------------------------------------------------

/** A CardState row as the driver returns it. */
type RawCardRow = StoredCardFields & { questionId: string; deck: string; sourceItem: string; retired: boolean | number };

const CARD_COLUMNS = Object.keys(CARD_SELECT)
  .map((c) => `"${c}"`)
  .join(', ');

const cardRow = (r: RawCardRow): CardRow => ({ ...fromStored(r), questionId: r.questionId, deck: r.deck, sourceItem: r.sourceItem, retired: Boolean(r.retired) });

function driverReads(driver: Driver): QueueReads {
  const sqlite = driver.kind === 'sqlite';
  // Dialect: booleans, dates as bound values, and a list bound as one value (JSON text / text[]).
  const FALSE = sqlite ? '0' : 'false';
  const date = sqlite ? sqliteDate : (d: Date) => d.toISOString();
  const inList = (p: string) => (sqlite ? `IN (SELECT value FROM json_each(${p}))` : `= ANY(${p}::text[])`);
  const list = (xs: readonly string[]) => (sqlite ? JSON.stringify(xs) : xs);
  const run = (name: string, text: string, values: unknown[]) => queryAll(driver, `queue_${name}`, text, values);
  // Optional filters become statement variants (one prepared statement each), so an absent
  // filter costs nothing and the index prefix stays usable.
  const deckClause = (decks: string[] | null, p: string) => (decks ? ` AND "deck" ${inList(p)}` : '');
  const variant = (...flags: boolean[]) => flags.map((f) => (f ? '1' : '0')).join('');

  const todayText = `SELECT "questionId", "prevState" FROM "ReviewLog" WHERE "userId" = $1 AND "reviewedAt" >= $2 AND "undoneAt" IS NULL`;
  const heldText = `SELECT "questionId" FROM "CardHold" WHERE "userId" = $1 AND ("until" IS NULL OR "until" > $2)`;
  const cardText = `SELECT ${CARD_COLUMNS} FROM "CardState" WHERE "userId" = $1 AND "questionId" = $2`;
  const isHeldText = `SELECT 1 FROM "CardHold" WHERE "userId" = $1 AND "questionId" = $2 AND ("until" IS NULL OR "until" > $3)`;
  const heldCardsText = `SELECT "deck", "retired", "state", "due" FROM "CardState" WHERE "userId" = $1 AND "questionId" ${inList('$2')}`;
  const seenAmongText = `SELECT "questionId" FROM "CardState" WHERE "userId" = $1 AND "questionId" ${inList('$2')} AND "state" <> 0`;
  const byDeck = (decks: string[] | null) => (decks ? [list(decks)] : []);

  return {
    // Rows as the driver returns them: both give text and (int4) numbers, no mapping needed.
    todayLogs: async (userId, since) => (await run('today', todayText, [userId, date(since)])) as { questionId: string; prevState: number }[],
    heldIds: async (userId, now) => (await run('held', heldText, [userId, date(now)])).map((r) => r.questionId as string),
    async dueCards(userId, now, decks, take) {
      const text =
        `SELECT ${CARD_COLUMNS} FROM "CardState" WHERE "userId" = $1 AND "retired" = ${FALSE} AND "due" <= $2 AND "state" <> 0` +
        `${deckClause(decks, '$3')} ORDER BY "due" LIMIT ${decks ? '$4' : '$3'}`;
      return ((await run(`due_${variant(!!decks)}`, text, [userId, date(now), ...byDeck(decks), take])) as RawCardRow[]).map(cardRow);
    },
    async card(userId, questionId) {
      const [row] = (await run('card', cardText, [userId, questionId])) as RawCardRow[];
      return row ? cardRow(row) : null;
    },
    isHeld: async (userId, questionId, at) => (await run('is_held', isHeldText, [userId, questionId, date(at)])).length > 0,
    async seenCount(userId, decks) {
      const text = `SELECT coalesce(sum("seen"), 0) AS "n" FROM "CardTally" WHERE "userId" = $1${deckClause(decks, '$2')}`;
      return Number((await run(`seen_${variant(!!decks)}`, text, [userId, ...byDeck(decks)]))[0].n);
    },
    seenAmong: async (userId, ids) => (await run('seen_among', seenAmongText, [userId, list(ids)])).map((r) => r.questionId as string),
    async dueCounts(userId, { now, tomorrow, dayAfter }, decks, held) {
      // One statement, three counts over ranges of the covering (userId, retired, due, state, deck)
      // index; held cards (a handful) are read by id and taken off afterwards, since filtering on
      // questionId would read the row of every card in those ranges.
      const count = (cond: string) => `(SELECT count(*) FROM "CardState" WHERE "userId" = $1 AND "retired" = ${FALSE} AND ${cond}${deckClause(decks, '$5')})`;
      const text =
        `SELECT ${count(`"state" = 2 AND "due" < $3`)} AS "dueReviews", ${count(`"state" IN (1, 3) AND "due" <= $2`)} AS "learning", ` +
        `${count(`"state" <> 0 AND "due" >= $3 AND "due" < $4`)} AS "dueTomorrow"`;
      const row = (await run(`counts_${variant(!!decks)}`, text, [userId, date(now), date(tomorrow), date(dayAfter), ...byDeck(decks)]))[0];
      const counts = { dueReviews: Number(row.dueReviews), learning: Number(row.learning), dueTomorrow: Number(row.dueTomorrow) };
      if (held.length === 0) return counts;
      const deckSet = decks ? new Set(decks) : null;
      for (const h of (await run('held_cards', heldCardsText, [userId, list(held)])) as { deck: string; retired: boolean | number; state: number; due: Date | string }[]) {
        if (h.retired || (deckSet && !deckSet.has(h.deck))) continue;
        const due = new Date(h.due);
        if (h.state === 2 && due < tomorrow) counts.dueReviews--;
        if ((h.state === 1 || h.state === 3) && due <= now) counts.learning--;
        if (h.state !== 0 && due >= tomorrow && due < dayAfter) counts.dueTomorrow--;
      }
      return counts;
    },
  };
}

// --- selection -------------------------------------------------------------------------------

const readers = new WeakMap<object, QueueReads>();

/** The queue reads for `db`: prepared statements on its driver connection (server/driver.ts), else Prisma. */
export function queueReadsFor(db: Db): QueueReads {
  let r = readers.get(db);
  if (!r) {
    const driver = driverFor(db);
    readers.set(db, (r = driver ? driverReads(driver) : prismaReads(db)));
  }
  return r;
}
