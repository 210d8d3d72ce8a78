'use client';
import { useActionState } from 'react';
import { plural } from '@/components/ui/format';

export type OptimiseState =
  | { status: 'idle' }
  | { status: 'done'; message: string; achieved: number | null; reviews: number }
  | { status: 'error'; message: string };

/** Runs the store's FSRS optimiser on the learner's history and reports the outcome. */
export function OptimiseButton({ action, disabled }: { action: (s: OptimiseState) => Promise<OptimiseState>; disabled?: boolean }) {
  const [state, run, pending] = useActionState(action, { status: 'idle' } as OptimiseState);
  return (
    <form action={run} className="stack stack-sm">
      <div>
        <button type="submit" className="btn" disabled={disabled || pending}>{pending ? 'Optimising…' : 'Optimise my schedule'}</button>
      </div>
      <div role="status" aria-live="polite" className="small">
        {state.status === 'done' && (
          <div className="alert alert--success">
            {state.message}
            {state.achieved !== null && (
              <> Retention actually achieved: <strong className="num">{Math.round(state.achieved * 100)}%</strong> over {plural(state.reviews, 'review')}.</>
            )}
          </div>
        )}
        {state.status === 'error' && <div className="alert alert--danger">{state.message}</div>}
      </div>
    </form>
  );
}
