'use client';
import { sendOnce } from './pending-reviews';
import { pendingLabel, usePendingReviews } from './use-pending-reviews';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { GRADES, type Grade, type GradeInput, type GradeResult, type ReviewCardView, type UndoResult } from './types';
import type { SessionStatus } from '@/server/web/review';
import { recordGuestAnswer } from '@/components/auth/guest-session';
import { ReportProblem, type ReportAction } from '@/components/report/ReportProblem';
import { Flashcard } from './Flashcard';
import { SessionEnd, type DoneStep } from './SessionEnd';
import styles from './review.module.css';

interface Props {
  cards: ReviewCardView[];
  /** Server actions; absent for guests (nothing is saved). */
  grade?: (input: GradeInput) => Promise<GradeResult>;
  undo?: (input: { clientReviewId: string }) => Promise<UndoResult>;
  /** Rendered when the queue is empty (server-made "done for today" panel). */
  done: React.ReactNode;
  /** Signed in: suspend / bury a card. */
  hold?: (input: { questionId: string; kind: 'suspended' | 'buried' }) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Signed in: put a suspended or buried card back (the notice's Unsuspend / Unbury button). */
  release?: (input: { questionId: string }) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Signed in: what is due now and later today (end of session). */
  status?: () => Promise<SessionStatus | null>;
  report?: ReportAction;
  /** Choice questions: pick the options (default) or recall first. */
  choiceMode?: 'pick' | 'reveal';
}

interface Step {
  card: ReviewCardView;
  clientReviewId: string;
  /** The card came back at the end of the queue (learning step); undo removes it again. */
  requeued: ReviewCardView | null;
  grade: Grade;
  durationMs: number;
}

/** Anki's three counts: new, learning (incl. relearning), review. */
function countsOf(queue: ReviewCardView[]) {
  let fresh = 0;
  let learning = 0;
  let review = 0;
  for (const c of queue) {
    const st = c.state.toLowerCase();
    if (st === 'new') fresh++;
    else if (st === 'review') review++;
    else learning++;
  }
  return { fresh, learning, review };
}

const noopSubscribe = () => () => undefined;

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

const OFFLINE = 'Could not reach the server. Your grade was not saved; the card is back in front of you.';

/**
 * The flashcard loop: reveal (space), grade (1-4), undo (u). Grading is optimistic: the next
 * card shows at once while the grade is saved in the background, in order, with one retry
 * under the same client review id (the store applies it once). A card that falls due again
 * within the session (a learning step) is appended when the server says so.
 */
export function ReviewSession({ cards, grade, undo, done, hold, release, status, report, choiceMode = 'pick' }: Props) {
  const [queue, setQueue] = useState(cards);
  const [history, setHistory] = useState<Step[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const pending = usePendingReviews(grade);
  const pendingText = pendingLabel(pending.status);
  const [notice, setNotice] = useState<string | null>(null);
  /** The card just put aside, while its notice shows: the notice offers to take it back. */
  const [aside, setAside] = useState<{ card: ReviewCardView; kind: 'suspended' | 'buried' } | null>(null);
  // True once hydrated (the keyboard handler is live); the server render says false.
  const ready = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const shownAt = useRef(0);
  /** Saves run one after another so the store sees grades and undos in the learner's order. */
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const current = queue[0];
  const counts = countsOf(queue);

  useEffect(() => {
    shownAt.current = performance.now();
  }, [current]);

  const enqueue = useCallback(<T,>(job: () => Promise<T>): Promise<T> => {
    setSaving((n) => n + 1);
    const run = chain.current.then(job, job);
    chain.current = run.catch(() => undefined).finally(() => setSaving((n) => n - 1));
    return run;
  }, []);

  const reveal = useCallback(() => {
    if (current && !revealed) setRevealed(true);
  }, [current, revealed]);

  const submit = useCallback(
    (g: Grade) => {
      if (!current || !revealed) return;
      const durationMs = Math.min(24 * 3_600_000, Math.round(performance.now() - shownAt.current));
      const step: Step = { card: current, clientReviewId: newId(), requeued: null, grade: g, durationMs };
      const input: GradeInput = { cardId: current.cardId, grade: g, clientReviewId: step.clientReviewId, durationMs };
      setError(null);
      setNotice(null);
      setAside(null);
      setHistory((h) => [...h, step]);
      setQueue((q) => q.slice(1));
      setRevealed(false);
      if (!grade) {
        // Guests: kept in this browser and imported into the account they create.
        recordGuestAnswer({ questionId: current.questionId, rating: g, durationMs, source: 'flashcard', answeredAt: new Date().toISOString() });
        // Guests: "Again" brings the card back at the end, as the scheduler would.
        if (g === 1) {
          step.requeued = current;
          setQueue((q) => [...q, current]);
        }
        return;
      }
      void enqueue(async () => {
        // Kept in the browser until the server acknowledges it (pending-reviews.ts): retried with the same id.
        const outcome = pending.queue ? await pending.queue.add(input) : await sendOnce(grade, input);
        const res: GradeResult =
          outcome.kind === 'saved' ? outcome.result : { ok: false, message: outcome.kind === 'refused' ? outcome.message : OFFLINE };
        if (!res.ok) {
          // Put the card back in front and forget the step.
          setError(res.message);
          setHistory((h) => h.filter((s) => s !== step));
          setQueue((q) => [step.card, ...q]);
          setRevealed(false);
          return;
        }
        if (res.requeue) {
          step.requeued = res.requeue;
          setQueue((q) => [...q, res.requeue!]);
        }
      });
    },
    [current, revealed, grade, enqueue, pending.queue],
  );

  const undoLast = useCallback(() => {
    const last = history.at(-1);
    if (!last) return;
    setError(null);
    setHistory((h) => h.slice(0, -1));
    setQueue((q) => [last.card, ...(last.requeued ? q.filter((c) => c !== last.requeued) : q)]);
    setRevealed(true);
    if (!undo) return;
    void enqueue(async () => {
      // The grade may still be saving: the chain runs this after it, and a requeue that
      // arrives meanwhile is dropped here.
      if (last.requeued) setQueue((q) => q.filter((c) => c !== last.requeued));
      const res = await undo({ clientReviewId: last.clientReviewId }).catch((): UndoResult => ({ ok: false, message: 'Could not reach the server to undo.' }));
      if (!res.ok) setError(res.message);
    });
  }, [history, undo, enqueue]);

  const putAside = useCallback(
    (kind: 'suspended' | 'buried') => {
      if (!current || !hold) return;
      const card = current;
      setError(null);
      setQueue((q) => q.filter((c) => c.questionId !== card.questionId));
      setRevealed(false);
      setNotice(kind === 'buried' ? 'Buried until tomorrow.' : 'Suspended: it stays out of your reviews until you unsuspend it (here, or in Settings).');
      setAside({ card, kind });
      void enqueue(async () => {
        const res = await hold({ questionId: card.questionId, kind }).catch(() => ({ ok: false as const, message: 'Could not reach the server.' }));
        if (!res.ok) {
          setError(res.message);
          setQueue((q) => [card, ...q]);
        }
      });
    },
    [current, hold, enqueue],
  );

  const takeBack = useCallback(() => {
    if (!aside || !release) return;
    const { card } = aside;
    setAside(null);
    setNotice(null);
    setError(null);
    setQueue((q) => [card, ...q.filter((c) => c.questionId !== card.questionId)]);
    setRevealed(false);
    void enqueue(async () => {
      const res = await release({ questionId: card.questionId }).catch(() => ({ ok: false as const, message: 'Could not reach the server.' }));
      if (!res.ok) {
        setError(res.message);
        setQueue((q) => q.filter((c) => c !== card));
      }
    });
  }, [aside, release, enqueue]);

  const resume = useCallback((more: ReviewCardView[]) => {
    setQueue((q) => (q.length ? q : more));
    setRevealed(false);
  }, []);

  // One window listener that always calls the latest handler (no stale closure between a
  // render and its effects, when a fast key press would otherwise hit the old state).
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useLayoutEffect(() => {
    onKey.current = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (e.key === ' ' || e.key === 'Enter') {
        // Space/Enter on a focused button or link keeps its native meaning.
        if (t && (t.tagName === 'BUTTON' || t.tagName === 'A')) return;
        if (current && !revealed) {
          e.preventDefault();
          reveal();
        }
      } else if (e.key === 'u' || e.key === 'U') {
        e.preventDefault();
        undoLast();
      } else if (hold && (e.key === 'b' || e.key === 'B' || e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        putAside(e.key.toLowerCase() === 'b' ? 'buried' : 'suspended');
      } else {
        const g = GRADES.find((x) => x.key === e.key);
        if (g && revealed) {
          e.preventDefault();
          submit(g.grade);
        }
      }
    };
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const steps: DoneStep[] = history.map((h) => ({ deckTitle: h.card.deckTitle, grade: h.grade, durationMs: h.durationMs }));

  return (
    <div className={styles.session} data-ready={ready || undefined} data-saving={saving > 0 || undefined} data-testid="review-session">
      <div className={styles.toolbar}>
        <p className={styles.counts} data-testid="review-counts" aria-label={`${counts.fresh} new, ${counts.learning} learning, ${counts.review} to review`}>
          <span className={styles.countNew} title="New">
            <span className="num" data-testid="count-new">{counts.fresh}</span> new
          </span>
          <span className={styles.countLearn} title="Learning">
            <span className="num" data-testid="count-learning">{counts.learning}</span> learning
          </span>
          <span className={styles.countReview} title="Review">
            <span className="num" data-testid="count-review">{counts.review}</span> review
          </span>
          <span className="small muted" data-testid="review-progress">
            · {history.length} done
          </span>
        </p>
        <button type="button" className="btn btn--ghost btn--sm" onClick={undoLast} disabled={history.length === 0} aria-keyshortcuts="u">
          Undo <kbd>U</kbd>
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {current ? `${counts.fresh} new, ${counts.learning} learning, ${counts.review} review${revealed ? ', answer shown' : ''}` : 'Session complete'}
      </p>
      {pendingText && (
        <p className="small muted" role="status" data-testid="pending-reviews">
          {pendingText}
        </p>
      )}
      {error && <div className="alert alert--danger" role="alert">{error}</div>}
      {notice && !error && (
        <div className="alert alert--info" role="status" data-testid="review-notice">
          {notice}
          {aside && release && (
            <>
              {' '}
              <button type="button" className="btn btn--ghost btn--sm" onClick={takeBack} data-testid="take-back">
                {aside.kind === 'suspended' ? 'Unsuspend' : 'Unbury'}
              </button>
            </>
          )}
        </div>
      )}
      {current ? (
        <Flashcard key={current.cardId + ':' + history.length} card={{ ...current, choiceMode }} revealed={revealed} pending={false} onReveal={reveal} onGrade={submit} />
      ) : saving > 0 ? (
        <div className="card center muted" role="status">Saving your last grades…</div>
      ) : status ? (
        <>
          <SessionEnd steps={steps} load={status} onResume={resume} />
          {done}
        </>
      ) : (
        done
      )}
      {current && (
        <div className="cluster cluster-sm" data-testid="card-actions">
          {hold && (
            <>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => putAside('buried')} aria-keyshortcuts="B">
                Bury until tomorrow <kbd>B</kbd>
              </button>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => putAside('suspended')} aria-keyshortcuts="S">
                Suspend <kbd>S</kbd>
              </button>
            </>
          )}
          {report && <ReportProblem key={current.questionId} questionId={current.questionId} source="flashcard" action={report} />}
        </div>
      )}
      {current && (
        <p className={`small faint center ${styles.keys}`}>
          <kbd>Space</kbd> show answer, then <kbd>Space</kbd> or <kbd>Enter</kbd> takes the focused grade · <kbd>1</kbd> again · <kbd>2</kbd> hard · <kbd>3</kbd> good · <kbd>4</kbd> easy · <kbd>U</kbd> undo
          {hold && <> · <kbd>B</kbd> bury · <kbd>S</kbd> suspend</>}
        </p>
      )}
    </div>
  );
}
