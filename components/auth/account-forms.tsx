'use client';

import { useActionState } from 'react';
import { buttonClass } from '@/components/ui';
import { changePasswordAction, deleteAccountAction } from '@/app/account/actions';
import { PASSWORD_RULE, type FormState } from '@/lib/auth/schema';
import { Field } from './field';

/** Change-password and delete-account forms of the account page. */
export function AccountForms({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const [pw, changePw, pwPending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const [del, deleteAccount, delPending] = useActionState<FormState, FormData>(deleteAccountAction, {});
  return (
    <>
      {hasPassword ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <form action={changePw} className="auth-form" noValidate key={pw.ok ? 'done' : 'form'}>
            {pw.message ? (
              <p className={pw.ok ? 'auth-ok' : 'auth-error'} role={pw.ok ? 'status' : 'alert'}>
                {pw.message}
              </p>
            ) : null}
            <Field label="Current password" name="current" type="password" autoComplete="current-password" required errors={pw.fieldErrors?.current} />
            <Field label="New password" name="password" type="password" autoComplete="new-password" required hint={PASSWORD_RULE} errors={pw.fieldErrors?.password} />
            <Field label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required errors={pw.fieldErrors?.confirm} />
            <button type="submit" className={buttonClass({ variant: 'primary' })} disabled={pwPending}>
              {pwPending ? 'Changing…' : 'Change password'}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete your account</h2>
        <p>
          This deletes your account and everything of yours — schedule, reviews, quiz and exam history, settings — at once
          and for good. Export your data first if you want to keep it.
        </p>
        <form action={deleteAccount} className="auth-form" noValidate>
          {del.message ? (
            <p className="auth-error" role="alert">
              {del.message}
            </p>
          ) : null}
          <Field
            label={email ? `Type your email (${email}) to confirm` : 'Type "delete" to confirm'}
            name="confirmEmail"
            autoComplete="off"
            required
            errors={del.fieldErrors?.confirmEmail}
          />
          <button type="submit" className={buttonClass({ variant: 'danger' })} disabled={delPending}>
            {delPending ? 'Deleting…' : 'Delete my account and all my data'}
          </button>
        </form>
      </section>
    </>
  );
}
