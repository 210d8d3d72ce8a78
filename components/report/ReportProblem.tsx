'use client';
import { useId, useState, useTransition } from 'react';

export type ReportSource = 'flashcard' | 'quiz' | 'exam';
export type ReportResult = { ok: true } | { ok: false; message: string };
export type ReportAction = (input: { questionId: string; source: ReportSource; text: string }) => Promise<ReportResult>;

/**
 * "Report a problem" on one question: a disclosure with a short form. The report goes to the
 * authors with the question id and the bank version (server/reports.ts).
 */
export function ReportProblem({ questionId, source, action }: { questionId: string; source: ReportSource; action: ReportAction }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, start] = useTransition();
  const id = useId();

  if (sent) return <p className="small muted" role="status" data-testid="report-sent">Thanks: your report was sent to the authors.</p>;
  if (!open)
    return (
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(true)} data-testid="report-open">
        Report a problem
      </button>
    );
  const send = () =>
    start(async () => {
      const r = await action({ questionId, source, text }).catch((): ReportResult => ({ ok: false, message: 'Could not reach the server. Try again.' }));
      if (r.ok) setSent(true);
      else setError(r.message);
    });
  return (
    <form
      className="stack stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="report-form"
    >
      <label htmlFor={`${id}-text`} className="small">
        <strong>What is wrong with this question?</strong> (a wrong key, a typo, an unclear prompt…)
      </label>
      <textarea
        id={`${id}-text`}
        className="input"
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoFocus
      />
      {error && (
        <p id={`${id}-error`} className="small" style={{ color: 'var(--danger)', margin: 0 }} role="alert">
          {error}
        </p>
      )}
      <div className="cluster cluster-sm">
        <button type="submit" className="btn btn--primary btn--sm" disabled={pending}>
          {pending ? 'Sending…' : 'Send report'}
        </button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
