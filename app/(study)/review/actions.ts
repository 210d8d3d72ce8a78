'use server';
import { storeFault } from '@/server/db';
import { getCurrentUser } from '@/server/session';
import { submitReview, undoLastReview } from '@/server/reviews';
import { redirect } from 'next/navigation';
import { dayKey } from '@/lib/srs';
import { holdCard, releaseCard, ReleaseInputSchema } from '@/server/holds';
import { getBank } from '@/server/banks';
import { hiddenExamQuestionIds } from '@/server/exam-guard';
import { getSettings, updateSettings } from '@/server/settings';
import { requeuedCard, sessionStatus, type SessionStatus } from '@/server/web/review';
import type { GradeResult, UndoResult } from '@/server/web/types';
import { DeckParamSchema, GradeCardSchema } from './schema';

/** Save one flashcard grade (idempotent by clientReviewId) and say whether the card comes back this session. */
export async function gradeCard(input: unknown): Promise<GradeResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Your session ended. Sign in again to save your reviews.' };
  const parsed = GradeCardSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That grade could not be read. Reload the page and try again.' };
  const { cardId, grade, clientReviewId, durationMs } = parsed.data;
  try {
    const result = await submitReview(user.id, { clientReviewId, questionId: cardId, rating: grade, durationMs, source: 'flashcard' });
    const requeue = await requeuedCard(user.id, result.questionId, result.card.due);
    // No revalidatePath: it would re-render this whole page into every grade's response, and
    // the dashboard and stats are dynamic anyway.
    return { ok: true, requeue };
  } catch (err) {
    // A full disk or a locked database: the browser keeps the grade and sends it again (same id).
    const fault = storeFault(err);
    if (fault) return { ok: false, message: fault, retry: true };
    return { ok: false, message: messageOf(err, 'The review could not be saved. Try again.') };
  }
}

/** Undo the learner's latest grade. */
export async function undoGrade(): Promise<UndoResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Your session ended. Sign in again.' };
  try {
    const undone = await undoLastReview(user.id);
    if (!undone) return { ok: false, message: 'There is nothing to undo.' };
    return { ok: true };
  } catch (err) {
    return { ok: false, message: messageOf(err, 'The undo failed. Try again.') };
  }
}

/** Typed store errors carry a learner-facing message; anything else gets the fallback. */
function messageOf(err: unknown, fallback: string): string {
  const e = err as { kind?: string; message?: string };
  if (e && typeof e.kind === 'string' && e.kind !== 'unavailable' && e.message) return e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.';
  console.error(err);
  return fallback;
}

/** Suspend a card or bury it until tomorrow. */
export async function holdCardAction(input: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to suspend or bury cards.' };
  try {
    await holdCard(user.id, input);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: messageOf(err, 'The card could not be put aside. Try again.') };
  }
}

/** Take a suspended or buried card back into the queue. */
export async function releaseCardAction(input: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to unsuspend cards.' };
  const parsed = ReleaseInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That card could not be read. Reload the page and try again.' };
  try {
    await releaseCard(user.id, parsed.data.questionId);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: messageOf(err, 'The card could not be put back. Try again.') };
  }
}

/** The end of a session: cards due now (to resume with) and learning cards coming back later today. */
export async function sessionStatusAction(decks: unknown): Promise<SessionStatus | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  return sessionStatus(user.id, DeckParamSchema.parse(decks), new Date(), await hiddenExamQuestionIds(getBank()));
}

/** Custom study: allow `extra` more new cards today. */
export async function studyMoreAction(_prev: { message?: string }, form: FormData): Promise<{ message?: string; ok?: boolean }> {
  const user = await getCurrentUser();
  if (!user) return { message: 'Sign in to study more.' };
  const extra = Number(form.get('extra'));
  if (!Number.isInteger(extra) || extra < 1 || extra > 500) return { message: 'Extra new cards: enter a whole number from 1 to 500.' };
  const settings = await getSettings(user.id);
  const today = dayKey(new Date(), settings.timezone);
  const already = settings.extraNewDay === today ? settings.extraNewToday : 0;
  await updateSettings(user.id, { extraNewToday: already + extra, extraNewDay: today });
  redirect('/review');
}
