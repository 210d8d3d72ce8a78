import { z } from 'zod';

/** A flashcard grade as the review page sends it. */
export const GradeCardSchema = z.object({
  cardId: z.string().min(1).max(300),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  clientReviewId: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/),
  durationMs: z.number().int().min(0).max(24 * 3_600_000),
});

/** `?deck=a&deck=b` -> ['a', 'b'] (unknown ids are dropped by the store). */
export const DeckParamSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((d) => /^[\w.-]{1,200}$/.test(d)));
