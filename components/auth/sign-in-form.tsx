'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui';
import { z } from 'zod';
import { safeCallbackUrl, signInSchema, type FormState } from '@/lib/auth/schema';
import { claimGuestAnswers } from './claim';
import { Field } from './field';

/** Email + password sign-in through next-auth's credentials callback, then back to where the user was. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const [state, action, pending] = useActionState(async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const values = { email: String(formData.get('email') ?? '') };
    const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
    const res = await signIn('credentials', { ...parsed.data, redirect: false });
    if (!res || res.error || !res.ok) return { message: res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Email or password is incorrect.', values };
    await claimGuestAnswers();
    window.location.assign(safeCallbackUrl(callbackUrl));
    return { ok: true, values };
  }, { message: initialError });

  return (
    <form action={action} className="auth-form" noValidate>
      {state.message ? (
        <p className="auth-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <button type="submit" className={buttonClass({ variant: 'primary' })} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        New here? <Link href={`/signup${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''}`}>Create an account</Link>
      </p>
    </form>
  );
}

/** One button per configured OAuth/OIDC provider (navigates with window.location, so CSP form-action is not involved). */
export function ProviderButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl?: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="auth-providers">
      {providers.map((p) => (
        <button key={p.id} type="button" className={buttonClass({})} onClick={() => void signIn(p.id, { callbackUrl: safeCallbackUrl(callbackUrl) })}>
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
