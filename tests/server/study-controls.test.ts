/**
 * Issue 14 store pieces: suspend and bury (the queue leaves held cards out), "add to
 * flashcards" from an exam, problem reports with the bank version, kept quiz results.
 * Real bank (generated/bank.json), fresh migrated database, fixed clock.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { getCounts, getQueue } from '@/server/cards';
import { loadBank } from '@/server/banks';
import { activeHolds, addToFlashcards, holdCard, releaseAllCards, releaseCard } from '@/server/holds';
import { heldCards, plainPrompt } from '@/server/web/holds';
import { listReports, reportProblem, reportsBy } from '@/server/reports';
import { quizHistory, saveQuizResult } from '@/server/quiz-results';
import { updateSettings } from '@/server/settings';
import { StoreError } from '@/lib/srs';
import { createUser } from './fixtures/bank';

const T0 = new Date('2026-11-28T10:00:00.000Z');
let seq = 0;
let t: TestDatabase;
beforeAll(() => {
  t = freshDatabase('study-controls');
});
afterAll(async () => {
  await t.close();
});

const bank = () => loadBank();
const ctx = (now: Date = T0) => ({ db: t.db, now, bank: bank() });
async function learner(): Promise<string> {
  const id = await createUser(t.db, `s${++seq}-${process.pid}@example.com`);
  await updateSettings(id, { enableFuzz: false, newPerDay: 5 }, { db: t.db });
  return id;
}
async function expectKind(p: Promise<unknown>, kind: string) {
  await p.then(
    () => {
      throw new Error('accepted');
    },
    (e) => {
      expect(e).toBeInstanceOf(StoreError);
      expect((e as StoreError).kind).toBe(kind);
    },
  );
}

describe('suspend and bury', () => {
  it('a suspended new card leaves the queue and the new count until it is released', async () => {
    const u = await learner();
    const first = (await getQueue(u, { decks: [], limit: 5 }, ctx())).items[0].questionId;
    const before = await getCounts(u, { decks: [] }, ctx());
    await holdCard(u, { questionId: first, kind: 'suspended' }, { db: t.db, now: T0 });
    const q = await getQueue(u, { decks: [], limit: 50 }, ctx());
    expect(q.items.map((i) => i.questionId)).not.toContain(first);
    expect((await activeHolds(u, { db: t.db, now: T0 })).map((h) => [h.questionId, h.kind, h.until])).toEqual([[first, 'suspended', null]]);
    expect(before.newAvailable).toBe(5);
    expect(await releaseCard(u, first, { db: t.db })).toBe(true);
    expect((await getQueue(u, { decks: [], limit: 5 }, ctx())).items[0].questionId).toBe(first);
  });

  it('a buried card is back the next day', async () => {
    const u = await learner();
    const first = (await getQueue(u, { decks: [], limit: 5 }, ctx())).items[0].questionId;
    const hold = await holdCard(u, { questionId: first, kind: 'buried' }, { db: t.db, now: T0 });
    expect(hold.until).toBe('2026-11-29T00:00:00.000Z');
    expect((await getQueue(u, { decks: [], limit: 50 }, ctx())).items.map((i) => i.questionId)).not.toContain(first);
    const tomorrow = new Date('2026-11-29T08:00:00.000Z');
    expect((await getQueue(u, { decks: [], limit: 5 }, ctx(tomorrow))).items.map((i) => i.questionId)).toContain(first);
  });

  it('lists held cards for Settings (prompt, deck, kind, since, until) and releases them all', async () => {
    const u = await learner();
    const [a, b] = (await getQueue(u, { decks: [], limit: 5 }, ctx())).items.map((i) => i.questionId);
    await holdCard(u, { questionId: a, kind: 'suspended' }, { db: t.db, now: T0 });
    const later = new Date(T0.getTime() + 60_000);
    await holdCard(u, { questionId: b, kind: 'buried' }, { db: t.db, now: later });
    const rows = await heldCards(u, { db: t.db, now: later });
    expect(rows.map((r) => [r.questionId, r.kind, r.since, r.until])).toEqual([
      [b, 'buried', later.toISOString(), '2026-11-29T00:00:00.000Z'],
      [a, 'suspended', T0.toISOString(), null],
    ]);
    const qa = bank().byId.get(a)!;
    expect(rows[1].prompt).toBe(plainPrompt(qa.prompt));
    expect(rows[1].prompt).not.toMatch(/[`*]/);
    expect(rows[1].href).toBe(`/decks/${qa.deck}#L${qa.source.line}`);
    expect(rows[1].deckTitle).toBe(bank().bank.decks.find((d) => d.id === qa.deck)!.title);
    expect(await releaseAllCards(u, { db: t.db })).toBe(2);
    expect(await heldCards(u, { db: t.db, now: later })).toEqual([]);
  });

  it('cuts a long prompt at a word, as plain text', () => {
    expect(plainPrompt('Create a network with `docker network create`: **why**?')).toBe('Create a network with docker network create: why?');
    const long = plainPrompt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('refuses unknown questions and kinds with a typed error', async () => {
    const u = await learner();
    await expectKind(holdCard(u, { questionId: 'nope', kind: 'buried' }, { db: t.db }), 'not-found');
    await expectKind(holdCard(u, { questionId: bank().bank.questions[0].id, kind: 'frozen' }, { db: t.db }), 'bad-request');
  });
});

describe('add to flashcards', () => {
  it('makes a missed exam question due within minutes, once per ref', async () => {
    const u = await learner();
    const q = bank().bank.questions[3].id;
    const a = await addToFlashcards(u, { questionId: q, ref: 'exam-a-3', missed: true }, { db: t.db, now: T0 });
    const b = await addToFlashcards(u, { questionId: q, ref: 'exam-a-3', missed: true }, { db: t.db, now: T0 });
    expect(new Date(a.due).getTime() - T0.getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect([a.duplicate, b.duplicate]).toEqual([false, true]);
    expect(await t.db.reviewLog.count({ where: { userId: u, questionId: q, source: 'exam' } })).toBe(1);
  });
});

describe('problem reports', () => {
  it('stores the text with the question id and bank version, and says what was wrong', async () => {
    const u = await learner();
    const q = bank().bank.questions[0].id;
    await expectKind(reportProblem(u, { questionId: q, source: 'quiz', text: ' ab ' }, { db: t.db }), 'bad-request');
    await reportProblem(u, { questionId: q, source: 'quiz', text: 'abc' }, { db: t.db }).catch((e: StoreError) => {
      expect(e.fields?.text?.[0]).toMatch(/at least 5 characters/);
    });
    await expectKind(reportProblem(u, { questionId: 'gone', source: 'quiz', text: 'The key is wrong' }, { db: t.db }), 'not-found');
    await reportProblem(null, { questionId: q, source: 'exam', text: 'Guest: unclear prompt' }, { db: t.db });
    await reportProblem(u, { questionId: q, source: 'flashcard', text: 'The key is wrong' }, { db: t.db });
    const mine = await reportsBy(u, { db: t.db });
    expect(mine.map((r) => [r.questionId, r.source, r.text])).toEqual([[q, 'flashcard', 'The key is wrong']]);
    expect(mine[0].bankVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(mine[0].question?.line).toBeGreaterThan(0);
    const all = await listReports({ db: t.db });
    expect(all.map((r) => r.text)).toEqual(expect.arrayContaining(['Guest: unclear prompt', 'The key is wrong']));
  });
});

describe('quiz results', () => {
  it('keeps a finished quiz once and lists the missed questions for a retry', async () => {
    const u = await learner();
    const [a, b, c] = bank().bank.questions.map((q) => q.id);
    const input = {
      runId: 'run-0001-abcd',
      deck: null,
      topic: null,
      outcomes: [
        { questionId: a, correct: true },
        { questionId: b, correct: false },
        { questionId: c, correct: false },
      ],
      startedAt: '2026-11-28T09:55:00.000Z',
    };
    await saveQuizResult(u, input, { db: t.db, now: T0 });
    await saveQuizResult(u, input, { db: t.db, now: T0 });
    const h = await quizHistory(u, { db: t.db });
    expect(h).toHaveLength(1);
    expect([h[0].correct, h[0].total, h[0].score, h[0].missed]).toEqual([1, 3, 33.3, [b, c]]);
    const other = await learner();
    await expectKind(saveQuizResult(other, input, { db: t.db }), 'conflict');
    await expectKind(saveQuizResult(u, { ...input, outcomes: [] }, { db: t.db }), 'bad-request');
  });
});
