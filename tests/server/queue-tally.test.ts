/**
 * Issue 15, "Queue": the seen-card count comes from CardTally, which triggers on CardState keep
 * (migration 0008_queue_tally), and the counts are answered from the covering card index. The
 * tally must equal a plain count after every kind of write the app makes: first reviews (both
 * writers), later reviews, undo of a first review (row deleted), bank sync (retire / restore /
 * move to another deck), progress import (rows replaced) and account deletion.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import type { Db } from '@/server/db';
import { submitReview, undoLastReview } from '@/server/reviews';
import { getCounts } from '@/server/cards';
import { updateSettings } from '@/server/settings';
import { indexBank, syncBank } from '@/server/banks';
import { exportProgress, importProgress } from '@/server/import-export';
import { createUser, testBank } from './fixtures/bank';

const bank = testBank();
const T0 = new Date('2026-11-28T10:00:00.000Z');
let seq = 0;

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('tally');
});
afterAll(async () => {
  await t.close();
});

/** Every user's tally rows (zero rows left out) against a count of their CardState rows. */
async function expectTallyTrue(db: Db = t.db): Promise<void> {
  const counted = await db.cardState.groupBy({ by: ['userId', 'deck'], where: { retired: false, state: { not: 0 } }, _count: { _all: true } });
  const truth = Object.fromEntries(counted.map((r) => [`${r.userId}/${r.deck}`, r._count._all]));
  const tally = Object.fromEntries((await db.cardTally.findMany({ where: { seen: { not: 0 } } })).map((r) => [`${r.userId}/${r.deck}`, r.seen]));
  expect(tally).toEqual(truth);
}

const review = (u: string, questionId: string, at: Date, writer: 'driver' | 'prisma' = 'driver') =>
  submitReview(u, { clientReviewId: `tally-${process.pid}-${++seq}`, questionId, rating: 3, durationMs: 2000, source: 'flashcard' }, { db: t.db, bank, now: at, writer });

describe('CardTally (seen cards per deck, kept by triggers)', () => {
  it('follows reviews, undo, bank changes, imports and account deletion', async () => {
    const u = await createUser(t.db, 'tally-a@example.com');
    await updateSettings(u, { newPerDay: 100, enableFuzz: false }, { db: t.db });
    await review(u, 'a1', T0, 'driver');
    await review(u, 'a2', T0, 'prisma');
    await review(u, 'b1', T0);
    await review(u, 'a1', new Date(T0.getTime() + 60_000)); // a later review: no change in the tally
    await expectTallyTrue();
    expect(await t.db.cardTally.findUnique({ where: { userId_deck: { userId: u, deck: 'a' } } })).toMatchObject({ seen: 2 });

    // The counts the queue shows come from the tally: 10 questions (b4 is a command task but still a card), 3 seen.
    const counts = await getCounts(u, { decks: [] }, { db: t.db, bank, now: T0 });
    expect(counts.newAvailable).toBe(bank.bank.questions.length - 3);
    expect((await getCounts(u, { decks: ['a'] }, { db: t.db, bank, now: T0 })).newAvailable).toBe(bank.bank.questions.filter((q) => q.deck === 'a').length - 2);

    // Undo of a first review deletes the card row.
    await review(u, 'b2', new Date(T0.getTime() + 120_000));
    expect(await undoLastReview(u, { db: t.db, now: T0 })).toMatchObject({ questionId: 'b2', card: null });
    await expectTallyTrue();

    // Bank sync: a question leaves (retired), comes back (restored), moves to another deck.
    const smaller = indexBank({ ...bank.bank, questions: bank.bank.questions.filter((q) => q.id !== 'a2') });
    await syncBank(smaller, t.db);
    await expectTallyTrue();
    expect(await t.db.cardTally.findUnique({ where: { userId_deck: { userId: u, deck: 'a' } } })).toMatchObject({ seen: 1 });
    await syncBank(bank, t.db);
    await expectTallyTrue();
    const moved = indexBank({ ...bank.bank, questions: bank.bank.questions.map((q) => (q.id === 'a1' ? { ...q, deck: 'b' } : q)) });
    await syncBank(moved, t.db);
    await expectTallyTrue();
    expect(await t.db.cardTally.findUnique({ where: { userId_deck: { userId: u, deck: 'b' } } })).toMatchObject({ seen: 2 });
    await syncBank(bank, t.db);
    await expectTallyTrue();

    // Import replaces another learner's rows (twice: the second replaces the first).
    const v = await createUser(t.db, 'tally-b@example.com');
    await review(v, 'b3', T0);
    const doc = JSON.parse(JSON.stringify(await exportProgress(u, { db: t.db, now: T0 })));
    await importProgress(v, doc, { db: t.db });
    await expectTallyTrue();
    await importProgress(v, doc, { db: t.db });
    await expectTallyTrue();
    expect(await t.db.cardTally.aggregate({ where: { userId: v }, _sum: { seen: true } })).toMatchObject({ _sum: { seen: 3 } });

    // Account deletion takes the tally rows with it.
    await t.db.user.delete({ where: { id: v } });
    expect(await t.db.cardTally.count({ where: { userId: v } })).toBe(0);
    await expectTallyTrue();
  });

  it('answers deck-filtered counts from the covering card index and the seen count from CardTally (SQLite plan)', async () => {
    if (t.kind !== 'sqlite') return;
    const plan = async (sql: string, ...args: unknown[]) =>
      (await t.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...args)).map((r) => r.detail).join(' | ');
    const at = '2026-11-30T00:00:00.000+00:00';
    // Every count of the study header, deck-filtered or not: index only (held cards are subtracted by id afterwards),
    // the counts by state each one range of the (userId, retired, state, due, deck) index (0010).
    for (const cond of [`"state" = 2 AND "due" < ?`, `"state" IN (1, 3) AND "due" <= ?`]) {
      for (const deck of ['', ` AND "deck" IN (SELECT value FROM json_each(?))`]) {
        const count = await plan(`SELECT count(*) FROM "CardState" WHERE "userId" = ? AND "retired" = 0 AND ${cond}${deck}`, 'u', at, ...(deck ? ['["a"]'] : []));
        expect(count).toMatch(/USING COVERING INDEX CardState_userId_retired_state_due_deck_idx \(userId=\? AND retired=\? AND state=\? AND due<\?\)/);
      }
    }
    const tomorrow = await plan(`SELECT count(*) FROM "CardState" WHERE "userId" = ? AND "retired" = 0 AND "state" <> 0 AND "due" >= ? AND "due" < ?`, 'u', at, at);
    expect(tomorrow).toMatch(/USING COVERING INDEX CardState_userId_retired_due_state_idx \(userId=\? AND retired=\? AND due>\? AND due<\?\)/);
    const seen = await plan(`SELECT coalesce(sum("seen"), 0) FROM "CardTally" WHERE "userId" = ? AND "deck" IN (SELECT value FROM json_each(?))`, 'u', '["a"]');
    expect(seen).toMatch(/CardTally/);
    expect(seen).not.toMatch(/SCAN CardTally/);
  });
});
