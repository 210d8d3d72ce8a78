'use client';

import Link from 'next/link';
import { useActionState, useId, useState } from 'react';
import type { StartState } from '@/app/(study)/exam/actions';
import { plural } from '@/components/ui/format';
import s from './exam.module.css';

/** The server action that starts an exam (app/(study)/exam/actions.ts startExamAction). */
export type StartExamAction = (prev: StartState, form: FormData) => Promise<StartState>;

export interface ExamFacts {
  questions: number;
  minutes: number;
  passPercent: number;
  domcPercent: number;
}

/**
 * One "start" button per exam option. The clock starts on the server the moment the exam is
 * created, so the first press only asks: it says what the exam is like, then "Start now" starts it.
 * With an exam in progress the server refuses and this asks: resume that exam, or abandon it (scored as
 * it stands) and start this one.
 */
export function StartExamForm({
  action,
  blueprintId,
  label,
  primary,
  facts,
}: {
  action: StartExamAction;
  blueprintId: string;
  label: string;
  primary?: boolean;
  facts: ExamFacts;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking)
    return (
      <div>
        <button type="button" className={primary ? 'btn btn--primary' : 'btn'} onClick={() => setAsking(true)}>
          {label}
        </button>
      </div>
    );
  return (
    <form action={formAction} className={s.confirm} aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} data-testid="exam-start-confirm">
      <input type="hidden" name="blueprintId" value={blueprintId} />
      <input type="hidden" name="size" value={facts.questions} />
      <h3 id={`${id}-t`} style={{ margin: '0 0 0.5rem' }}>
        Ready? The {facts.minutes}-minute clock starts now.
      </h3>
      <div id={`${id}-d`} className={s.cardText}>
        <p style={{ margin: '0 0 0.5rem' }}>
          {plural(facts.questions, 'question')} in {plural(facts.minutes, 'minute')}; pass mark {facts.passPercent}%.
        </p>
        <ul style={{ margin: '0 0 0.75rem', paddingLeft: '1.2rem' }}>
          {facts.domcPercent > 0 && (
            <li>
              About {facts.domcPercent}% are <strong>DOMC</strong> (Discrete Option Multiple Choice): options appear one at a time, you answer Yes or No to each
              (keys <kbd>Y</kbd> / <kbd>N</kbd>), and you cannot go back to an option.
            </li>
          )}
          <li>The timer keeps running if you leave or reload; you can resume from the dashboard.</li>
          <li>Flag questions to revisit (<kbd>F</kbd>); unanswered questions score zero.</li>
        </ul>
      </div>
      <div className={s.row}>
        <button type="submit" className="btn btn--primary" disabled={pending} autoFocus>
          {pending ? 'Preparing…' : 'Start now'}
        </button>
        <button type="button" className="btn" onClick={() => setAsking(false)} disabled={pending}>
          Not yet
        </button>
      </div>
      {state.openAttempt ? (
        <div className={s.error} role="alert">
          <p>
            You have an exam in progress: <strong>{state.openAttempt.title}</strong>. Resume it, or abandon it: it is then
            scored as it stands, and this exam starts.
          </p>
          <p>
            <Link className="btn btn--primary" href={`/exam/${encodeURIComponent(state.openAttempt.id)}`}>
              Resume that exam
            </Link>{' '}
            <button type="submit" name="abandon" value={state.openAttempt.id} className="btn" disabled={pending}>
              Abandon it and start this one
            </button>
          </p>
        </div>
      ) : (
        state.error && (
          <p className={s.error} role="alert">
            {state.error}
          </p>
        )
      )}
    </form>
  );
}
