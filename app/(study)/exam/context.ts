import 'server-only';
import { cookies } from 'next/headers';
import { authSecret, secureCookies } from '@/auth.config';
import { db } from '@/server/db';
import { getBank } from '@/server/banks';
import { getCurrentUser } from '@/server/session';
import { GUEST_COOKIE, guestRepo, userRepo, type ExamContext } from '@/server/exams';

/**
 * The exam context of the current request: the signed-in learner's attempts, or the
 * guest's sealed cookie. The user comes from the session only.
 */
export async function examContext(): Promise<ExamContext & { persist(): Promise<void> }> {
  const user = await getCurrentUser();
  const bank = getBank();
  const now = new Date();
  if (user) return { repo: userRepo(db, user.id), bank, now, persist: async () => {} };
  const jar = await cookies();
  const repo = guestRepo(jar.get(GUEST_COOKIE)?.value, authSecret()) // the session secret: stable across restarts;
  return {
    repo,
    bank,
    now,
    async persist() {
      const sealed = repo.sealed();
      if (sealed)
        jar.set(GUEST_COOKIE, sealed, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies(),
          path: '/exam',
          maxAge: 60 * 60 * 24,
        });
    },
  };
}
