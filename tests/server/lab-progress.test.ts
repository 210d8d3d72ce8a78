/**
 * Issue 14: lab scenarios solved are kept per account (server/lab-progress.ts): idempotent,
 * unknown or non-command ids skipped, bad input refused with a typed error, kept in the export,
 * gone with the account.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { loadBank } from '@/server/banks';
import { labDoneIds, markLabDone } from '@/server/lab-progress';
import { StoreError } from '@/lib/srs';
import { createUser } from './fixtures/bank';

let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('lab-progress');
});
afterAll(async () => {
  await t.close();
});

const commandIds = () => loadBank().bank.questions.filter((q) => q.type === 'command').map((q) => q.id);

describe('lab progress per account', () => {
  it('records solved scenarios once, skips ids that are not command tasks, keeps the first date', async () => {
    const u = await createUser(t.db, `lab1-${process.pid}@example.com`);
    const [a, b] = commandIds();
    const notCommand = loadBank().bank.questions.find((q) => q.type !== 'command')!.id;
    const t1 = new Date('2026-11-28T10:00:00Z');
    expect(await markLabDone(u, [a, a, 'no-such-question', notCommand], { db: t.db, now: t1 })).toBe(1);
    expect(await markLabDone(u, [a, b], { db: t.db, now: new Date('2026-11-29T10:00:00Z') })).toBe(1);
    expect(await labDoneIds(u, { db: t.db })).toEqual([a, b]);
    const first = await t.db.labDone.findUnique({ where: { userId_scenarioId: { userId: u, scenarioId: a } } });
    expect(first?.doneAt.toISOString()).toBe(t1.toISOString());
    // Another learner sees none of it.
    const other = await createUser(t.db, `lab2-${process.pid}@example.com`);
    expect(await labDoneIds(other, { db: t.db })).toEqual([]);
  });

  it('refuses input that is not a list of ids', async () => {
    const u = await createUser(t.db, `lab3-${process.pid}@example.com`);
    for (const bad of ['abc', [1, 2], null, Array.from({ length: 1001 }, (_, i) => `q${i}`)]) {
      await expect(markLabDone(u, bad, { db: t.db })).rejects.toBeInstanceOf(StoreError);
    }
    expect(await labDoneIds(u, { db: t.db })).toEqual([]);
  });

  it('is deleted with the account', async () => {
    const u = await createUser(t.db, `lab4-${process.pid}@example.com`);
    await markLabDone(u, commandIds().slice(0, 2), { db: t.db });
    await t.db.user.delete({ where: { id: u } });
    expect(await t.db.labDone.count({ where: { userId: u } })).toBe(0);
  });
});
