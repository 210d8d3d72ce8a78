import 'server-only';
import type { CardFields } from '@/lib/srs';
import { fromStored } from '@/lib/srs';
import type { Db } from './db';
import { driverFor, queryAll, sqliteDate, type Driver } from './driver';

/**
 * The card reads of the statistics pages (/stats, /decks, a deck page): every card of a learner for
 * mastery, the due dates for the forecast, and the reviews failed in the last day. Through the Prisma
 * client each cost 10-70 ms for a learner with 2,000 cards (issue 15, "Pages": rows turned into
 * objects with several Dates each); prepared statements on the driver connection read the same in a
 * few milliseconds, and the forecast's read is answered from the covering card index. The Prisma
 * client is the fallback when the database is unknown (an extended client).
 */

/** A learner's live (not retired) card: its question and FSRS fields. */
export interface MasteryCard extends CardFields {
  questionId: string;
}

const FIELDS = ['questionId', 'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review'] as const;
const COLUMNS = FIELDS.map((f) => `"${f}"`).join(', ');

const falseOf = (d: Driver) => (d.kind === 'sqlite' ? '0' : 'false');
const dateOf = (d: Driver) => (d.kind === 'sqlite' ? sqliteDate : (x: Date) => x.toISOString());

/** Every live card of the learner. */
export async function liveCards(db: Db, userId: string): Promise<MasteryCard[]> {
  const driver = driverFor(db);
  if (!driver) {
    const rows = await db.cardState.findMany({ where: { userId, retired: false }, select: Object.fromEntries(FIELDS.map((f) => [f, true])) as Record<(typeof FIELDS)[number], true> });
    return rows.map((r) => ({ questionId: r.questionId, ...fromStored(r) }));
  }
  const rows = await queryAll(driver, 'stats_live_cards', `SELECT ${COLUMNS} FROM "CardState" WHERE "userId" = $1 AND "retired" = ${falseOf(driver)}`, [userId]);
  return rows.map((r) => ({
    questionId: String(r.questionId),
    ...fromStored({
      due: r.due as string | Date,
      stability: Number(r.stability),
      difficulty: Number(r.difficulty),
      elapsed_days: Number(r.elapsed_days),
      scheduled_days: Number(r.scheduled_days),
      learning_steps: Number(r.learning_steps),
      reps: Number(r.reps),
      lapses: Number(r.lapses),
      state: Number(r.state),
      last_review: r.last_review as string | Date | null,
    }),
  }));
}

/** Due dates of the learner's seen live cards due before `end`, in `decks` (null: every deck). */
export async function dueDates(db: Db, userId: string, end: Date, decks: string[] | null): Promise<Date[]> {
  const driver = driverFor(db);
  if (!driver) {
    const rows = await db.cardState.findMany({ where: { userId, retired: false, state: { not: 0 }, due: { lt: end }, ...(decks ? { deck: { in: decks } } : {}) }, select: { due: true } });
    return rows.map((r) => r.due);
  }
  const sqlite = driver.kind === 'sqlite';
  const base = `SELECT "due" FROM "CardState" WHERE "userId" = $1 AND "retired" = ${falseOf(driver)} AND "due" < $2 AND "state" <> 0`;
  const rows = decks
    ? await queryAll(driver, 'stats_due_dates_decks', `${base} AND "deck" ${sqlite ? 'IN (SELECT value FROM json_each($3))' : '= ANY($3::text[])'}`, [userId, dateOf(driver)(end), sqlite ? JSON.stringify(decks) : decks])
    : await queryAll(driver, 'stats_due_dates', base, [userId, dateOf(driver)(end)]);
  return rows.map((r) => (r.due instanceof Date ? r.due : new Date(String(r.due))));
}

/** Questions whose latest review in the day before `now` was Again (not undone). */
export async function failedInLastDay(db: Db, userId: string, now: Date): Promise<Set<string>> {
  const from = new Date(now.getTime() - 86_400_000);
  const driver = driverFor(db);
  const logs = driver
    ? (
        await queryAll(
          driver,
          'stats_failed_last_day',
          'SELECT "questionId", "rating" FROM "ReviewLog" WHERE "userId" = $1 AND "reviewedAt" >= $2 AND "reviewedAt" <= $3 AND "undoneAt" IS NULL ORDER BY "reviewedAt"',
          [userId, dateOf(driver)(from), dateOf(driver)(now)],
        )
      ).map((r) => ({ questionId: String(r.questionId), rating: Number(r.rating) }))
    : await db.reviewLog.findMany({ where: { userId, undoneAt: null, reviewedAt: { gte: from, lte: now } }, select: { questionId: true, rating: true }, orderBy: { reviewedAt: 'asc' } });
  const last = new Map<string, number>();
  for (const l of logs) last.set(l.questionId, l.rating);
  return new Set([...last].filter(([, r]) => r === 1).map(([id]) => id));
}
