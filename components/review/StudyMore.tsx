'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { studyMoreAction } from '@/app/(study)/review/actions';

/** Custom study, as in Anki: extra new cards today, one deck, or the failed cards only. */
export function StudyMore({ decks }: { decks: { id: string; title: string; count: number }[] }) {
  const [state, action, pending] = useActionState(studyMoreAction, {});
  return (
    <details className="card" data-testid="study-more">
      <summary style={{ cursor: 'pointer', fontWeight: 650 }}>Study more (custom study)</summary>
      <div className="stack" style={{ marginTop: '0.75rem' }}>
        <form action={action} className="cluster cluster-sm" style={{ alignItems: 'flex-end' }}>
          <label className="stack stack-sm small" htmlFor="extra-new">
            <span>
              <strong>Extra new cards today</strong> (on top of your daily limit)
            </span>
            <input id="extra-new" name="extra" type="number" min={1} max={500} defaultValue={10} className="input" style={{ width: '7rem' }} aria-invalid={state.message ? true : undefined} aria-describedby={state.message ? 'extra-new-error' : undefined} />
          </label>
          <button type="submit" className="btn btn--sm" disabled={pending}>
            Add and study
          </button>
          {state.message && (
            <p id="extra-new-error" className="small" role="alert" style={{ color: 'var(--danger)', margin: 0, flexBasis: '100%' }}>
              {state.message}
            </p>
          )}
        </form>
        <div className="stack stack-sm small">
          <strong>One deck only</strong>
          <ul className="cluster cluster-sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {decks.map((d) => (
              <li key={d.id}>
                <Link className="btn btn--ghost btn--sm" href={`/review?deck=${encodeURIComponent(d.id)}`}>
                  {d.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <p className="small" style={{ margin: 0 }}>
          <Link href="/review?failed=1">Failed cards only</Link>: the cards you rated Again in the last day, due or not.
        </p>
      </div>
    </details>
  );
}
