'use server';
import { StoreError } from '@/lib/srs';
import { getCurrentUser } from '@/server/session';
import { reportProblem } from '@/server/reports';
import type { ReportResult } from '@/components/report/ReportProblem';

/** Store a "report a problem" from a flashcard, a quiz or an exam review (guests too). */
export async function reportProblemAction(input: unknown): Promise<ReportResult> {
  const user = await getCurrentUser();
  try {
    await reportProblem(user?.id ?? null, input);
    return { ok: true };
  } catch (err) {
    if (err instanceof StoreError) {
      const field = err.fields && Object.entries(err.fields)[0];
      return { ok: false, message: field ? `The ${field[0] === 'text' ? 'report' : field[0]} ${field[1][0]}.` : err.message };
    }
    throw err;
  }
}
