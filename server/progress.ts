import 'server-only';
import { addDays, dayKey, retentionOfDays, startOfDay, streak, type RetentionBucket, type RetentionPeriod } from '@/lib/srs';
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

const HOUR_MS = 3_600_000;

/** One ReviewHour row: the reviews of a learner in one UTC hour (undone ones left out). */
interface HourRow {
  /** Hours since the epoch. */
  hour: number;
  reviews: number;
  again: number;
  durationMs: number;
  recallReviews: number;
  recallPassed: number;
}

const hourRow = (r: Record<string, unknown>): HourRow => ({
  hour: Number(r.hour),
  reviews: Number(r.reviews),
  again: Number(r.again),
  durationMs: Number(r.durationMs),
  recallReviews: Number(r.recallReviews),
  recallPassed: Number(r.recallPassed),
});

/**
 * The reads of the statistics (issue 15: a year of history is ~50,000 logs, and reading them cost most of
 * a dashboard's time). They read ReviewHour, the per-learner per-UTC-hour sums that triggers on ReviewLog
 * keep (migration 0009_review_hours), so a page reads at most 24 rows a day whatever the learner's pace;
 * only an hour that holds a local midnight (zones at :30 or :45 from UTC) is read from the log itself.
 * Prepared statements on the driver connection when the database is known (always in the app), the
 * Prisma client otherwise.
 */
const reads = {
  /** Hours from `fromHour` on with reviews, oldest first. */
  async hoursSince(db: Db, userId: string, fromHour: number): Promise<HourRow[]> {
    const driver = driverFor(db);
    if (!driver) {
      const rows = await db.reviewHour.findMany({ where: { userId, hour: { gte: fromHour }, reviews: { gt: 0 } }, orderBy: { hour: 'asc' } });
      return rows.map((r) => hourRow(r as unknown as Record<string, unknown>));
    }
    const rows = await queryAll(
      driver,
      'progress_hours_since',
      'SELECT "hour", "reviews", "again", "durationMs", "recallReviews", "recallPassed" FROM "ReviewHour" WHERE "userId" = $1 AND "hour" >= $2 AND "reviews" > 0 ORDER BY "hour"',
      [userId, fromHour],
    );
    return rows.map(hourRow);
  },
  /** Hours before `beforeHour` with reviews (for a streak longer than the range), newest first. */
  async activeHoursBefore(db: Db, userId: string, beforeHour: number): Promise<number[]> {
    const driver = driverFor(db);
    if (!driver) {
      const rows = await db.reviewHour.findMany({ where: { userId, hour: { lt: beforeHour }, reviews: { gt: 0 } }, select: { hour: true }, orderBy: { hour: 'desc' } });
      return rows.map((r) => r.hour);
    }
    const rows = await queryAll(
      driver,
      'progress_hours_before',
      'SELECT "hour" FROM "ReviewHour" WHERE "userId" = $1 AND "hour" < $2 AND "reviews" > 0 ORDER BY "hour" DESC',
      [userId, beforeHour],
    );
    return rows.map((r) => Number(r.hour));
  },
  /** The learner's reviews (undone ones left out). */
  async total(db: Db, userId: string): Promise<number> {
    const driver = driverFor(db);
    if (!driver) return (await db.reviewHour.aggregate({ where: { userId }, _sum: { reviews: true } }))._sum.reviews ?? 0;
    const row = await queryOne(driver, 'progress_total', 'SELECT COALESCE(SUM("reviews"), 0) AS "n" FROM "ReviewHour" WHERE "userId" = $1', [userId]);
    return Number(row?.n ?? 0);
  },
  /** The logs of one UTC hour (one that holds a local midnight). */
  async logsOfHour(db: Db, userId: string, hour: number): Promise<StatLog[]> {
    const from = new Date(hour * HOUR_MS);
    const to = new Date((hour + 1) * HOUR_MS);
    const driver = driverFor(db);
    if (!driver) {
      return db.reviewLog.findMany({
        where: { userId, undoneAt: null, reviewedAt: { gte: from, lt: to } },
        select: { reviewedAt: true, rating: true, prevState: true, durationMs: true },
      });
    }
    const date = (d: Date) => (driver.kind === 'sqlite' ? sqliteDate(d) : d.toISOString());
    const rows = await queryAll(
      driver,
      'progress_hour_logs',
      'SELECT "reviewedAt", "rating", "prevState", "durationMs" FROM "ReviewLog" WHERE "userId" = $1 AND "reviewedAt" >= $2 AND "reviewedAt" < $3 AND "undoneAt" IS NULL',
      [userId, date(from), date(to)],
    );
    return rows.map((r) => ({ reviewedAt: asDate(r.reviewedAt), rating: Number(r.rating), prevState: Number(r.prevState), durationMs: Number(r.durationMs) }));
  },
};

/** Per local day: the activity and the true-retention sums. */
type DaySums = DayActivity & { recallReviews: number; recallPassed: number };

/**
 * Sum hour rows into the learner's local days. An hour inside one local day goes whole to it; an hour that
 * holds a local midnight (zones at :30 or :45 from UTC, some DST changes) is split by reading its logs.
 */
async function sumDays(rows: HourRow[], tz: string, logsOfHour: (hour: number) => Promise<StatLog[]>): Promise<Map<string, DaySums>> {
  const perDay = new Map<string, DaySums>();
  const add = (day: string, r: Omit<HourRow, 'hour'>) => {
    const d = perDay.get(day) ?? { day, reviews: 0, again: 0, durationMs: 0, recallReviews: 0, recallPassed: 0 };
    d.reviews += r.reviews;
    d.again += r.again;
    d.durationMs += r.durationMs;
    d.recallReviews += r.recallReviews;
    d.recallPassed += r.recallPassed;
    perDay.set(day, d);
  };
  const split: number[] = [];
  for (const r of rows) {
    const first = dayKey(new Date(r.hour * HOUR_MS), tz);
    if (first === dayKey(new Date((r.hour + 1) * HOUR_MS - 1), tz)) add(first, r);
    else split.push(r.hour);
  }
  for (const logs of await Promise.all(split.map(logsOfHour))) {
    for (const l of logs) {
      const recall = l.prevState === 2 ? 1 : 0;
      add(dayKey(l.reviewedAt, tz), { reviews: 1, again: l.rating === 1 ? 1 : 0, durationMs: l.durationMs, recallReviews: recall, recallPassed: recall && l.rating !== 1 ? 1 : 0 });
    }
  }
  return perDay;
}

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
  const fromHour = Math.floor((startOfDay(now, tz).getTime() - span * 86_400_000 - 86_400_000) / HOUR_MS);
  const logsOfHour = (hour: number) => reads.logsOfHour(db, userId, hour);
  const [rows, totalReviews] = await Promise.all([reads.hoursSince(db, userId, fromHour), reads.total(db, userId)]);
  const summed = await sumDays(rows, tz, logsOfHour);
  const inRange = [...summed.values()].filter((d) => d.day >= firstDay);
  const perDay = new Map(inRange.map((d) => [d.day, d]));
  const days: DayActivity[] = [];
  for (let i = 0; i < span; i++) {
    const key = addDays(firstDay, i);
    const d = perDay.get(key);
    days.push(d ? { day: key, reviews: d.reviews, again: d.again, durationMs: d.durationMs } : { day: key, reviews: 0, again: 0, durationMs: 0 });
  }
  const activeDays = new Set([...summed.values()].filter((d) => d.reviews > 0).map((d) => d.day));
  if (streak(activeDays, today) >= span - 1) {
    // The streak covers the whole range: the older study days count too.
    const older = (await reads.activeHoursBefore(db, userId, fromHour)).map((hour) => ({ hour, reviews: 1, again: 0, durationMs: 0, recallReviews: 0, recallPassed: 0 }));
    for (const day of (await sumDays(older, tz, logsOfHour)).keys()) activeDays.add(day);
  }
  const recall = inRange.map((d) => ({ day: d.day, reviews: d.recallReviews, passed: d.recallPassed }));
  const recallReviews = recall.reduce((n, d) => n + d.reviews, 0);
  const recallPassed = recall.reduce((n, d) => n + d.passed, 0);
  const max = Math.max(0, ...days.map((d) => d.reviews));
  const level = (n: number): 0 | 1 | 2 | 3 | 4 => (n === 0 || max === 0 ? 0 : (Math.min(4, Math.ceil((n / max) * 4)) as 1 | 2 | 3 | 4));
  return {
    days,
    retention: { reviews: recallReviews, passed: recallPassed, retention: recallReviews ? recallPassed / recallReviews : null },
    retentionOverTime: retentionOfDays(recall, opts.period ?? 'week'),
    streak: streak(activeDays, today),
    totalReviews,
    heatmap: days.map((d) => ({ day: d.day, count: d.reviews, level: level(d.reviews) })),
  };
}
