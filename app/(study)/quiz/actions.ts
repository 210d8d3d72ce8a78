'use server';
import { getCurrentUser } from '@/server/session';
import { StoreError } from '@/lib/srs';
import { recordQuizAnswerFor } from '@/server/quiz';
import { saveQuizResult } from '@/server/quiz-results';

/** Feed one quiz or command answer to the signed-in learner's scheduler. */
export async function recordQuizAnswer(input: unknown): Promise<{ ok: boolean; message?: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to save quiz answers to your schedule.' };
  return recordQuizAnswerFor(user.id, input);
}

/** Keep a finished quiz in the signed-in learner's history. */
export async function saveQuizResultAction(input: unknown): Promise<{ ok: boolean; message?: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to keep your quiz results.' };
  try {
    await saveQuizResult(user.id, input);
    return { ok: true };
  } catch (e) {
    if (e instanceof StoreError) return { ok: false, message: e.message };
    throw e;
  }
}
