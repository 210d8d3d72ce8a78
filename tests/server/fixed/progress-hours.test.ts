/**
 * Regression tests for issue 15, "Pages" (the dashboard and /stats read every review log per request):
 * the statistics now sum ReviewHour, per-learner per-UTC-hour sums that triggers on ReviewLog keep
 * (migration 0009_review_hours). Checked here:
 *  - the rows equal a plain grouping of the log after every kind of write the app makes: reviews
 *    (both writers), undo, progress import (which replaces the rows) and account deletion;
 *  - getProgress equals the figures computed log by log with the zone's own formatter, in zones whose
 *    midnight falls inside a UTC hour (+05:30, +05:45, -03:30, Lord Howe's 30-minute DST), with reviews a
 *    minute either side of local midnight, and a streak longer than the range;
 *  - a second client of the same database (another instance) sees a review at once: nothing is cached;
 *  - mastery and the forecast (server/stats-reads.ts, driver reads) equal the Prisma client's figures.
 */
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import type { Db } from '@/server/db';
import { submitReview, undoLastReview } from '@/server/reviews';
import { getProgress } from '@/server/progress';
import { updateSettings } from '@/server/settings';
import { exportProgress, importProgress } from '@/server/import-export';
import { getForecast, getMastery } from '@/server/cards';
import { createUser, testBank } from '../fixtures/bank';

const bank = testBank();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-20T10:00:00.000Z');
let seq = 0;

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('progress-hours');
});
afterAll(async () => {
  await t.close();
});

type Sums = { reviews: number; again: number; durationMs: number; recallReviews: number; recallPassed: number };

/** Every learner's ReviewHour rows (empty ones left out) against a grouping of their live logs. */
async function expectHoursTrue(db: Db = t.db): Promise<void> {
  const truth: Record<string, Sums> = {};
  for (const l of await db.reviewLog.findMany({ where: { undoneAt: null } })) {
    const key = `${l.userId}/${Math.floor(l.reviewedAt.getTime() / HOUR)}`;
    const s = (truth[key] ??= { reviews: 0, again: 0, durationMs: 0, recallReviews: 0, recallPassed: 0 });
    s.reviews++;
    if (l.rating === 1) s.again++;
    s.durationMs += l.durationMs;
    if (l.prevState === 2) s.recallReviews++;
    if (l.prevState === 2 && l.rating !== 1) s.recallPassed++;
  }
  const rows = await db.reviewHour.findMany({ where: { reviews: { not: 0 } } });
  const stored = Object.fromEntries(
    rows.map((r) => [`${r.userId}/${r.hour}`, { reviews: r.reviews, again: r.again, durationMs: Number(r.durationMs), recallReviews: r.recallReviews, recallPassed: r.recallPassed }]),
  );
  expect(stored).toEqual(truth);
  // No row goes negative or keeps sums without reviews.
  expect(await db.reviewHour.count({ where: { OR: [{ reviews: { lt: 0 } }, { reviews: 0, NOT: { again: 0, durationMs: 0, recallReviews: 0, recallPassed: 0 } }] } })).toBe(0);
}

const review = (u: string, questionId: string, at: Date, rating = 3, writer: 'driver' | 'prisma' = 'driver') =>
  submitReview(u, { clientReviewId: `hours-${process.pid}-${++seq}`, questionId, rating, durationMs: 1500 + seq, source: 'flashcard' }, { db: t.db, bank, now: at, writer });

describe('ReviewHour (reviews per learner and UTC hour, kept by triggers)', () => {
  it('follows reviews, undo, imports and account deletion', async () => {
    const u = await createUser(t.db, 'hours-a@example.com');
    await updateSettings(u, { newPerDay: 100, enableFuzz: false }, { db: t.db });
    await review(u, 'a1', T0, 3, 'driver');
    await review(u, 'a2', T0, 1, 'prisma');
    await review(u, 'b1', new Date(T0.getTime() + 59 * 60_000));
    await review(u, 'a1', new Date(T0.getTime() + 3 * DAY), 1); // a review of a Review-state card, failed
    await review(u, 'a2', new Date(T0.getTime() + 3 * DAY + HOUR), 3, 'prisma');
    await expectHoursTrue();

    // Undo marks the log undone (a later review) or deletes the card (a first review): both leave the sums.
    expect(await undoLastReview(u, { db: t.db, now: new Date(T0.getTime() + 3 * DAY + HOUR) })).toMatchObject({ questionId: 'a2' });
    await review(u, 'b2', new Date(T0.getTime() + 4 * DAY));
    expect(await undoLastReview(u, { db: t.db, now: new Date(T0.getTime() + 4 * DAY) })).toMatchObject({ questionId: 'b2', card: null });
    await expectHoursTrue();

    // Import replaces another learner's logs (twice: the second replaces the first).
    const v = await createUser(t.db, 'hours-b@example.com');
    await review(v, 'b3', T0);
    const doc = JSON.parse(JSON.stringify(await exportProgress(u, { db: t.db, now: T0 })));
    await importProgress(v, doc, { db: t.db });
    await expectHoursTrue();
    await importProgress(v, doc, { db: t.db });
    await expectHoursTrue();
    expect((await getProgress(v, { days: 30 }, { db: t.db, now: new Date(T0.getTime() + 5 * DAY) })).totalReviews).toBe(4);

    // Account deletion takes the rows with it.
    await t.db.user.delete({ where: { id: v } });
    expect(await t.db.reviewHour.count({ where: { userId: v } })).toBe(0);
    await expectHoursTrue();
  });
});

/** "YYYY-MM-DD" of `at` in `tz`, straight from Intl (independent of lib/srs/calendar). */
const localDay = (at: Date, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** The first instant of `at`'s local day, found by bisection on the formatter. */
function localMidnight(at: Date, tz: string): number {
  const day = localDay(at, tz);
  let lo = at.getTime() - 30 * HOUR;
  let hi = at.getTime();
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDay(new Date(mid), tz) === day) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe('getProgress from ReviewHour', () => {
  it.each(['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'America/Havana'])(
    'equals the log-by-log figures in %s, with reviews a minute either side of local midnight',
    async (tz) => {
      const u = await createUser(t.db, `zone-${tz.replace('/', '-')}@example.com`);
      await updateSettings(u, { timezone: tz }, { db: t.db });
      const now = new Date('2026-10-10T12:00:00.000Z');
      const logs: { reviewedAt: Date; rating: number; prevState: number; durationMs: number }[] = [];
      // 40 study days in a row (a streak longer than the 14-day range), each with reviews right before and
      // after its local midnight and one at noon; every fifth one an Again, some of Review-state cards.
      for (let d = 0; d < 40; d++) {
        const midnight = localMidnight(new Date(now.getTime() - d * DAY), tz);
        for (const offset of [-60_000, 60_000, 12 * HOUR, -29 * 60_000]) {
          const i = logs.length;
          logs.push({ reviewedAt: new Date(midnight + offset), rating: i % 5 === 0 ? 1 : 3, prevState: i % 3 === 0 ? 1 : 2, durationMs: 1000 + i });
        }
      }
      const kept = logs.filter((l) => l.reviewedAt.getTime() <= now.getTime());
      await t.db.reviewLog.createMany({
        data: kept.map((l, i) => ({ userId: u, questionId: 'a1', clientReviewId: `z-${tz}-${i}`, source: 'flashcard', stateBefore: '{}', stateAfter: '{}', ...l })),
      });
      await expectHoursTrue();

      const p = await getProgress(u, { days: 14, period: 'week' }, { db: t.db, now });
      const today = localDay(now, tz);
      const expected = p.days.map((d) => {
        const mine = kept.filter((l) => localDay(l.reviewedAt, tz) === d.day);
        return { day: d.day, reviews: mine.length, again: mine.filter((l) => l.rating === 1).length, durationMs: mine.reduce((n, l) => n + l.durationMs, 0) };
      });
      expect(p.days.at(-1)!.day).toBe(today);
      expect(p.days).toEqual(expected);
      const inRange = kept.filter((l) => localDay(l.reviewedAt, tz) >= p.days[0].day);
      const recall = inRange.filter((l) => l.prevState === 2);
      expect(p.retention).toEqual({ reviews: recall.length, passed: recall.filter((l) => l.rating !== 1).length, retention: recall.filter((l) => l.rating !== 1).length / recall.length });
      expect(p.retentionOverTime.reduce((n, b) => n + b.reviews, 0)).toBe(recall.length);
      expect(p.totalReviews).toBe(kept.length);
      const studied = new Set(kept.map((l) => localDay(l.reviewedAt, tz)));
      let streak = 0;
      for (let d = studied.has(today) ? now.getTime() : now.getTime() - DAY; studied.has(localDay(new Date(d), tz)); d -= DAY) streak++;
      expect(streak).toBeGreaterThan(30);
      expect(p.streak).toBe(streak);
      // The Prisma path gives the same figures.
      const viaPrisma = t.db.$extends({}) as unknown as typeof t.db;
      expect(await getProgress(u, { days: 14, period: 'week' }, { db: viaPrisma, now })).toEqual(p);
    },
  );

  it('sees a review written through another client of the same database at once', async () => {
    const u = await createUser(t.db, 'two-instances@example.com');
    const now = new Date(T0.getTime() + HOUR);
    const other = t.db.$extends({}) as unknown as typeof t.db; // a second client: another instance's view
    expect((await getProgress(u, { days: 7 }, { db: t.db, now })).totalReviews).toBe(0);
    await submitReview(u, { clientReviewId: `other-instance-${++seq}`, questionId: 'a1', rating: 3, durationMs: 900, source: 'flashcard' }, { db: other, bank, now: T0 });
    const p = await getProgress(u, { days: 7 }, { db: t.db, now });
    expect(p.totalReviews).toBe(1);
    expect(p.days.at(-1)).toMatchObject({ reviews: 1, durationMs: 900 });
    expect(p.streak).toBe(1);
  });
});

describe('mastery and forecast reads', () => {
  it('give the same figures through the driver and the Prisma client: failed, mature and deck-filtered cards', async () => {
    const u = await createUser(t.db, 'mastery-reads@example.com');
    await updateSettings(u, { newPerDay: 100, enableFuzz: false }, { db: t.db });
    for (const [q, rating] of [['a1', 3], ['a2', 1], ['a3', 4], ['b1', 3], ['b2', 1]] as const) await review(u, q, T0, rating);
    await review(u, 'a1', new Date(T0.getTime() + 2 * DAY), 1); // failed in the last day: not recalled
    await t.db.cardState.updateMany({ where: { userId: u, questionId: 'a3' }, data: { stability: 40 } }); // mature
    const now = new Date(T0.getTime() + 2 * DAY + HOUR);
    const viaPrisma = t.db.$extends({}) as unknown as typeof t.db;
    const mastery = await getMastery(u, { db: t.db, bank, now });
    expect(await getMastery(u, { db: viaPrisma, bank, now })).toEqual(mastery);
    // Without recall (the deck pages): the same counts, recall left out.
    expect(await getMastery(u, { db: t.db, bank, now }, { recall: false })).toEqual(mastery.map((m) => ({ ...m, recall: null })));
    const a = mastery.filter((m) => m.deck === 'a');
    expect(a.reduce((n, m) => n + m.seen, 0)).toBe(3);
    expect(a.reduce((n, m) => n + m.mature, 0)).toBe(1);
    expect(mastery.filter((m) => m.deck === 'b').reduce((n, m) => n + m.seen, 0)).toBe(2);
    expect(mastery.find((m) => m.deck === 'a')!.recall).toBeLessThan(2 / 3); // a1 and a2 failed: recall 0 each
    for (const decks of [undefined, ['a'], ['b']]) {
      const forecast = await getForecast(u, { days: 30, decks }, { db: t.db, bank, now });
      expect(await getForecast(u, { days: 30, decks }, { db: viaPrisma, bank, now })).toEqual(forecast);
      expect(forecast.reduce((n, d) => n + d.count, 0)).toBe(decks?.[0] === 'b' ? 2 : decks ? 3 : 5);
    }
  });
});
