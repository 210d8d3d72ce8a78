/**
 * Regression test for issue 12: guest answers imported out of order. An answer dated before the card's
 * newest review used to fail with 500 (the scheduler throws on a negative interval) or, when only an hour
 * older, to move the card's last review backwards. Now it is kept in the log only, and later reviews work.
 * Real SQLite file (PostgreSQL under npm run test:postgres).
 */
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { submitReview } from '@/server/reviews';
import { importGuestAnswers, type SubmitGuestAnswer } from '@/server/users';
import { updateSettings } from '@/server/settings';
import { createUser, testBank } from '../fixtures/bank';

const bank = testBank();
const T0 = new Date('2026-11-28T10:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

let t: TestDatabase;
let user: string;
beforeAll(async () => {
  t = freshDatabase('review-order');
  user = await createUser(t.db, 'order@example.com');
  await updateSettings(user, { enableFuzz: false }, { db: t.db });
});
afterAll(async () => {
  await t.close();
});

const submit: SubmitGuestAnswer = (userId, r, at) =>
  submitReview(userId, { clientReviewId: r.clientReviewId, questionId: r.questionId, rating: r.rating, outcome: r.outcome, durationMs: r.durationMs, source: r.source }, { db: t.db, bank, now: at });
const card = () => t.db.cardState.findUniqueOrThrow({ where: { userId_questionId: { userId: user, questionId: 'a1' } } });

it('older and future-dated guest answers never 500 and never move the card backwards', async () => {
  await submitReview(user, { clientReviewId: 'order-newest-1', questionId: 'a1', rating: 3, durationMs: 1000, source: 'flashcard' }, { db: t.db, bank, now: hours(72) });
  const before = await card();
  const guest = {
    guestId: 'guest-order-0001',
    answers: [
      { questionId: 'a1', rating: 1 as const, durationMs: 500, source: 'flashcard' as const, answeredAt: hours(71).toISOString() }, // one hour older
      { questionId: 'a1', rating: 4 as const, durationMs: 500, source: 'flashcard' as const, answeredAt: hours(0).toISOString() }, // three days older
      { questionId: 'a1', rating: 3 as const, durationMs: 500, source: 'flashcard' as const, answeredAt: hours(24 * 365).toISOString() }, // in the future
    ],
  };
  const now = hours(73);
  expect(await importGuestAnswers(user, guest, now, submit)).toEqual({ imported: 3 });
  const after = await card();
  // The two older answers are logged only; the future one is clamped to `now` and applied.
  expect(after.last_review!.toISOString()).toBe(now.toISOString());
  expect(after.reps).toBe(before.reps + 1);
  expect(await t.db.reviewLog.count({ where: { userId: user, questionId: 'a1' } })).toBe(4);
  // Importing the same session again changes nothing; a later review still works.
  expect(await importGuestAnswers(user, guest, now, submit)).toEqual({ imported: 3 });
  expect(await t.db.reviewLog.count({ where: { userId: user, questionId: 'a1' } })).toBe(4);
  const later = await submitReview(user, { clientReviewId: 'order-later-01', questionId: 'a1', rating: 3, durationMs: 1000, source: 'flashcard' }, { db: t.db, bank, now: hours(80) });
  expect(later.card.reps).toBe(before.reps + 2);
});

it('a review dated before the card\'s last review is kept in the log only (stale)', async () => {
  const r = await submitReview(user, { clientReviewId: 'order-stale-01', questionId: 'a1', rating: 2, durationMs: 1000, source: 'flashcard' }, { db: t.db, bank, now: hours(1) });
  expect(r.stale).toBe(true);
  expect((await card()).last_review!.toISOString()).toBe(hours(80).toISOString());
});

it('a concurrent review a few seconds behind the last one still applies, at the last review time', async () => {
  const before = await card();
  const r = await submitReview(user, { clientReviewId: 'order-skew-01', questionId: 'a1', rating: 3, durationMs: 1000, source: 'flashcard' }, { db: t.db, bank, now: new Date(hours(80).getTime() - 5_000) });
  expect(r.stale).toBeUndefined();
  expect(r.card.reps).toBe(before.reps + 1);
  expect((await card()).last_review!.toISOString()).toBe(hours(80).toISOString());
});
