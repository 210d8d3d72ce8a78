import { freshDatabase, type TestDatabase } from '../helpers/db';
import { examBank } from './exams-fixture';
import { indexBank } from '@/server/banks';
import { buildQuiz, labScenarios, quizScopes, recordQuizAnswerFor } from '@/server/quiz';
import type { Bank, Question } from '@/server/banks';
import { judgeTyped } from '@/components/quiz/judge';

// The quiz side of issue 7: picking questions, and feeding answers to the scheduler.
const bank: Bank = examBank();
bank.questions.push(
  { id: 'cmd-a', deck: 'fixture', topic: ['Fixture', 'bridge', 'create'], type: 'command', prompt: 'Create `mynet`.', command: { setup: [], solutions: [['docker network create mynet']], mode: 'state' }, source: { file: 'fixture.md', line: 90 }, sourceItem: 'cmd-a' } as Question,
  { id: 'qa-a', deck: 'fixture', topic: ['Fixture', 'overlay'], type: 'qa', prompt: 'Port of swarm management?', answer: '2377', source: { file: 'fixture.md', line: 91 }, sourceItem: 'port' } as Question,
  { id: 'cz-a', deck: 'fixture', topic: ['Fixture', 'overlay'], type: 'cloze', prompt: 'Managers listen on _____.', answer: '2377', source: { file: 'fixture.md', line: 92 }, sourceItem: 'port' } as Question,
);

let t: TestDatabase;
let user: string;
beforeAll(async () => {
  t = freshDatabase('exams-quiz');
  user = (await t.db.user.create({ data: { email: 'q@example.com' } })).id;
});
afterAll(async () => {
  await t.close();
});

describe('buildQuiz', () => {
  it.each([
    [{ length: 5 }, 5],
    [{ length: 10, deck: 'fixture' }, 10],
    [{ length: 20, deck: 'fixture', topic: 'bridge' }, 13],
    [{ length: 20, deck: 'nope' }, 0],
  ])('%j gives %d questions', (opts, n) => {
    expect(buildQuiz(bank, opts, 1)).toHaveLength(n);
  });

  it('stays in the topic, includes a command task when the scope has one, and never two siblings', () => {
    for (let seed = 1; seed < 30; seed++) {
      const qs = buildQuiz(bank, { length: 20, deck: 'fixture', topic: 'bridge' }, seed);
      expect(qs.every((q) => q.topic === 'bridge' || q.topic.startsWith('bridge › '))).toBe(true);
      expect(qs.some((q) => q.type === 'command')).toBe(true);
      const all = buildQuiz(bank, { length: 20 }, seed);
      expect(all.filter((q) => q.id === 'qa-a' || q.id === 'cz-a').length).toBeLessThanOrEqual(1);
    }
  });

  it('takes exactly the listed questions, in order, skipping unknown ids', () => {
    expect(buildQuiz(bank, { ids: ['qa-a', 'nope', 'cmd-a'] }, 1).map((q) => q.id)).toEqual(['qa-a', 'cmd-a']);
  });

  it('is reproducible from its seed and refuses odd lengths', () => {
    expect(buildQuiz(bank, { length: 10 }, 7)).toEqual(buildQuiz(bank, { length: 10 }, 7));
    expect(() => buildQuiz(bank, { length: 7 }, 1)).toThrow();
  });

  it('lists scopes and lab scenarios', () => {
    expect(quizScopes(bank)[0]).toMatchObject({ deck: 'fixture', count: bank.questions.length });
    expect(labScenarios(bank).map((s) => s.id)).toEqual(['cmd-a']);
  });
});

describe('recordQuizAnswerFor', () => {
  const ctx = () => ({ db: t.db, bank: indexBank(bank), now: new Date('2026-11-28T12:00:00Z') });

  it('feeds a quiz answer to the scheduler once, graded by correctness and time', async () => {
    const input = { clientReviewId: 'quiz-answer-0001', questionId: 'qa-a', correct: true, elapsedMs: 4000, source: 'quiz', answer: '2377' };
    expect(await recordQuizAnswerFor(user, input, ctx())).toEqual({ ok: true });
    expect(await recordQuizAnswerFor(user, input, ctx())).toEqual({ ok: true });
    const logs = await t.db.reviewLog.findMany({ where: { userId: user, questionId: 'qa-a' } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ source: 'quiz', rating: 4 });
  });

  it('records a wrong command answer as Again', async () => {
    const input = { clientReviewId: 'quiz-answer-0002', questionId: 'cmd-a', correct: false, elapsedMs: 30000, source: 'command', answer: 'docker network ls' };
    expect(await recordQuizAnswerFor(user, input, ctx())).toEqual({ ok: true });
    const log = await t.db.reviewLog.findFirstOrThrow({ where: { userId: user, questionId: 'cmd-a' } });
    expect(log).toMatchObject({ source: 'command', rating: 1 });
  });

  it.each([
    [{ clientReviewId: 'x', questionId: 'qa-a', correct: true, elapsedMs: 1, source: 'quiz', answer: '' }],
    [{ clientReviewId: 'quiz-answer-0003', questionId: 'qa-a', correct: 'yes', elapsedMs: 1, source: 'quiz', answer: '' }],
    [{ clientReviewId: 'quiz-answer-0004', questionId: 'qa-a', correct: true, elapsedMs: 1, source: 'exam', answer: '' }],
    [{ clientReviewId: 'quiz-answer-0005', questionId: 'not-in-bank', correct: true, elapsedMs: 1, source: 'quiz', answer: '' }],
  ])('refuses %j and stores nothing', async (input) => {
    const before = await t.db.reviewLog.count();
    expect((await recordQuizAnswerFor(user, input, ctx())).ok).toBe(false);
    expect(await t.db.reviewLog.count()).toBe(before);
  });
});

describe('lenient judging of typed answers', () => {
  it.each([
    ['docker network ls', '`docker network ls`', true],
    ['  Docker   Network LS. ', '`docker network ls`', true],
    ['`docker network ls`', 'docker network ls', true],
    ['ingress network', 'the ingress network', true],
    ['2377', '2377', true],
    ['7946', '`7946` or `4789`', true],
    ['bridge', 'host', false],
    ['docker network create', 'docker network ls', false],
    ['', 'anything', false],
    ['--internal', '`--internal`', true],
  ])('%j against %j -> %s', (given, reference, ok) => {
    expect(judgeTyped(given, reference)).toBe(ok);
  });
});
