import type { ComponentProps, ReactNode } from 'react';
import Link from 'next/link';
import type { QuizScopeDTO } from '@/server/quiz';
import { PageHeader } from '@/components/ui';
import { plural } from '@/components/ui/format';
import { QuizRunner } from './QuizRunner';
import s from './quiz.module.css';

/** Separates a deck from a topic in the picker's `scope` value (`deck::topic`). */
export const SCOPE_SEP = '::';

/** A quiz in progress: its heading, a note when exam questions are held back, and the runner. */
export function QuizSession({
  title,
  hiddenNote,
  ...runner
}: ComponentProps<typeof QuizRunner> & {
  title: string;
  /** Why some asked questions are left out (an exam in progress); null when none are. */
  hiddenNote: ReactNode;
}) {
  return (
    <div>
      <PageHeader
        eyebrow={
          <>
            <Link href={runner.newQuizHref}>Quiz</Link> · {plural(runner.questions.length, 'question')}
          </>
        }
        title={title}
      />
      {hiddenNote && (
        <p className="alert alert--info" role="note">
          {hiddenNote} <Link href="/exam">Go to the exam</Link>
        </p>
      )}
      <QuizRunner {...runner} />
    </div>
  );
}

/** The quiz picker: a deck or topic, a length, and quick starts by deck. */
export function QuizPicker({
  scopes,
  scope,
  length,
  lengths,
  questionCount,
  topicSeparator,
}: {
  scopes: QuizScopeDTO[];
  /** The scope picked before (`deck` or `deck::topic`), '' for all decks. */
  scope: string;
  length: number;
  lengths: readonly number[];
  /** Questions in the whole bank. */
  questionCount: number;
  /** Separates the levels of a topic path; the picker shows the last level. */
  topicSeparator: string;
}) {
  return (
    <div className={s.picker}>
      <PageHeader
        title="Quiz"
        description="One question at a time with instant feedback: choices, typed answers, and command tasks you solve in a terminal."
      />
      <form className={s.pickerForm} action="/quiz" method="get">
        <label className={s.field}>
          <span>Deck or topic</span>
          <select name="scope" defaultValue={scope}>
            <option value="">All decks ({plural(questionCount, 'question')})</option>
            {scopes.map((d) => (
              <optgroup key={d.deck} label={d.title}>
                <option value={d.deck}>
                  {d.title} — whole deck ({d.count})
                </option>
                {d.topics.map((t) => (
                  <option key={t.topic} value={`${d.deck}${SCOPE_SEP}${t.topic}`}>
                    {t.topic.split(topicSeparator).pop()} ({t.count})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <fieldset className={s.segmented}>
          <legend>Length</legend>
          {lengths.map((n) => (
            <label key={n}>
              <input type="radio" name="length" value={n} defaultChecked={n === length} />
              <span>{plural(n, 'question')}</span>
            </label>
          ))}
        </fieldset>
        <input type="hidden" name="go" value="1" />
        <div className={s.actions}>
          <button type="submit" className="btn btn--primary">
            Start quiz
          </button>
        </div>
      </form>
      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading" style={{ fontSize: '1.15rem' }}>
          Quick start by deck
        </h2>
        {scopes.length === 0 ? (
          <p className={s.muted}>No decks yet: add Markdown notes under content/ and rebuild the bank.</p>
        ) : (
          <ul className={s.deckGrid}>
            {scopes.map((d) => (
              <li key={d.deck}>
                <Link href={`/quiz?scope=${encodeURIComponent(d.deck)}&length=10&go=1`}>
                  <strong>{d.title}</strong>
                  <span className={s.muted}>{plural(d.count, 'question')} · 10-question quiz</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
