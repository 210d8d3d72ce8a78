import { claimGuestSession } from '@/app/(auth)/actions';
import { clearGuestSession, readGuestSession } from './guest-session';

/** After sign-in/up: import this browser's guest answers into the account, then forget them. */
export async function claimGuestAnswers(): Promise<number> {
  const guest = readGuestSession();
  if (!guest || guest.answers.length === 0) return 0;
  try {
    const { imported } = await claimGuestSession(guest);
    clearGuestSession();
    return imported;
  } catch {
    return 0; // keep them for the next sign-in
  }
}
