'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui';
import { signUpAction } from '@/app/(auth)/actions';
import { PASSWORD_RULE, safeCallbackUrl, type FormState } from '@/lib/auth/schema';
import { claimGuestAnswers } from './claim';
import { Field } from './field';

/** Sign-up: the server action validates and creates the account, then the browser signs in and keeps the guest's answers. */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(async (prev: FormState, formData: FormData): Promise<FormState> => {
    const result = await signUpAction(prev, formData);
    if (!result.ok) return result;
    const res = await signIn('credentials', { email: formData.get('email'), password: formData.get('password'), redirect: false });
    if (!res?.ok || res.error) return { message: 'Your account was created, but signing in failed. Try signing in.', values: result.values };
    await claimGuestAnswers();
    window.location.assign(safeCallbackUrl(callbackUrl));
    return result;
  }, {});

  return (
    <form action={action} className="auth-form" noValidate>
      {state.message ? (
        <p className="auth-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field label="Name (optional)" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint={PASSWORD_RULE} errors={state.fieldErrors?.password} />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      <button type="submit" className={buttonClass({ variant: 'primary' })} disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
      <p>
        Already have an account? <Link href={`/signin${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}>Sign in</Link>
      </p>
    </form>
  );
}
