'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { guestSessionSchema } from '@/components/auth/guest-session';
import { unauthorized } from 'next/navigation';
import { getCurrentUser } from '@/server/session';
import { passwordWeakness } from '@/server/password-strength';
import { clientIp } from '@/server/throttle';
import { createUser, importGuestAnswers, UserError } from '@/server/users';
import { signUpSchema, type FormState } from '@/lib/auth/schema';

/** Sign-up form action: validate, create the user. The form then signs in through next-auth. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { name: String(formData.get('name') ?? ''), email: String(formData.get('email') ?? '') };
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get('password'), confirm: formData.get('confirm') });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const weak = passwordWeakness(parsed.data.password, [parsed.data.email, parsed.data.name]);
  if (weak) return { fieldErrors: { password: [weak] }, values };
  try {
    await createUser(parsed.data, undefined, { ip: clientIp(await headers()), now: new Date() });
  } catch (err) {
    if (err instanceof UserError) return err.field ? { fieldErrors: { [err.field]: [err.message] }, values } : { message: err.message, values };
    throw err;
  }
  return { ok: true, values };
}

/**
 * Import the answers a guest gave in this browser before signing up/in into the signed-in account.
 * The user comes from the session; the payload only carries answers. Returns how many were imported.
 */
export async function claimGuestSession(payload: unknown): Promise<{ imported: number }> {
  const user = await getCurrentUser();
  if (!user) unauthorized(); // 401, not a 500: a guest has no account to import into
  const parsed = guestSessionSchema.safeParse(payload);
  if (!parsed.success) return { imported: 0 };
  return importGuestAnswers(user.id, parsed.data, new Date());
}
