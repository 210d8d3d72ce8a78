import { z } from 'zod';

/**
 * The parts of a compiled bank question that exam drawing reads. Structurally a subset of
 * lib/qbank's `Question`, so a `Bank` from `parseBank` can be passed as is (lib/exam does not
 * import lib/qbank: libraries only meet through their callers).
 */
export const ExamQuestionInputSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  tags: z.array(z.string()).optional(),
  sourceItem: z.string().min(1),
  /** Compared to keep near-duplicates out of one exam. */
  prompt: z.string().optional(),
  choices: z.array(z.object({ text: z.string(), correct: z.boolean() })).optional(),
  /** Set when the question depends on a Docker fact that has changed: never drawn. */
  outdated: z.object({ since: z.string() }).optional(),
});
export type ExamQuestionInput = z.infer<typeof ExamQuestionInputSchema>;

/** The bank as exam drawing sees it: only its questions. */
export const ExamBankInputSchema = z.object({ questions: z.array(ExamQuestionInputSchema) });
export type ExamBankInput = z.infer<typeof ExamBankInputSchema>;

/** One blueprint objective: `count` items drawn from questions carrying any of `tags`. */
export const ExamObjectiveInputSchema = z.object({
  id: z.string().min(1),
  count: z.number().int().nonnegative(),
  tags: z.array(z.string()),
});
export type ExamObjectiveInput = z.infer<typeof ExamObjectiveInputSchema>;

/** The parts of lib/qbank's `Blueprint` that exam drawing reads. */
export const ExamBlueprintInputSchema = z.object({
  questions: z.number().int().positive(),
  domcShare: z.number().min(0).max(1),
  objectives: z.array(ExamObjectiveInputSchema).min(1),
});
export type ExamBlueprintInput = z.infer<typeof ExamBlueprintInputSchema>;

/** Options of `drawExam`: the seed makes the draw reproducible; `size` asks for a shorter (or longer) exam. */
export const DrawOptionsSchema = z.object({
  seed: z.number().finite(),
  size: z.number().int().positive().optional(),
});
export type DrawOptions = z.infer<typeof DrawOptionsSchema>;

/** How an item is delivered: Discrete Option Multiple Choice (one option at a time) or classic choice. */
export const ExamFormatSchema = z.enum(['domc', 'choice']);
export type ExamFormat = z.infer<typeof ExamFormatSchema>;

/** One drawn exam item. */
export const ExamItemSchema = z.object({
  questionId: z.string(),
  objective: z.string(),
  format: ExamFormatSchema,
});
export type ExamItem = z.infer<typeof ExamItemSchema>;

/** Question types that can be drawn into an exam. */
export const DRAWABLE_TYPES: ReadonlySet<string> = new Set(['single-choice', 'multiple-choice']);

/** Tag marking a question written for DOMC delivery. */
export const DOMC_TAG = 'domc';
