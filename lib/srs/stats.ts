import { addDays, dayKey } from './calendar';

/**
 * Retention the learner actually achieves ("true retention", as Anki's add-on and
 * FSRS helper define it): among reviews of cards in the Review state, the share not
 * rated Again. Learning and new-card reviews are left out: they measure learning,
 * not memory after an interval.
 */

/** The fields of a review-log row the statistics read. */
export interface LogPoint {
  reviewedAt: Date;
  rating: number;
  /** State before the review (ts-fsrs State). */
  prevState: number;
}

export interface RetentionBucket {
  /** First day of the period, "YYYY-MM-DD" in the learner's zone. */
  period: string;
  reviews: number;
  passed: number;
  /** passed / reviews, or null when there were no reviews. */
  retention: number | null;
}

export type RetentionPeriod = 'day' | 'week' | 'month';

function periodOf(day: string, period: RetentionPeriod): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  // ISO week: Monday as the first day.
  const [y, m, d] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** True retention over all `logs`. */
export function trueRetention(logs: Iterable<LogPoint>): { reviews: number; passed: number; retention: number | null } {
  let reviews = 0;
  let passed = 0;
  for (const l of logs) {
    if (l.prevState !== 2) continue;
    reviews++;
    if (l.rating !== 1) passed++;
  }
  return { reviews, passed, retention: reviews ? passed / reviews : null };
}

/** True retention per day, week or month, oldest first, only periods with reviews. */
export function retentionByPeriod(logs: Iterable<LogPoint>, timeZone: string, period: RetentionPeriod): RetentionBucket[] {
  const perDay = new Map<string, DayRetention>();
  for (const l of logs) {
    if (l.prevState !== 2) continue;
    const day = dayKey(l.reviewedAt, timeZone);
    const d = perDay.get(day) ?? { day, reviews: 0, passed: 0 };
    d.reviews++;
    if (l.rating !== 1) d.passed++;
    perDay.set(day, d);
  }
  return retentionOfDays(perDay.values(), period);
}

/** Reviews of Review-state cards on one local day, and those of them not rated Again. */
export interface DayRetention {
  day: string;
  reviews: number;
  passed: number;
}

/** True retention per day, week or month from per-day sums, oldest first, only periods with reviews. */
export function retentionOfDays(days: Iterable<DayRetention>, period: RetentionPeriod): RetentionBucket[] {
  const buckets = new Map<string, { reviews: number; passed: number }>();
  for (const d of days) {
    if (d.reviews === 0) continue;
    const key = periodOf(d.day, period);
    const b = buckets.get(key) ?? { reviews: 0, passed: 0 };
    b.reviews += d.reviews;
    b.passed += d.passed;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([p, b]) => ({ period: p, reviews: b.reviews, passed: b.passed, retention: b.reviews ? b.passed / b.reviews : null }));
}

/**
 * Consecutive study days ending today (or yesterday, when today has no review yet).
 * @param days set of "YYYY-MM-DD" keys with at least one review
 * @param today today's key
 */
export function streak(days: ReadonlySet<string>, today: string): number {
  let cursor = days.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (days.has(cursor)) {
    n++;
    cursor = addDays(cursor, -1);
  }
  return n;
}
