'use client';

import Link from 'next/link';
import type { ReportAction } from '@/components/report/ReportProblem';
import { QuestionCard } from './QuestionCard';
import { QuizSummary } from './QuizSummary';
import type { QuizQuestion, QuizResultInput, RecordInput } from './types';
import { useQuizRun } from './useQuizRun';
import s from './quiz.module.css';

/** A quiz: one question at a time, instant feedback, a score at the end. */
export function QuizRunner({
  questions,
  signedIn,
  record,
  saveResult,
  report,
  scope = { deck: null, topic: null },
  newQuizHref,
}: {
  questions: QuizQuestion[];
  signedIn: boolean;
  record?: (input: RecordInput) => Promise<{ ok: boolean; message?: string }>;
  /** Keep the finished quiz in the learner's history (signed in). */
  saveResult?: (input: QuizResultInput) => Promise<{ ok: boolean; message?: string }>;
  report?: ReportAction;
  scope?: { deck: string | null; topic: string | null };
  newQuizHref: string;
}) {
  const { index, outcomes, saved, finished, heading, settle, next, retake } = useQuizRun({ questions, signedIn, record, saveResult, scope });

  if (questions.length === 0)
    return (
      <div className={s.empty}>
        <h2>No questions here</h2>
        <p>This deck or topic has no questions of the kinds you picked.</p>
        <Link className="btn btn--primary" href={newQuizHref}>
          Choose another quiz
        </Link>
      </div>
    );

  if (finished)
    return (
      <QuizSummary
        questions={questions}
        outcomes={outcomes}
        signedIn={signedIn}
        saved={saved}
        historyKept={!!saveResult}
        heading={heading}
        onRetake={retake}
        newQuizHref={newQuizHref}
      />
    );

  const done = outcomes.filter(Boolean).length;
  return (
    <div className={s.runner}>
      <div className={s.progressRow}>
        <span>
          Question {index + 1} of {questions.length}
        </span>
        <span>{outcomes.filter((o) => o?.correct).length} right so far</span>
      </div>
      <div className={s.progress} role="progressbar" aria-label="Quiz progress" aria-valuemin={0} aria-valuemax={questions.length} aria-valuenow={done}>
        <span style={{ width: `${(done / questions.length) * 100}%` }} />
      </div>
      <QuestionCard
        key={`${index}-${questions[index].id}`}
        q={questions[index]}
        index={index}
        total={questions.length}
        outcome={outcomes[index]}
        onOutcome={settle}
        onNext={next}
        report={report}
      />
    </div>
  );
}
