import 'server-only';
import { cookies } from 'next/headers';
import { secureCookies } from '@/auth.config';
import { db } from '@/server/db';
import { getBank } from '@/server/banks';
import { getCurrentUser } from '@/server/session';
import { GUEST_ATTEMPT_TTL_MS, GUEST_COOKIE, guestRepo, userRepo, type ExamContext } from '@/server/exams';

/**
 * The exam context of the current request: the signed-in learner's attempts, or the guest's
 * (server-side, under the random key the guest cookie holds). The user comes from the session only.
 */
export async function examContext(): Promise<ExamContext & { persist(): Promise<void> }> {
  const user = await getCurrentUser();
  const bank = getBank();
  const now = new Date();
  if (user) return { repo: userRepo(db, user.id), bank, now, persist: async () => {} };
  const jar = await cookies();
  const previous = jar.get(GUEST_COOKIE)?.value;
  const repo = guestRepo(db, previous, now);
  return {
    repo,
    bank,
    now,
    async persist() {
      const key = repo.key();
      if (key && key !== previous)
        jar.set(GUEST_COOKIE, key, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies(),
          // Site-wide: quiz, review and deck pages hide the questions of the guest's open attempt too.
          path: '/',
          maxAge: GUEST_ATTEMPT_TTL_MS / 1000,
        });
    },
  };
}
