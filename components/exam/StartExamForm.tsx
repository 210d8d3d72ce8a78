'use client';

import { useActionState } from 'react';
import s from './exam.module.css';

type StartState = { error?: string };

/** One "start" button per exam option; errors (for example a bank too small) show beside it. */
export function StartExamForm({
  action,
  blueprintId,
  size,
  label,
  primary,
}: {
  action: (prev: StartState, form: FormData) => Promise<StartState>;
  blueprintId: string;
  size: number;
  label: string;
  primary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="blueprintId" value={blueprintId} />
      <input type="hidden" name="size" value={size} />
      <button type="submit" className={primary ? 'btn btn--primary' : 'btn'} disabled={pending}>
        {pending ? 'Preparing…' : label}
      </button>
      {state.error && (
        <p className={s.error} role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
