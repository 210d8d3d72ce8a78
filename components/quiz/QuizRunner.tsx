'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { recordGuestAnswer } from '@/components/auth/guest-session';
import { ReportProblem, type ReportAction } from '@/components/report/ReportProblem';
import { OutdatedNote, type OutdatedInfo } from '@/components/ui';
import type { QuestionType } from '@/lib/qbank/schema';
import { Markdown } from './Markdown';
import { judgeChoices, judgeTyped } from './judge';
import s from './quiz.module.css';

/** One question as the quiz page hands it over (see server/quiz.ts QuizQuestionDTO). */
export interface QuizQuestion {
  id: string;
  deck: string;
  deckTitle: string;
  topic: string;
  type: QuestionType;
  prompt: string;
  answer?: string;
  choices?: { text: string; correct: boolean }[];
  command?: { setup: string[]; solutions: string[][]; mode: 'state' | 'output'; nodes?: string[] };
  explanation?: string;
  source: { file: string; line: number };
  /** Set when the question depends on a Docker fact that has changed: shown as a banner. */
  outdated?: OutdatedInfo;
}

export interface QuizResultInput {
  runId: string;
  deck: string | null;
  topic: string | null;
  outcomes: { questionId: string; correct: boolean }[];
  startedAt: string;
}

export interface RecordInput {
  clientReviewId: string;
  questionId: string;
  correct: boolean;
  elapsedMs: number;
  source: 'quiz' | 'command';
  answer: string;
}

// The terminal and the simulator load only when a command task comes up.
const CommandTask = dynamic(() => import('./CommandTask').then((m) => m.CommandTask), {
  ssr: false,
  loading: () => <p className={s.muted}>Starting the terminal…</p>,
});

type Outcome = { correct: boolean; given: string; elapsedMs: number; feedback?: string[]; overridden?: boolean };

const TYPE_LABEL: Record<QuizQuestion['type'], string> = {
  qa: 'Question',
  cloze: 'Fill the gap',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command task',
};

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
  const [index, setIndex] = useState(0);
  /** This run of the quiz (a retake is a new run): made when the first answer is given. */
  const run = useRef<{ id: string; startedAt: string } | null>(null);
  const [outcomes, setOutcomes] = useState<(Outcome | undefined)[]>([]);
  const [saved, setSaved] = useState({ ok: 0, failed: 0, message: '' });
  const heading = useRef<HTMLHeadingElement>(null);
  const finished = index >= questions.length;

  // An answer goes to the scheduler when the learner moves on, so an "I was right" override counts once.
  const recordAndNext = () => {
    const q = questions[index];
    const o = outcomes[index];
    if (signedIn && record && o) {
      record({
        clientReviewId: crypto.randomUUID(),
        questionId: q.id,
        correct: o.correct,
        elapsedMs: o.elapsedMs,
        source: q.type === 'command' ? 'command' : 'quiz',
        answer: o.given.slice(0, 2000),
      })
        .then((r) =>
          setSaved((v) => (r.ok ? { ...v, ok: v.ok + 1 } : { ...v, failed: v.failed + 1, message: r.message ?? 'Could not save an answer.' })),
        )
        .catch(() => setSaved((v) => ({ ...v, failed: v.failed + 1, message: 'Could not reach the server to save an answer.' })));
    } else if (!signedIn && o) {
      // Guests: kept in this browser and imported into the account they create (sign-up page).
      recordGuestAnswer({
        questionId: q.id,
        outcome: { correct: o.correct },
        durationMs: Math.min(o.elapsedMs, 24 * 3_600_000),
        source: q.type === 'command' ? 'command' : 'quiz',
        answeredAt: new Date().toISOString(),
      });
    }
    setIndex((i) => i + 1);
  };

  const savedRun = useRef('');
  useEffect(() => {
    if (!finished) return;
    heading.current?.focus();
    const r = run.current;
    if (!saveResult || !r || savedRun.current === r.id) return;
    savedRun.current = r.id;
    void saveResult({
      runId: r.id,
      deck: scope.deck,
      topic: scope.topic,
      outcomes: questions.map((q, i) => ({ questionId: q.id, correct: outcomes[i]?.correct === true })),
      startedAt: r.startedAt,
    }).catch(() => undefined);
  }, [finished, saveResult, scope.deck, scope.topic, questions, outcomes]);

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

  if (finished) {
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
          {signedIn && saveResult && ' This result is in your quiz history on the stats page.'}
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
            onClick={() => {
              setOutcomes([]);
              setIndex(0);
              run.current = null;
            }}
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
        onOutcome={(o) => {
          run.current ??= { id: crypto.randomUUID(), startedAt: new Date(Date.now() - o.elapsedMs).toISOString() };
          setOutcomes((prev) => {
            const next = [...prev];
            next[index] = o;
            return next;
          });
        }}
        onNext={recordAndNext}
        report={report}
      />
    </div>
  );
}

/** One question: its own answer form, feedback, and the save to the scheduler. */
function QuestionCard({
  q,
  index,
  total,
  outcome,
  onOutcome,
  onNext,
  report,
}: {
  q: QuizQuestion;
  index: number;
  total: number;
  outcome: Outcome | undefined;
  onOutcome(o: Outcome): void;
  onNext(): void;
  report?: ReportAction;
}) {
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const started = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextBtn = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    started.current = performance.now();
    if (index > 0) heading.current?.focus();
  }, [index]);

  useEffect(() => {
    if (outcome) nextBtn.current?.focus();
  }, [outcome]);

  const settle = (o: Omit<Outcome, 'elapsedMs'>) => onOutcome({ ...o, elapsedMs: Math.round(performance.now() - started.current) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (outcome) return;
    if (q.type === 'qa' || q.type === 'cloze') {
      if (!typed.trim()) return;
      settle({ correct: judgeTyped(typed, q.answer ?? ''), given: typed });
    } else if (q.choices) {
      if (picked.length === 0) return;
      settle({ correct: judgeChoices(picked, q.choices), given: picked.map((i) => q.choices![i].text).join(' | ') });
    }
  };

  const override = () => onOutcome({ ...outcome!, correct: true, overridden: true });

  // 1-9 pick options (as in Quizlet); Enter checks (the form) and then moves on (the focused Next button).
  const choiceCount = q.choices?.length ?? 0;
  useEffect(() => {
    if (!choiceCount || outcome) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && ['TEXTAREA', 'SELECT'].includes(t.tagName)) || (t instanceof HTMLInputElement && t.type === 'text')) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > choiceCount) return;
      e.preventDefault();
      const i = n - 1;
      setPicked((p) => (q.type === 'multiple-choice' ? (p.includes(i) ? p.filter((x) => x !== i) : [...p, i]) : [i]));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choiceCount, outcome, q.type]);

  return (
      <article className={s.card} aria-labelledby="q-heading">
        <p className={s.meta}>
          <span className={s.pill}>{TYPE_LABEL[q.type]}</span>
          <span>
            {q.deckTitle}
            {q.topic ? ` › ${q.topic}` : ''}
          </span>
        </p>
        <h2 id="q-heading" ref={heading} tabIndex={-1} className={s.srOnly}>
          Question {index + 1}
        </h2>
        {q.outdated && <OutdatedNote outdated={q.outdated} />}
        <Markdown text={q.prompt} className={s.prompt} />

        {q.type === 'command' && q.command ? (
          <CommandTask
            key={q.id}
            task={q.command}
            disabled={!!outcome}
            onChecked={(r) => settle({ correct: r.correct, given: r.answer.join('\n'), feedback: r.feedback })}
          />
        ) : (
          <form onSubmit={submit} className={s.form}>
            {(q.type === 'qa' || q.type === 'cloze') && (
              <label className={s.field}>
                <span>{q.type === 'cloze' ? 'The missing part' : 'Your answer'}</span>
                <input
                  type="text"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  disabled={!!outcome}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  autoFocus={index > 0}
                />
              </label>
            )}
            {q.choices && (
              <fieldset className={s.choices} disabled={!!outcome}>
                <legend className={s.muted}>{q.type === 'multiple-choice' ? 'Select every correct answer.' : 'Select one answer.'}</legend>
                {q.choices.map((c, i) => {
                  const on = picked.includes(i);
                  const reveal = outcome ? (c.correct ? 'right' : on ? 'wrong' : undefined) : undefined;
                  return (
                    <label key={i} className={s.choice} data-checked={on || undefined} data-reveal={reveal}>
                      <input
                        type={q.type === 'multiple-choice' ? 'checkbox' : 'radio'}
                        name={`q-${q.id}`}
                        checked={on}
                        onChange={(e) =>
                          setPicked((p) => (q.type === 'multiple-choice' ? (e.target.checked ? [...p, i] : p.filter((x) => x !== i)) : [i]))
                        }
                      />
                      <kbd className={s.choiceKey} aria-hidden="true">{i + 1}</kbd>
                      <Markdown text={c.text} inline />
                      {reveal && <span className={s.srOnly}>{reveal === 'right' ? ' (correct answer)' : ' (your pick, wrong)'}</span>}
                    </label>
                  );
                })}
              </fieldset>
            )}
            {!outcome && (
              <div className={s.actions}>
                <button type="submit" className="btn btn--primary" disabled={q.choices ? picked.length === 0 : !typed.trim()}>
                  Check
                </button>
                <button type="button" className="btn btn--ghost" onClick={() => settle({ correct: false, given: '' })}>
                  I don’t know
                </button>
              </div>
            )}
            {!outcome && (
              <p className={s.keys} data-testid="quiz-keys">
                Keys: {q.choices ? <><kbd>1</kbd>–<kbd>{Math.min(9, q.choices.length)}</kbd> select · </> : null}<kbd>Enter</kbd> check, then <kbd>Enter</kbd> next
              </p>
            )}
          </form>
        )}

        {outcome && (
          <div className={s.feedback} data-ok={outcome.correct || undefined} role="status" aria-live="polite">
            <p className={s.verdict}>{outcome.correct ? (outcome.overridden ? 'Counted as right.' : 'Correct!') : 'Not quite.'}</p>
            {outcome.feedback && outcome.feedback.length > 0 && (
              <ul className={s.fbList}>
                {outcome.feedback.map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            )}
            {(q.type === 'qa' || q.type === 'cloze') && (
              <p>
                Answer: <Markdown text={q.answer ?? ''} inline className={s.answer} />
              </p>
            )}
            {q.type === 'command' && q.command && (
              <div>
                <p className={s.muted}>{q.command.solutions.length > 1 ? 'Reference solutions:' : 'A reference solution:'}</p>
                {q.command.solutions.map((sol, i) => (
                  <pre key={i} className={s.code}>
                    <code>{sol.join('\n')}</code>
                  </pre>
                ))}
              </div>
            )}
            {q.explanation && <Markdown text={q.explanation} className={s.explanation} />}
            <p className={s.links}>
              <Link href={`/decks/${encodeURIComponent(q.deck)}#L${q.source.line}`}>Read the note</Link>
              {q.type === 'command' && <Link href={`/lab?scenario=${encodeURIComponent(q.id)}`}>Open in the lab</Link>}
            </p>
            {report && <ReportProblem questionId={q.id} source="quiz" action={report} />}
            <div className={s.actions}>
              <button ref={nextBtn} type="button" className="btn btn--primary" onClick={onNext}>
                {index + 1 < total ? 'Next question' : 'See my score'}
              </button>
              {!outcome.correct && q.type === 'qa' && (
                <button type="button" className="btn btn--ghost" onClick={override}>
                  I was right
                </button>
              )}
            </div>
          </div>
        )}
      </article>
  );
}
