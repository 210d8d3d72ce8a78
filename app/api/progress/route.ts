import { exportProgress, importProgress } from '@/server/import-export';
import { asUser, asUserWrite, readJson } from '../reviews/_http';

/** Largest progress file accepted for import. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

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
