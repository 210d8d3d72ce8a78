import { z } from 'zod';
import { StoreError } from '@/lib/srs';
import { getQueue } from '@/server/cards';
import { submitReview } from '@/server/reviews';
import { asUser, asUserWrite, readJson } from './_http';

/** Largest review submission accepted (the answer itself is limited to 16 KiB). */
const MAX_REVIEW_BYTES = 32 * 1024;

const QueueQuerySchema = z.object({
  decks: z
    .string()
    .max(4000)
    .optional()
    .transform((s) => (s === undefined ? undefined : s.split(',').filter(Boolean))),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** GET /api/reviews?decks=a,b&limit=20 -> the signed-in learner's next cards with interval previews and counts. */
export function GET(req: Request): Promise<Response> {
  return asUser(async (userId) => {
    const q = QueueQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!q.success) throw StoreError.fromZod('invalid query', q.error);
    return Response.json(await getQueue(userId, q.data), { headers: { 'cache-control': 'no-store' } });
  });
}

/**
 * POST /api/reviews { clientReviewId, questionId, rating | outcome, durationMs, source, answer? }
 * -> 201 with the card after the review, or 200 with `duplicate: true` when this
 * clientReviewId was already applied.
 */
export function POST(req: Request): Promise<Response> {
  return asUserWrite(req, async (userId) => {
    const result = await submitReview(userId, await readJson(req, MAX_REVIEW_BYTES));
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  });
}
