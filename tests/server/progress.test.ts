import { freshDatabase, type TestDatabase } from '../helpers/db';
import { submitReview, undoLastReview } from '@/server/reviews';
import { exportProgress, importProgress } from '@/server/import-export';
import { getProgress } from '@/server/progress';
import { updateSettings } from '@/server/settings';
import { optimizeParameters } from '@/server/settings';
import { createUser, testBank } from './fixtures/bank';

const bank = testBank();
const DAY = 86_400_000;
const T0 = new Date('2026-11-20T10:00:00.000Z');
let seq = 0;

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('progress');
});
afterAll(async () => {
  await t.close();
});

/** A learner with a week of reviews (one undone) and custom settings. */
async function busyLearner(): Promise<string> {
  const u = await createUser(t.db, `p${++seq}@example.com`);
  await updateSettings(u, { enableFuzz: false, newPerDay: 7, theme: 'dark', timezone: 'Europe/Paris', deckFilter: ['a'] }, { db: t.db });
  for (let d = 0; d < 7; d++) {
    for (const [i, q] of ['a1', 'a2', 'b1'].entries()) {
      await submitReview(
        u,
        { clientReviewId: `p-${u}-${d}-${i}`, questionId: q, rating: d === 3 && i === 0 ? 1 : 3, durationMs: 1000 + i, source: 'flashcard', answer: { typed: `day ${d}` } },
        { db: t.db, bank, now: new Date(T0.getTime() + d * DAY + i * 1000) },
      );
    }
  }
  await undoLastReview(u, { db: t.db, now: new Date(T0.getTime() + 7 * DAY) });
  return u;
}

describe('export / import', () => {
  it('round-trips losslessly into another account', async () => {
    const a = await busyLearner();
    const doc = await exportProgress(a, { db: t.db, now: T0 });
    expect(doc.cards).toHaveLength(3);
    expect(doc.logs).toHaveLength(21);
    expect(doc.logs.filter((l) => l.undoneAt)).toHaveLength(1);
    const b = await createUser(t.db, 'copy@example.com');
    const copy = JSON.parse(JSON.stringify(doc));
    expect(await importProgress(b, copy, { db: t.db })).toEqual({ cards: 3, logs: 21 });
    expect(await exportProgress(b, { db: t.db, now: T0 })).toEqual(doc);
    // importing again replaces rather than duplicates
    await importProgress(b, copy, { db: t.db });
    expect(await exportProgress(b, { db: t.db, now: T0 })).toEqual(doc);
  });

  it.each([
    ['not an object', 'hello'],
    ['wrong format', { format: 'anki' }],
    ['rating out of range', (d: Record<string, unknown[]>) => ((d.logs[0] as Record<string, unknown>).rating = 9)],
    ['bad date', (d: Record<string, unknown[]>) => ((d.cards[0] as Record<string, unknown>).due = 'yesterday')],
    ['duplicate card', (d: Record<string, unknown[]>) => d.cards.push(d.cards[0])],
    ['unknown key', (d: Record<string, unknown>) => (d.userId = 'someone')],
    ['bad settings', (d: Record<string, Record<string, unknown>>) => (d.settings.desiredRetention = 3)],
  ])('rejects %s with a clear error and leaves the database untouched', async (_label, mutate) => {
    const a = await busyLearner();
    const before = await exportProgress(a, { db: t.db, now: T0 });
    const doc = typeof mutate === 'function' ? JSON.parse(JSON.stringify(before)) : mutate;
    if (typeof mutate === 'function') (mutate as (d: unknown) => void)(doc);
    await expect(importProgress(a, doc, { db: t.db })).rejects.toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/^invalid progress file: /) });
    expect(await exportProgress(a, { db: t.db, now: T0 })).toEqual(before);
  });
});

describe('progress statistics', () => {
  it('reports reviews per day, true retention, streak and heatmap', async () => {
    const u = await busyLearner();
    const p = await getProgress(u, { days: 10 }, { db: t.db, now: new Date(T0.getTime() + 6 * DAY + 3600_000) });
    expect(p.days).toHaveLength(10);
    expect(p.days.at(-1)).toMatchObject({ day: '2026-11-26', reviews: 2 }); // the third was undone
    expect(p.totalReviews).toBe(20);
    expect(p.streak).toBe(7);
    expect(p.retention.reviews).toBeGreaterThan(0);
    expect(p.retention.retention).toBeLessThan(1);
    expect(p.heatmap.filter((h) => h.level > 0)).toHaveLength(7);
    expect(p.retentionOverTime.length).toBeGreaterThan(0);
  });

  it('counts a streak longer than the range from the whole log, in the learner zone, and reads through the driver and Prisma alike', async () => {
    const u = await busyLearner();
    const now = new Date(T0.getTime() + 6 * DAY + 3600_000);
    // Three days shown, seven days studied: the streak comes from every stored day (Europe/Paris days).
    const short = await getProgress(u, { days: 3 }, { db: t.db, now });
    expect(short.streak).toBe(7);
    expect(short.totalReviews).toBe(20);
    expect(short.days.map((d) => d.reviews)).toEqual([3, 3, 2]);
    expect(short.days.map((d) => d.durationMs)).toEqual([3003, 3003, 2001]);
    // A client whose database the driver cannot tell (an extended client) reads through Prisma: same figures.
    const viaPrisma = t.db.$extends({}) as unknown as typeof t.db;
    expect(await getProgress(u, { days: 3 }, { db: viaPrisma, now })).toEqual(short);
  });
});

describe('parameter optimisation', () => {
  it('refuses with a clear reason below the review threshold', async () => {
    const u = await busyLearner();
    await expect(optimizeParameters(u, { db: t.db })).resolves.toMatchObject({ status: 'not-enough-data' });
  });

  it('fits and saves parameters from a long enough log', async () => {
    const u = await createUser(t.db, 'opt@example.com');
    const rows = [];
    for (let c = 0; c < 120; c++) {
      let day = 0;
      for (let r = 0; r < 5; r++) {
        rows.push({ userId: u, questionId: `q${c}`, clientReviewId: `o-${c}-${r}`, rating: (c * 7 + r) % 11 === 0 ? 1 : 3, prevState: r === 0 ? 0 : 2,
          durationMs: 1000, source: 'flashcard', stateBefore: '{}', stateAfter: '{}', reviewedAt: new Date(T0.getTime() - 200 * DAY + day * DAY + c * 1000) });
        day += [0, 1, 3, 8, 20][r] + 1;
      }
    }
    await t.db.reviewLog.createMany({ data: rows });
    const res = await optimizeParameters(u, { db: t.db });
    expect(res).toMatchObject({ status: 'optimized', reviews: 600 });
    if (res.status !== 'optimized') throw new Error('unreachable');
    expect(res.params.length).toBeGreaterThanOrEqual(17);
    const saved = await t.db.userSettings.findUniqueOrThrow({ where: { userId: u } });
    expect(JSON.parse(saved.fsrsParams!)).toEqual(res.params);
  }, 60_000);
});
