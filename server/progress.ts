import 'server-only';
import { addDays, dayKey, retentionByPeriod, startOfDay, streak, trueRetention, type RetentionBucket, type RetentionPeriod } from '@/lib/srs';
import type { StoreContext } from './cards';
import { db as defaultDb, type Db } from './db';
import { driverFor, queryAll, queryOne, sqliteDate } from './driver';
import { getSettings } from './settings';

/** A review-log row as the statistics read it. */
interface StatLog {
  reviewedAt: Date;
  rating: number;
  prevState: number;
  durationMs: number;
}

/** A date column as a driver returns it: a Date from pg, ISO text from SQLite. */
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === 'number' ? v : String(v)));

/**
 * The log reads of the statistics (issue 15: a year of history is ~50,000 rows, and through the Prisma
 * client each read cost ~0.7 s): prepared statements on the driver connection when the database is known
 * (always in the app), the Prisma client otherwise. The reviewedAt range and the count are answered from
 * the covering ReviewLog (userId, reviewedAt, undoneAt, ...) index.
 */
const logReads = {
  async since(db: Db, userId: string, from: Date): Promise<StatLog[]> {
    const driver = driverFor(db);
    if (!driver) {
      return db.reviewLog.findMany({
        where: { userId, undoneAt: null, reviewedAt: { gte: from } },
        select: { reviewedAt: true, rating: true, prevState: true, durationMs: true },
        orderBy: { reviewedAt: 'asc' },
      });
    }
    const rows = await queryAll(
      driver,
      'progress_since',
      'SELECT "reviewedAt", "rating", "prevState", "durationMs" FROM "ReviewLog" WHERE "userId" = $1 AND "reviewedAt" >= $2 AND "undoneAt" IS NULL ORDER BY "reviewedAt"',
      [userId, driver.kind === 'sqlite' ? sqliteDate(from) : from.toISOString()],
    );
    return rows.map((r) => ({ reviewedAt: asDate(r.reviewedAt), rating: Number(r.rating), prevState: Number(r.prevState), durationMs: Number(r.durationMs) }));
  },
  async reviewedAt(db: Db, userId: string): Promise<Date[]> {
    const driver = driverFor(db);
    if (!driver) return (await db.reviewLog.findMany({ where: { userId, undoneAt: null }, select: { reviewedAt: true } })).map((r) => r.reviewedAt);
    const rows = await queryAll(driver, 'progress_all_days', 'SELECT "reviewedAt" FROM "ReviewLog" WHERE "userId" = $1 AND "undoneAt" IS NULL', [userId]);
    return rows.map((r) => asDate(r.reviewedAt));
  },
  async count(db: Db, userId: string): Promise<number> {
    const driver = driverFor(db);
    if (!driver) return db.reviewLog.count({ where: { userId, undoneAt: null } });
    const row = await queryOne(driver, 'progress_count', 'SELECT COUNT(*) AS "n" FROM "ReviewLog" WHERE "userId" = $1 AND "undoneAt" IS NULL', [userId]);
    return Number(row?.n ?? 0);
  },
};

/**
 * Progress statistics for the stats page: reviews per day, true retention over time,
 * streak and a calendar heatmap, all in the learner's time zone. Undone reviews are
 * ignored.
 */

export interface DayActivity {
  /** "YYYY-MM-DD" in the learner's time zone. */
  day: string;
  reviews: number;
  /** Reviews graded Again. */
  again: number;
  /** Time spent, ms. */
  durationMs: number;
}

export interface ProgressDTO {
  /** Days covered, oldest first, including days without reviews. */
  days: DayActivity[];
  /** True retention (reviews of review-state cards not rated Again) over the range. */
  retention: { reviews: number; passed: number; retention: number | null };
  /** True retention per period over the range, oldest first. */
  retentionOverTime: RetentionBucket[];
  /** Consecutive days with reviews ending today (or yesterday). */
  streak: number;
  totalReviews: number;
  /** Heatmap cells: the same as `days`, with a 0..4 intensity level. */
  heatmap: { day: string; count: number; level: 0 | 1 | 2 | 3 | 4 }[];
}

export interface ProgressOptions {
  /** Days to cover, ending today (1..730, default 365). */
  days?: number;
  /** Retention bucket size (default 'week'). */
  period?: RetentionPeriod;
}

/** A learner's progress statistics. */
export async function getProgress(userId: string, opts: ProgressOptions = {}, ctx: StoreContext = {}): Promise<ProgressDTO> {
  const db = ctx.db ?? defaultDb;
  const now = ctx.now ?? new Date();
  const { timezone: tz } = await getSettings(userId, { db });
  const span = Math.min(730, Math.max(1, Math.trunc(opts.days ?? 365)));
  const today = dayKey(now, tz);
  const firstDay = addDays(today, -(span - 1));
  // Start a day early in UTC terms, then filter by local day key: zone offsets are at most ±14 h.
  const from = new Date(startOfDay(now, tz).getTime() - span * 86_400_000 - 86_400_000);
  const logs = await logReads.since(db, userId, from);
  const inRange = logs.filter((l) => dayKey(l.reviewedAt, tz) >= firstDay);
  const perDay = new Map<string, DayActivity>();
  for (const l of inRange) {
    const key = dayKey(l.reviewedAt, tz);
    const d = perDay.get(key) ?? { day: key, reviews: 0, again: 0, durationMs: 0 };
    d.reviews++;
    if (l.rating === 1) d.again++;
    d.durationMs += l.durationMs;
    perDay.set(key, d);
  }
  const days: DayActivity[] = [];
  for (let i = 0; i < span; i++) {
    const key = addDays(firstDay, i);
    days.push(perDay.get(key) ?? { day: key, reviews: 0, again: 0, durationMs: 0 });
  }
  let activeDays = new Set(days.filter((d) => d.reviews > 0).map((d) => d.day));
  if (streak(activeDays, today) >= span - 1) activeDays = await studyDays(userId, ctx);
  const max = Math.max(0, ...days.map((d) => d.reviews));
  const level = (n: number): 0 | 1 | 2 | 3 | 4 => (n === 0 || max === 0 ? 0 : (Math.min(4, Math.ceil((n / max) * 4)) as 1 | 2 | 3 | 4));
  return {
    days,
    retention: trueRetention(inRange),
    retentionOverTime: retentionByPeriod(inRange, tz, opts.period ?? 'week'),
    streak: streak(activeDays, today),
    totalReviews: await logReads.count(db, userId),
    heatmap: days.map((d) => ({ day: d.day, count: d.reviews, level: level(d.reviews) })),
  };
}

/** Every local day with at least one review (for the streak). */
async function studyDays(userId: string, ctx: StoreContext): Promise<Set<string>> {
  const db = ctx.db ?? defaultDb;
  const { timezone: tz } = await getSettings(userId, { db });
  return new Set((await logReads.reviewedAt(db, userId)).map((at) => dayKey(at, tz)));
}
