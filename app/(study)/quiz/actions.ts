'use server';
import { getCurrentUser } from '@/server/session';
import { recordQuizAnswerFor } from '@/server/quiz';

/** Feed one quiz or command answer to the signed-in learner's scheduler. */
export async function recordQuizAnswer(input: unknown): Promise<{ ok: boolean; message?: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to save quiz answers to your schedule.' };
  return recordQuizAnswerFor(user.id, input);
}
