import 'server-only';
import { cookies } from 'next/headers';
import type { Bank } from '@/server/banks';
import { db } from '@/server/db';
import { GUEST_COOKIE, openAttemptQuestionIds } from '@/server/exams';
import { getCurrentUser } from '@/server/session';

/**
 * Exam integrity on the study pages (issue 12): the question ids (and sibling variants) of the
 * caller's open exam attempt, which quiz, review and deck pages hide until it is submitted or expires.
 * The caller is the signed-in user, else the guest whose exam cookie names an attempt.
 */
export async function hiddenExamQuestionIds(bank: Bank, now: Date = new Date()): Promise<Set<string>> {
  const user = await getCurrentUser();
  if (user) return openAttemptQuestionIds(db, { userId: user.id }, bank, now);
  const key = (await cookies()).get(GUEST_COOKIE)?.value;
  return key ? openAttemptQuestionIds(db, { guestKey: key }, bank, now) : new Set();
}

/** The sentence study pages show when they hide questions of an exam in progress. */
export function hiddenForExamMessage(count: number): string {
  return `${count} question${count === 1 ? ' is' : 's are'} hidden while your exam is in progress. Submit it (or let it time out) to study ${count === 1 ? 'it' : 'them'} again.`;
}
