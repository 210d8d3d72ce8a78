import { undoLastReview } from '@/server/reviews';
import { asUser } from '../_http';

/** POST /api/reviews/undo -> 200 { undone } with the restored card, or { undone: null } when nothing is left to undo. */
export function POST(): Promise<Response> {
  return asUser(async (userId) => Response.json({ undone: await undoLastReview(userId) }));
}
