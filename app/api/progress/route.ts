import { exportProgress, importProgress } from '@/server/import-export';
import { asUser, asUserWrite, readJson } from '../reviews/_http';

/**
 * Largest progress file accepted for import (issue 12: 50 MB let one upload stall everyone's reviews for
 * seconds; now it is checked and written without holding up other requests, see importProgress).
 * Measured: the export of a learner with 2,000 cards and 50,000 reviews is 37.3 MB (~730 bytes per
 * review: each carries the card's state before and after); the limit is just above that.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/** GET /api/progress -> the signed-in learner's progress export (JSON download). */
export function GET(): Promise<Response> {
  return asUser(async (userId) => {
    const doc = await exportProgress(userId);
    return Response.json(doc, {
      headers: {
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="netprep-progress-${doc.exportedAt.slice(0, 10)}.json"`,
      },
    });
  });
}

/** POST /api/progress <export document> -> replaces the learner's progress; 400 with the first problem, nothing changed, on bad files. */
export function POST(req: Request): Promise<Response> {
  return asUserWrite(req, async (userId) => Response.json({ imported: await importProgress(userId, await readJson(req, MAX_IMPORT_BYTES)) }));
}
