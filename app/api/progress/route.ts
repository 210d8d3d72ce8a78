import { exportProgress, importProgress } from '@/server/import-export';
import { asUser, asUserWrite, readJson } from '../reviews/_http';

/**
 * Largest progress file accepted for import (issue 12: 50 MB let one upload stall everyone's reviews for
 * seconds). An export is ~0.7 KB per review: 8 MB holds about 11,000 reviews plus the cards.
 */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

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
