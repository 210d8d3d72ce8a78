import { z } from 'zod';
import { mulberry32 } from '../random';
import { ExamError } from './errors';
import type { ExamItem, ExamQuestionInput } from './schema';

/**
 * A practice-exam attempt as it is stored: the drawn items with this attempt's option order, the
 * learner's answers and flags, and the score once submitted. Pure data and the helpers that build it;
 * server/exams persists it.
 */

export const StoredItemSchema = z.object({
  questionId: z.string(),
  objective: z.string(),
  format: z.enum(['domc', 'choice']),
  /** Original choice indexes in the order this attempt shows them. */
  choiceOrder: z.array(z.number().int()),
  /** DOMC only: show one more, unscored option after the item settles, so "settled" says nothing about the result. */
  decoy: z.boolean().default(false),
});
export const StoredAnswerSchema = z.object({
  /** DOMC: yes/no per shown option, in shown order. */
  responses: z.array(z.boolean()).optional(),
  /** Choice: display positions picked. */
  selected: z.array(z.number().int()).optional(),
});
export const ItemsSchema = z.array(StoredItemSchema);
const AnswersSchema = z.record(z.string(), StoredAnswerSchema);
const FlagsSchema = z.array(z.number().int());
const ObjectiveScoreSchema = z.object({
  id: z.string(),
  title: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
});
const PerTopicSchema = z.array(ObjectiveScoreSchema);

export const AttemptStateSchema = z.object({
  id: z.string(),
  blueprintId: z.string(),
  seed: z.number().int(),
  items: ItemsSchema,
  answers: AnswersSchema,
  flags: FlagsSchema,
  currentIndex: z.number().int(),
  startedAt: z.coerce.date(),
  deadline: z.coerce.date(),
  submittedAt: z.coerce.date().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  perTopic: PerTopicSchema.nullable(),
  version: z.number().int(),
});
export type AttemptState = z.infer<typeof AttemptStateSchema>;
export type StoredItem = z.infer<typeof StoredItemSchema>;
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;
export type ObjectiveScore = z.infer<typeof ObjectiveScoreSchema>;

/** The parts of a blueprint an attempt reads (a lib/qbank `Blueprint` fits). */
export interface AttemptBlueprint {
  id: string;
  title: string;
  questions: number;
  minutes: number;
  passPercent: number;
  objectives: readonly { id: string; title: string }[];
}

/** The bank as an attempt reads it (a lib/qbank `Bank` fits). */
export interface AttemptBank<Q extends ExamQuestionInput = ExamQuestionInput, B extends AttemptBlueprint = AttemptBlueprint> {
  questions: readonly Q[];
  blueprints: readonly B[];
}

/** Seconds of grace after the deadline for answers already in flight. */
export const DEADLINE_GRACE_MS = 5_000;

function shuffled(n: number, next: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The bank's questions by id. */
export function questionMap<Q extends ExamQuestionInput>(bank: { questions: readonly Q[] }): Map<string, Q> {
  return new Map(bank.questions.map((q) => [q.id, q]));
}

/** The question an item shows; ExamError('not-found') when the bank no longer holds it. */
export function questionOf<Q extends ExamQuestionInput>(questions: Map<string, Q>, item: StoredItem): Q {
  const q = questions.get(item.questionId);
  if (!q || !q.choices) throw new ExamError('not-found', `Question ${item.questionId} is no longer in the bank.`);
  return q;
}

/** The blueprint with this id; ExamError('not-found') when there is none. */
export function blueprintOf<B extends AttemptBlueprint>(bank: { blueprints: readonly B[] }, id: string): B {
  const bp = bank.blueprints.find((b) => b.id === id);
  if (!bp) throw new ExamError('not-found', `No exam blueprint "${id}".`);
  return bp;
}

/** Minutes for an exam of `size` questions drawn from `bp`: scaled to the blueprint's pace, at least 5. */
export function scaledMinutes(bp: Pick<AttemptBlueprint, 'minutes' | 'questions'>, size: number): number {
  return Math.max(5, Math.round((bp.minutes * size) / bp.questions));
}

/**
 * The stored items of a new attempt: each drawn item with its options in this attempt's order, and
 * (for DOMC) whether a decoy option follows once it settles. Seeded: the same seed gives the same order.
 */
export function attemptItems(questions: Map<string, ExamQuestionInput>, drawn: readonly ExamItem[], seed: number): StoredItem[] {
  const next = mulberry32(seed ^ 0x5bd1e995);
  return drawn.map((d) => {
    const q = questions.get(d.questionId);
    const n = q?.choices?.length ?? 0;
    return { questionId: d.questionId, objective: d.objective, format: d.format, choiceOrder: shuffled(n, next), decoy: next() < 0.5 };
  });
}
