'use server';
import { getCurrentUser } from '@/server/session';
import { markLabDone } from '@/server/lab-progress';

/** Record lab scenarios as solved for the signed-in learner (a solved Check, or ticks a guest left in this browser). */
export async function markLabDoneAction(ids: unknown): Promise<{ ok: true; added: number } | { ok: false; message: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to keep your solved scenarios in your account.' };
  try {
    return { ok: true, added: await markLabDone(user.id, ids) };
  } catch {
    return { ok: false, message: 'Your solved scenarios could not be saved. They stay ticked in this browser.' };
  }
}
