/**
 * Issue 15: after a grade, "does the card come back within the learn-ahead limit" is answered by
 * learningCardAt (server/web/review.ts requeuedCard) from one card row and one hold lookup, never
 * by rebuilding the queue. It must agree with the queue: learning/relearning cards come back,
 * review cards, retired cards and held (suspended / buried) cards do not.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { submitReview } from '@/server/reviews';
import { getQueue, learningCardAt } from '@/server/cards';
import { updateSettings } from '@/server/settings';
import { createUser, testBank } from './fixtures/bank';

const bank = testBank();
const T0 = new Date('2026-11-28T10:00:00.000Z');
const MIN = 60_000;
let seq = 0;

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('learning-card');
});
afterAll(async () => {
  await t.close();
});

const grade = (u: string, questionId: string, rating: number, at = T0) =>
  submitReview(u, { clientReviewId: `lc-${process.pid}-${++seq}`, questionId, rating, durationMs: 2000, source: 'flashcard' }, { db: t.db, bank, now: at });

describe('learningCardAt (the post-grade requeue check)', () => {
  it('returns a learning card with the previews the queue shows, and null for review, unknown, retired and held cards', async () => {
    const u = await createUser(t.db, 'lc@example.com');
    await updateSettings(u, { enableFuzz: false }, { db: t.db });
    const learning = await grade(u, 'a1', 1); // Again on a new card: learning, due in a minute
    expect(learning.card.state).toBe('learning');
    const due = new Date(learning.card.due);
    const item = await learningCardAt(u, 'a1', due, { db: t.db });
    expect(item).toMatchObject({ questionId: 'a1', deck: 'a', state: 'learning', due: learning.card.due });
    const queued = (await getQueue(u, { limit: 50 }, { db: t.db, bank, now: due })).items.find((i) => i.questionId === 'a1');
    expect(item?.previews).toEqual(queued?.previews);

    await grade(u, 'a2', 4); // Easy: straight to review, days away
    expect(await learningCardAt(u, 'a2', T0, { db: t.db })).toBeNull();
    expect(await learningCardAt(u, 'b1', T0, { db: t.db })).toBeNull(); // never reviewed

    const hold = await t.db.cardHold.create({ data: { userId: u, questionId: 'a1', kind: 'buried', until: new Date(T0.getTime() + 60 * MIN) } });
    expect(await learningCardAt(u, 'a1', due, { db: t.db })).toBeNull();
    // A bury ends: the card is back.
    expect(await learningCardAt(u, 'a1', new Date(T0.getTime() + 61 * MIN), { db: t.db })).toMatchObject({ questionId: 'a1' });
    await t.db.cardHold.update({ where: { id: hold.id }, data: { kind: 'suspended', until: null } });
    expect(await learningCardAt(u, 'a1', new Date(T0.getTime() + 61 * MIN), { db: t.db })).toBeNull();
    await t.db.cardHold.delete({ where: { id: hold.id } });

    await t.db.cardState.updateMany({ where: { userId: u, questionId: 'a1' }, data: { retired: true } });
    expect(await learningCardAt(u, 'a1', due, { db: t.db })).toBeNull();
  });
});
