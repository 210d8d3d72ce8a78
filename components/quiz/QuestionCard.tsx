'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ReportProblem, type ReportAction } from '@/components/report/ReportProblem';
import { OutdatedNote } from '@/components/ui';
import { Markdown } from './Markdown';
import { judgeChoices, judgeTyped } from './judge';
import type { Outcome, QuizQuestion } from './types';
import s from './quiz.module.css';

// The terminal and the simulator load only when a command task comes up.
const CommandTask = dynamic(() => import('./CommandTask').then((m) => m.CommandTask), {
  ssr: false,
  loading: () => <p className={s.muted}>Starting the terminal…</p>,
});

const TYPE_LABEL: Record<QuizQuestion['type'], string> = {
  qa: 'Question',
  cloze: 'Fill the gap',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command task',
};

/** One question: its own answer form, feedback, and the save to the scheduler. */
export function QuestionCard({
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

  // Enter checks the answer, then moves on, wherever the focus is (as in Quizlet), except where
  // Enter already means something: a text field, the terminal, a button or a link.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.repeat) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(t.tagName))) return;
      if (t instanceof HTMLInputElement && t.type !== 'radio' && t.type !== 'checkbox') return;
      if (outcome) {
        e.preventDefault();
        onNext();
      } else if (form.current) {
        e.preventDefault();
        form.current.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [outcome, onNext]);

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
          <form ref={form} onSubmit={submit} className={s.form}>
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
