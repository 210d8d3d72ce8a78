'use client';
import { useEffect, useLayoutEffect, useRef, useState, useTransition } from 'react';
import Link from 'next/link';
import type { ExamResultDTO } from '@/server/exams';
import { Markdown } from '@/components/quiz/Markdown';
import { ItemKey, OUTCOME } from './ItemKey';
import { ReportProblem, type ReportAction } from '@/components/report/ReportProblem';
import s from './exam.module.css';

export type ReviewFilter = 'missed' | 'flagged' | 'all';
type Item = ExamResultDTO['items'][number];
type AddAction = (input: { attemptId: string; index: number; questionId: string; missed: boolean }) => Promise<{ ok: true; due: string } | { ok: false; message: string }>;

const EMPTY: Record<ReviewFilter, string> = {
  missed: 'You missed nothing: every question was answered correctly.',
  flagged: 'You flagged no question in this exam.',
  all: 'This exam has no questions.',
};

/**
 * Review mode of a submitted exam: one question at a time (the missed or flagged ones), with the
 * learner's answer beside the key, the explanation, and "add to flashcards". Keys: ← → step, A adds.
 */
export function ExamReview({
  attemptId,
  title,
  filter,
  items,
  signedIn,
  addToFlashcards,
  report,
}: {
  attemptId: string;
  title: string;
  filter: ReviewFilter;
  items: Item[];
  signedIn: boolean;
  addToFlashcards: AddAction;
  report: ReportAction;
}) {
  const [pos, setPos] = useState(0);
  const [added, setAdded] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);
  const item = items[pos];

  const go = (p: number) => {
    if (p < 0 || p >= items.length) return;
    setPos(p);
    setError(null);
  };
  const add = () => {
    if (!item || !signedIn || added[item.index] || pending) return;
    start(async () => {
      const r = await addToFlashcards({ attemptId, index: item.index, questionId: item.questionId, missed: !item.correct }).catch(() => ({
        ok: false as const,
        message: 'Could not reach the server. Try again.',
      }));
      if (r.ok) setAdded((a) => ({ ...a, [item.index]: r.due }));
      else setError(r.message);
    });
  };

  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [pos]);

  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useLayoutEffect(() => {
    onKey.current = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    if (e.key === 'ArrowRight' || e.key === 'j') go(pos + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'k') go(pos - 1);
    else if (e.key === 'a' || e.key === 'A') add();
    else return;
    e.preventDefault();
    };
  });
  useEffect(() => {
    const l = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', l);
    return () => window.removeEventListener('keydown', l);
  }, []);

  if (!item)
    return (
      <p className={s.notice} role="status">
        {EMPTY[filter]}
      </p>
    );

  return (
    <section className={s.item} aria-labelledby="review-item-heading" data-testid="exam-review">
      <p className={s.eyebrow}>{title}</p>
      <div className={s.itemHead}>
        <h1 id="review-item-heading" ref={heading} tabIndex={-1} className={s.itemTitle}>
          Question {item.index + 1} <span className={s.of}>· {pos + 1} of {items.length} to review</span>
        </h1>
        <span className={s.badge} data-tone={OUTCOME[item.outcome].tone} data-testid="review-outcome">
          {OUTCOME[item.outcome].label}
          {item.flagged && ' · flagged'}
        </span>
      </div>
      <p className={s.objective}>
        {item.objective} · {item.format === 'domc' ? 'DOMC' : item.multiple ? 'multiple choice' : 'single choice'}
      </p>
      <Markdown text={item.prompt} className={s.prompt} />
      <ItemKey options={item.options} />
      {item.outcome === 'unanswered' && <p className={s.hint}>You did not answer this question.</p>}
      {item.explanation ? <Markdown text={item.explanation} className={s.explanation} /> : <p className={s.hint}>No explanation is written for this question yet.</p>}
      <div className={s.row}>
        {signedIn ? (
          <button type="button" className="btn" onClick={add} disabled={pending || !!added[item.index]} aria-keyshortcuts="A" data-testid="add-to-flashcards">
            {added[item.index] ? 'Added: due in your reviews now' : <>Add to flashcards <kbd>A</kbd></>}
          </button>
        ) : (
          <span className="small muted">
            <Link href="/signup">Create an account</Link> to add questions to your flashcards.
          </span>
        )}
        {item.deck && (
          <Link className="small" href={`/decks/${encodeURIComponent(item.deck)}#L${item.line}`}>
            Read the note
          </Link>
        )}
        <ReportProblem key={item.index} questionId={item.questionId} source="exam" action={report} />
      </div>
      <div className={s.status} role="status" aria-live="polite">
        {error && <span className={s.error}>{error}</span>}
      </div>
      <div className={s.pager}>
        <button type="button" className="btn" onClick={() => go(pos - 1)} disabled={pos === 0} aria-keyshortcuts="ArrowLeft">
          ← Previous <kbd>←</kbd>
        </button>
        <button type="button" className="btn btn--primary" onClick={() => go(pos + 1)} disabled={pos === items.length - 1} aria-keyshortcuts="ArrowRight" data-testid="review-next">
          Next <kbd>→</kbd>
        </button>
      </div>
      <p className="small faint center" style={{ marginTop: '0.75rem' }}>
        Keys: <kbd>←</kbd> <kbd>→</kbd> previous / next · <kbd>A</kbd> add to flashcards
      </p>
    </section>
  );
}
