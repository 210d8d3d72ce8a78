import Link from 'next/link';
import type { RefObject } from 'react';
import { Markdown } from './Markdown';
import type { Outcome, QuizQuestion } from './types';
import s from './quiz.module.css';

/** The end of a quiz: the score, what reached the schedule, each question right or missed, and what next. */
export function QuizSummary({
  questions,
  outcomes,
  signedIn,
  saved,
  historyKept,
  heading,
  onRetake,
  newQuizHref,
}: {
  questions: QuizQuestion[];
  outcomes: (Outcome | undefined)[];
  signedIn: boolean;
  saved: { failed: number; message: string };
  /** The finished quiz goes to the learner's history (signed in with a save action). */
  historyKept: boolean;
  heading: RefObject<HTMLHeadingElement | null>;
  onRetake(): void;
  newQuizHref: string;
}) {
  const right = outcomes.filter((o) => o?.correct).length;
  const missed = questions.filter((_, i) => !outcomes[i]?.correct).map((q) => q.id);
  const pct = Math.round((right / questions.length) * 100);
  return (
    <section className={s.summary} aria-labelledby="score-heading">
      <h2 id="score-heading" ref={heading} tabIndex={-1}>
        You scored {right} of {questions.length} <span className={s.muted}>({pct}%)</span>
      </h2>
      <p className={s.muted}>
        {pct >= 90 ? 'Excellent — this material is sticking.' : pct >= 70 ? 'Solid. Review the misses below.' : 'Worth another pass: the misses are below.'}
        {signedIn
          ? saved.failed
            ? ` ${saved.failed} answer${saved.failed > 1 ? 's' : ''} could not be saved: ${saved.message}`
            : ' Every answer went into your review schedule.'
          : ' Your answers are kept in this browser: create an account and they move into your review schedule.'}
        {signedIn && historyKept && ' This result is in your quiz history on the stats page.'}
      </p>
      <ol className={s.recap}>
        {questions.map((qq, i) => (
          <li key={qq.id} data-ok={outcomes[i]?.correct || undefined}>
            <span aria-hidden="true">{outcomes[i]?.correct ? '✓' : '✗'}</span>
            <span className={s.srOnly}>{outcomes[i]?.correct ? 'Right: ' : 'Missed: '}</span>
            <Markdown text={qq.prompt.split('\n')[0]} inline />
            <Link href={`/decks/${encodeURIComponent(qq.deck)}#L${qq.source.line}`} className={s.noteLink}>
              note
            </Link>
          </li>
        ))}
      </ol>
      <div className={s.actions}>
        <button
          type="button"
          className="btn btn--primary"
          onClick={onRetake}
        >
          Retake this quiz
        </button>
        {missed.length > 0 && missed.length < questions.length && (
          <Link className="btn" href={`/quiz?go=1&ids=${missed.map(encodeURIComponent).join(',')}`}>
            Retry the {missed.length} missed
          </Link>
        )}
        <Link className="btn btn--ghost" href={newQuizHref}>
          New quiz
        </Link>
      </div>
    </section>
  );
}
