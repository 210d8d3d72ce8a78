/**
 * The bank's question schema is a discriminated union on `type` (#17): each variant accepts what the
 * single object with a per-type refinement accepted before, and says what is wrong at the field.
 */
import { QuestionSchema, QuestionTypeSchema } from '@/lib/qbank';

const base = { id: 'd:1', deck: 'd', topic: ['D'], prompt: 'Which?', source: { file: 'd.md', line: 3 }, sourceItem: 'd:1' };
const choices = (...correct: boolean[]) => correct.map((c, i) => ({ text: `option ${i}`, correct: c }));
const command = { setup: [], solutions: [['docker network ls']], mode: 'output' };

/** The messages of a failed parse, each with the dotted path it points at. */
function problems(q: unknown): string[] {
  const r = QuestionSchema.safeParse(q);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

test('the question types come from the union, in its order', () => {
  expect(QuestionTypeSchema.options).toEqual(['qa', 'cloze', 'single-choice', 'multiple-choice', 'command']);
});

describe('accepted', () => {
  test.each([
    ['qa', { ...base, type: 'qa', answer: 'This one' }],
    ['cloze', { ...base, type: 'cloze', prompt: 'A _____ gap', answer: 'gap' }],
    ['single-choice', { ...base, type: 'single-choice', choices: choices(true, false) }],
    ['multiple-choice', { ...base, type: 'multiple-choice', choices: choices(true, true, false) }],
    ['command', { ...base, type: 'command', command }],
    // Accepted by the schema before the union, so still accepted.
    ['single-choice with an answer and a command', { ...base, type: 'single-choice', choices: choices(false, true), answer: 'a', command }],
    ['command with an answer and choices', { ...base, type: 'command', command, answer: 'a', choices: choices(true, false) }],
  ])('%s', (_name, q) => {
    expect(problems(q)).toEqual([]);
  });

  test('output keys keep the bank order whatever the input order', () => {
    const q = QuestionSchema.parse({ sourceItem: 'd:1', answer: 'x', type: 'qa', source: base.source, prompt: 'p', topic: [], deck: 'd', id: 'd:1', tags: ['t'] });
    expect(Object.keys(q)).toEqual(['id', 'deck', 'topic', 'type', 'prompt', 'answer', 'tags', 'source', 'sourceItem']);
  });
});

describe('rejected, with the variant sentence at the field', () => {
  test.each([
    ['qa without an answer', { ...base, type: 'qa' }, 'answer: a qa question needs an answer'],
    ['cloze with choices', { ...base, type: 'cloze', answer: 'x', choices: choices(true, false) }, 'choices: a cloze question has no choices or command'],
    ['qa with a command', { ...base, type: 'qa', answer: 'x', command }, 'command: a qa question has no choices or command'],
    ['single-choice with two correct', { ...base, type: 'single-choice', choices: choices(true, true) }, 'choices: a single-choice question has exactly one correct choice'],
    ['single-choice without choices', { ...base, type: 'single-choice' }, 'choices: a single-choice question has exactly one correct choice'],
    ['multiple-choice with none correct', { ...base, type: 'multiple-choice', choices: choices(false, false) }, 'choices: a multiple-choice question has a correct choice'],
    ['command without a command', { ...base, type: 'command' }, 'command: a command question needs a command'],
  ])('%s', (_name, q, message) => {
    expect(problems(q)).toContain(message);
  });

  test('an unknown type or an unknown key fails', () => {
    expect(problems({ ...base, type: 'essay', answer: 'x' })).not.toEqual([]);
    expect(problems({ ...base, type: 'qa', answer: 'x', hint: 'y' })).not.toEqual([]);
    expect(problems({ ...base, type: 'single-choice', choices: [{ text: 'only', correct: true }] })).not.toEqual([]);
  });
});
