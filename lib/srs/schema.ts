import { z } from 'zod';

/**
 * Shapes that cross the store's layers: ratings, card snapshots (the JSON form of a
 * card's FSRS state kept in the review log and in exports) and scheduler settings.
 */

/** ts-fsrs grades: 1 Again, 2 Hard, 3 Good, 4 Easy (Manual is never a learner's grade). */
export const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Grade = z.infer<typeof GradeSchema>;
export const GRADES = [1, 2, 3, 4] as const satisfies readonly Grade[];
export const GRADE_NAMES = { 1: 'again', 2: 'hard', 3: 'good', 4: 'easy' } as const satisfies Record<Grade, string>;
export type GradeName = (typeof GRADE_NAMES)[Grade];

/** ts-fsrs State as stored: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export const CardStateKindSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type CardStateKind = z.infer<typeof CardStateKindSchema>;
export const STATE_NAMES = { 0: 'new', 1: 'learning', 2: 'review', 3: 'relearning' } as const;

/** Where a review came from. */
export const ReviewSourceSchema = z.enum(['flashcard', 'quiz', 'command', 'exam']);

const isoDate = z.iso.datetime({ offset: true });

/**
 * A card's FSRS fields in JSON form, field-for-field with ts-fsrs `Card`
 * (dates as ISO strings). Kept in ReviewLog.stateBefore/stateAfter and in exports.
 */
export const CardSnapshotSchema = z.object({
  due: isoDate,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  elapsed_days: z.number().int().min(0),
  scheduled_days: z.number().int().min(0),
  learning_steps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: CardStateKindSchema,
  last_review: isoDate.nullable(),
});
export type CardSnapshot = z.infer<typeof CardSnapshotSchema>;

/** FSRS weights: ts-fsrs accepts 17, 19 or 21 numbers depending on the FSRS version. */
export const FsrsParamsSchema = z.array(z.number().finite()).refine((w) => [17, 19, 21].includes(w.length), {
  message: 'FSRS parameters must be a list of 17, 19 or 21 numbers',
});

/** What the scheduler needs from a learner's settings. */
export const SchedulerSettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.99),
  params: FsrsParamsSchema.nullable().optional(),
  enableFuzz: z.boolean(),
  maximumIntervalDays: z.number().int().min(1).max(36500).optional(),
});
export type SchedulerSettings = z.infer<typeof SchedulerSettingsSchema>;
