'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { changePasswordSchema, deleteAccountSchema, type FormState } from '@/lib/auth/schema';
import { clearSession, refreshSessionAfterPasswordChange, requireUser, revokeSessions } from '@/server/session';
import { passwordWeakness } from '@/server/password-strength';
import { changePassword, deleteUser, UserError } from '@/server/users';

function fromUserError(err: unknown): FormState {
  // A message that belongs to a field is shown next to it only.
  if (err instanceof UserError) return err.field ? { fieldErrors: { [err.field]: [err.message] } } : { message: err.message };
  throw err;
}

/** Change the signed-in user's password (the current one must be given). */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordSchema.safeParse({
    current: formData.get('current'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const weak = passwordWeakness(parsed.data.password, [user.email, user.name]);
  if (weak) return { fieldErrors: { password: [weak] } };
  try {
    await changePassword(user.id, parsed.data);
  } catch (err) {
    return fromUserError(err);
  }
  // Sessions on other devices are now revoked; keep this one.
  await refreshSessionAfterPasswordChange(user.id);
  return { ok: true, message: 'Your password was changed.' };
}

/** Delete the signed-in user and everything of theirs, after they typed their email; then sign out. */
export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = deleteAccountSchema.safeParse({ confirmEmail: formData.get('confirmEmail') });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await deleteUser(user.id, parsed.data.confirmEmail);
  } catch (err) {
    return fromUserError(err);
  }
  await clearSession();
  redirect('/?account=deleted');
}

/** Sign out everywhere: every session of this user (other browsers, copied cookies, this one) stops working. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await revokeSessions(user.id);
  await clearSession();
  redirect('/signin?signedOut=everywhere');
}
