import { undoLastReview } from '@/server/reviews';
import { asUserWrite } from '../_http';

/** POST /api/reviews/undo -> 200 { undone } with the restored card, or { undone: null } when nothing is left to undo. */
export function POST(req: Request): Promise<Response> {
  return asUserWrite(req, async (userId) => Response.json({ undone: await undoLastReview(userId) }));
}
