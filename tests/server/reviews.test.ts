import { freshDatabase, type TestDatabase } from '../helpers/db';
import { submitReview, undoLastReview } from '@/server/reviews';
import { getQueue } from '@/server/cards';
import { updateSettings } from '@/server/settings';
import { StoreError } from '@/lib/srs';
import { createUser, testBank } from './fixtures/bank';

const bank = testBank();
const T0 = new Date('2026-11-28T10:00:00.000Z');

describe('submitReview', () => {
  let t: TestDatabase;
  let user: string;
  let other: string;
  beforeAll(async () => {
    t = freshDatabase('reviews');
    user = await createUser(t.db, 'ada@example.com');
    other = await createUser(t.db, 'bob@example.com');
    await updateSettings(user, { enableFuzz: false }, { db: t.db });
  });
  afterAll(async () => {
    await t.close();
  });
  const ctx = (now = T0) => ({ db: t.db, bank, now });
  const review = (over: Record<string, unknown> = {}) => ({
    clientReviewId: `r-${Math.random().toString(36).slice(2, 12)}`,
    questionId: 'a1',
    rating: 3,
    durationMs: 4000,
    source: 'flashcard',
    ...over,
  });

  it('creates the card on the first review and logs it', async () => {
    const r = await submitReview(user, review({ clientReviewId: 'first-review-1' }), ctx());
    expect(r.duplicate).toBe(false);
    expect(r.card.state).toBe('learning');
    expect(r.card.reps).toBe(1);
    const logs = await t.db.reviewLog.findMany({ where: { userId: user } });
    expect(logs).toHaveLength(1);
    expect(logs[0].prevState).toBe(0);
  });

  it('is idempotent on clientReviewId; the same id with another payload is a conflict (issue 12)', async () => {
    await expect(submitReview(user, review({ clientReviewId: 'first-review-1', rating: 1 }), ctx())).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/already used for a different review \(rating differs\)/),
    });
    const again = await submitReview(user, review({ clientReviewId: 'first-review-1' }), ctx());
    expect(again.duplicate).toBe(true);
    expect(again.rating).toBe(3);
    expect(await t.db.reviewLog.count({ where: { userId: user } })).toBe(1);
    const row = await t.db.cardState.findUniqueOrThrow({ where: { userId_questionId: { userId: user, questionId: 'a1' } } });
    expect(row.reps).toBe(1);
  });

  it('shows the card in the queue with previews', async () => {
    const q = await getQueue(user, { limit: 50 }, ctx(new Date(T0.getTime() + 3600_000)));
    expect(q.items.length).toBeGreaterThan(0);
    expect(q.items[0].previews.map((p) => p.name)).toEqual(['again', 'hard', 'good', 'easy']);
  });

  it('rejects bad input with a bad-request error', async () => {
    await expect(submitReview(user, review({ questionId: 'nope' }), ctx())).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(submitReview(user, review({ rating: 5 }), ctx())).rejects.toBeInstanceOf(StoreError);
    await expect(submitReview(user, review({ userId: other }), ctx())).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('undoes the last review', async () => {
    await submitReview(user, review({ clientReviewId: 'undo-me-0001', questionId: 'b1' }), ctx());
    const u = await undoLastReview(user, ctx());
    expect(u?.questionId).toBe('b1');
    expect(u?.card).toBeNull();
    expect(await t.db.cardState.count({ where: { userId: user, questionId: 'b1' } })).toBe(0);
  });
});
