import type { Bank, Question } from '@/server/banks';
import { answerChoice, answerDomc, type AttemptRepo, type ExamContext, type ExamViewDTO } from '@/server/exams';

/**
 * A small synthetic bank for the exam tests. Option texts say whether they are right
 * ("right ...") or wrong ("wrong ..."), so a test can answer well or badly from what
 * the server shows, exactly as a learner would.
 */
export function examBank(): Bank {
  const questions: Question[] = [];
  const add = (topic: string, n: number, type: 'single-choice' | 'multiple-choice', tags: string[]) => {
    for (let i = 0; i < n; i++) {
      const id = `${topic}-${type === 'single-choice' ? 's' : 'm'}${i}`;
      const choices =
        type === 'single-choice'
          ? [
              { text: `right answer of ${id}`, correct: true },
              { text: `wrong first of ${id}`, correct: false },
              { text: `wrong second of ${id}`, correct: false },
              { text: `wrong third of ${id}`, correct: false },
            ]
          : [
              { text: `right one of ${id}`, correct: true },
              { text: `right two of ${id}`, correct: true },
              { text: `wrong first of ${id}`, correct: false },
              { text: `wrong second of ${id}`, correct: false },
            ];
      questions.push({
        id,
        deck: 'fixture',
        topic: ['Fixture', topic],
        type,
        // Words of its own per question, so the exam draw's near-duplicate filter (lib/exam/similar.ts) keeps them apart.
        prompt: `Prompt of ${id} about ${id}-alpha and ${id}-beta?`,
        choices,
        explanation: `SECRET-EXPLANATION of ${id}`,
        tags,
        source: { file: 'fixture.md', line: 10 + questions.length },
        sourceItem: id,
      } as Question);
    }
  };
  add('bridge', 8, 'single-choice', ['bridge', 'domc']);
  add('bridge', 4, 'multiple-choice', ['bridge', 'domc']);
  add('overlay', 8, 'single-choice', ['overlay', 'domc']);
  add('overlay', 4, 'multiple-choice', ['overlay']);
  return {
    version: 1,
    decks: [
      {
        id: 'fixture',
        title: 'Fixture',
        file: 'fixture.md',
        topics: [['Fixture', 'bridge'], ['Fixture', 'overlay']],
        questionCount: questions.length,
      },
    ],
    questions,
    blueprints: [
      {
        id: 'mini',
        title: 'Mini exam',
        questions: 12,
        minutes: 24,
        passPercent: 70,
        domcShare: 0.75,
        objectives: [
          { id: 'bridge', title: 'Bridge networks', count: 6, tags: ['bridge'] },
          { id: 'overlay', title: 'Overlay networks', count: 6, tags: ['overlay'] },
        ],
      },
      {
        id: 'big',
        title: 'Big exam',
        questions: 22,
        minutes: 44,
        passPercent: 70,
        domcShare: 0.8,
        objectives: [
          { id: 'bridge', title: 'Bridge networks', count: 11, tags: ['bridge'] },
          { id: 'overlay', title: 'Overlay networks', count: 11, tags: ['overlay'] },
        ],
      },
    ],
  } as Bank;
}

/** Whether an option text of the fixture bank is a right one. */
export const isRight = (text: string) => text.startsWith('right');

/** `ctxFor(repo, now?)`: an exam context on `bank` at `now` (by default `defaultNow`). */
export function contextFor(bank: Bank, defaultNow: Date) {
  return (repo: AttemptRepo, now: Date = defaultNow): ExamContext => ({ repo, bank, now });
}

/** Answer the current DOMC option as a learner who knows (good=true) or gets it backwards. */
export async function judgeDomc(ctx: ExamContext, view: ExamViewDTO, good: boolean): Promise<ExamViewDTO> {
  let v = view;
  while (v.item.domc?.next) {
    const next = v.item.domc.next;
    v = await answerDomc(ctx, { attemptId: v.id, item: v.item.index, step: next.step, response: good ? isRight(next.text) : !isRight(next.text) });
  }
  return v;
}

/** Answer the current item right, as a learner who knows (option texts say "right"/"wrong"). */
export async function answerRight(ctx: ExamContext, view: ExamViewDTO): Promise<ExamViewDTO> {
  let v = await judgeDomc(ctx, view, true);
  if (v.item.choice) {
    const picks = v.item.choice.options.filter((o) => isRight(o.text)).map((o) => o.position);
    v = await answerChoice(ctx, { attemptId: v.id, item: v.item.index, selected: picks });
  }
  return v;
}
