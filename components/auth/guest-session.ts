import { z } from 'zod';

/**
 * A guest's answers, kept in the browser (localStorage) until they sign up or sign in; then
 * `claimGuestSession` (app/(auth)/actions.ts) imports them into their account. Study pages call
 * {@link recordGuestAnswer} when nobody is signed in. Browser-only: every function is a no-op on the server.
 */

export const GUEST_STORAGE_KEY = 'netprep:guest-session';
/** Most answers kept (and imported) per guest session. */
export const GUEST_MAX_ANSWERS = 500;

export const guestAnswerSchema = z
  .object({
    /** Question id from the bank. */
    questionId: z.string().min(1).max(300),
    /** Self-graded flashcard answer (1 again, 2 hard, 3 good, 4 easy)... */
    rating: z.number().int().min(1).max(4).optional(),
    /** ...or a machine-judged one (quiz, command task, exam item). */
    outcome: z.object({ correct: z.boolean() }).strict().optional(),
    /** Time spent on the answer. */
    durationMs: z.number().int().min(0).max(24 * 3_600_000),
    /** Where it was answered (the store's review sources). */
    source: z.enum(['flashcard', 'quiz', 'command', 'exam']),
    /** ISO time of the answer. */
    answeredAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((v) => (v.rating === undefined) !== (v.outcome === undefined), { message: 'give exactly one of rating or outcome' });
export type GuestAnswer = z.infer<typeof guestAnswerSchema>;

export const guestSessionSchema = z.object({
  guestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  answers: z.array(guestAnswerSchema).max(GUEST_MAX_ANSWERS),
});
export type GuestSession = z.infer<typeof guestSessionSchema>;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The guest session stored in this browser, or null (none, or unreadable). */
export function readGuestSession(): GuestSession | null {
  const raw = storage()?.getItem(GUEST_STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = guestSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Append one answer to this browser's guest session (created on first use). */
export function recordGuestAnswer(answer: GuestAnswer): void {
  const s = storage();
  if (!s) return;
  const current = readGuestSession() ?? { guestId: crypto.randomUUID(), answers: [] };
  const answers = [...current.answers, answer].slice(-GUEST_MAX_ANSWERS);
  s.setItem(GUEST_STORAGE_KEY, JSON.stringify({ guestId: current.guestId, answers }));
}

/** Forget the guest session (after it was imported). */
export function clearGuestSession(): void {
  storage()?.removeItem(GUEST_STORAGE_KEY);
}
