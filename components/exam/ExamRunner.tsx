'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ExamViewDTO } from '@/server/exams';
import type { ExamActionResult } from '@/app/(study)/exam/actions';
import { Markdown } from '@/components/quiz/Markdown';
import { Countdown } from './Countdown';
import s from './exam.module.css';

export interface ExamActions {
  answerDomc(input: { attemptId: string; item: number; step: number; response: boolean }): Promise<ExamActionResult>;
  answerChoice(input: { attemptId: string; item: number; selected: number[] }): Promise<ExamActionResult>;
  flag(input: { attemptId: string; item: number; flagged: boolean }): Promise<ExamActionResult>;
  goto(input: { attemptId: string; item: number }): Promise<ExamActionResult>;
  submit(input: { attemptId: string }): Promise<{ ok: false; message: string } | undefined>;
}

/** The exam in progress: timer, item navigator, the current item, flag and submit. */
export function ExamRunner({ initial, actions }: { initial: ExamViewDTO; actions: ExamActions }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const itemHeading = useRef<HTMLHeadingElement>(null);
  const resultUrl = `/exam/${encodeURIComponent(view.id)}/result`;

  const apply = useCallback(
    (p: Promise<ExamActionResult>, note?: string) =>
      startTransition(async () => {
        const r = await p;
        if (r.ok) {
          setView(r.view);
          setError(null);
          if (note) setSaved(note);
          if (r.view.status === 'submitted') router.push(resultUrl);
        } else if (r.kind === 'expired') {
          router.push(resultUrl);
        } else {
          setError(r.message);
          if (r.kind === 'conflict') router.refresh();
        }
      }),
    [router, resultUrl],
  );

  const item = view.item;
  const attemptId = view.id;
  const go = (index: number) => {
    if (index < 0 || index >= view.total || index === item.index) return;
    setSaved(null);
    apply(actions.goto({ attemptId, item: index }));
  };
  const judge = (response: boolean) => {
    const next = item.domc?.next;
    if (!next || pending) return;
    apply(actions.answerDomc({ attemptId, item: item.index, step: next.step, response }), 'Answer saved');
  };
  const pick = (position: number, on: boolean) => {
    const current = item.choice?.selected ?? [];
    const selected = item.multiple ? (on ? [...current, position] : current.filter((p) => p !== position)) : [position];
    setView((v) => ({ ...v, item: { ...v.item, choice: { ...v.item.choice!, selected } } }));
    apply(actions.answerChoice({ attemptId, item: item.index, selected }), 'Answer saved');
  };
  const submit = () =>
    startTransition(async () => {
      const r = await actions.submit({ attemptId });
      if (r && !r.ok) setError(r.message);
    });

  // Move focus to the new item so keyboard and screen-reader users land on it.
  const shownIndex = useRef(item.index);
  useEffect(() => {
    if (shownIndex.current !== item.index) itemHeading.current?.focus();
    shownIndex.current = item.index;
  }, [item.index]);

  const toggleFlag = () => {
    if (pending) return;
    apply(actions.flag({ attemptId, item: item.index, flagged: !item.flagged }));
  };

  // Y / N answer the option on screen; → / ← move between questions; F flags.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLTextAreaElement || (e.target instanceof HTMLInputElement && e.key !== 'f' && e.key !== 'F')) return;
      if (e.altKey || e.ctrlKey || e.metaKey || confirming) return;
      if (e.key === 'ArrowRight') go(item.index + 1);
      else if (e.key === 'ArrowLeft') go(item.index - 1);
      else if (e.key === 'f' || e.key === 'F') toggleFlag();
      else if (!item.domc?.next) return;
      else if (e.key === 'y' || e.key === 'Y') judge(true);
      else if (e.key === 'n' || e.key === 'N') judge(false);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const unanswered = view.total - view.answered;
  const flagged = view.nav.filter((n) => n.flagged).length;

  return (
    <div className={s.runner} data-exam-runner>
      <header className={s.bar}>
        <div className={s.barTitle}>
          <span className={s.eyebrow}>Practice exam</span>
          <span className={s.barName}>{view.title}</span>
        </div>
        <Countdown deadline={view.deadline} serverNow={view.serverNow} onExpire={() => router.push(resultUrl)} />
        <button type="button" className="btn btn--primary" onClick={() => setConfirming(true)} disabled={pending}>
          Submit exam
        </button>
      </header>

      {confirming && (
        <div className={s.confirm} role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-desc">
          <h2 id="confirm-title">Submit your exam?</h2>
          <p id="confirm-desc">
            {unanswered === 0 ? 'Every question has an answer.' : `${unanswered} of ${view.total} ${unanswered === 1 ? 'question is' : 'questions are'} not finished.`}
            {flagged > 0 && ` ${flagged} flagged for review.`} You cannot change answers afterwards.
          </p>
          <div className={s.row}>
            <button type="button" className="btn btn--primary" onClick={submit} disabled={pending} autoFocus>
              Submit and see my score
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        </div>
      )}

      <div className={s.layout}>
        <nav className={s.navPanel} aria-label="Questions">
          <p className={s.navSummary}>
            <strong>{view.answered}</strong> of {view.total} answered
            {flagged > 0 && <> · {flagged} flagged</>}
          </p>
          <div className={s.progress} role="progressbar" aria-label="Answered" aria-valuemin={0} aria-valuemax={view.total} aria-valuenow={view.answered}>
            <span style={{ width: `${(view.answered / view.total) * 100}%` }} />
          </div>
          <ol className={s.grid}>
            {view.nav.map((n) => (
              <li key={n.index}>
                <button
                  type="button"
                  className={s.cell}
                  data-status={n.status}
                  data-current={n.index === item.index || undefined}
                  aria-current={n.index === item.index ? 'step' : undefined}
                  aria-label={`Question ${n.index + 1}, ${n.status === 'unseen' ? 'not answered' : n.status === 'started' ? 'in progress' : 'answered'}${n.flagged ? ', flagged' : ''}`}
                  onClick={() => go(n.index)}
                  disabled={pending}
                >
                  {n.index + 1}
                  {n.flagged && <span className={s.flagDot} aria-hidden="true" />}
                </button>
              </li>
            ))}
          </ol>
          <ul className={s.legend} aria-hidden="true">
            <li><span className={s.cell} data-status="answered" /> answered</li>
            <li><span className={s.cell} data-status="started" /> in progress</li>
            <li><span className={s.cell} data-status="unseen" /> not answered</li>
          </ul>
        </nav>

        <section className={s.item} aria-labelledby="item-heading" aria-busy={pending}>
          <div className={s.itemHead}>
            <h1 id="item-heading" ref={itemHeading} tabIndex={-1} className={s.itemTitle}>
              Question {item.index + 1} <span className={s.of}>of {view.total}</span>
            </h1>
            <button
              type="button"
              className={s.flag}
              aria-pressed={item.flagged}
              onClick={toggleFlag}
              disabled={pending}
              aria-keyshortcuts="F"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                <path d="M3 1v14M3 2h9l-2 3.5L12 9H3" fill={item.flagged ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
              </svg>
              {item.flagged ? 'Flagged' : 'Flag for review'} <kbd className={s.key}>F</kbd>
            </button>
          </div>
          <p className={s.objective}>{item.objective}</p>
          <Markdown text={item.prompt} className={s.prompt} />

          {item.domc && (
            <div className={s.domc}>
              <p className={s.hint}>
                {item.multiple ? 'Several options may be correct. ' : 'One option is correct. '}
                Judge each option as it appears: is it a correct answer? There is no going back.
              </p>
              {item.domc.judged.length > 0 && (
                <ol className={s.judged} aria-label="Options already judged">
                  {item.domc.judged.map((j, k) => (
                    <li key={k}>
                      <Markdown text={j.text} inline />
                      <span className={s.chip} data-yes={j.response || undefined}>
                        {j.response ? 'Yes' : 'No'}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {item.domc.next ? (
                <div className={s.option} aria-live="polite">
                  <p className={s.optionLabel}>Option {item.domc.next.step + 1}</p>
                  <Markdown text={item.domc.next.text} className={s.optionText} />
                  <div className={s.row} role="group" aria-label="Is this option correct?">
                    <button type="button" className={s.yes} onClick={() => judge(true)} disabled={pending} aria-keyshortcuts="Y">
                      Yes <kbd>Y</kbd>
                    </button>
                    <button type="button" className={s.no} onClick={() => judge(false)} disabled={pending} aria-keyshortcuts="N">
                      No <kbd>N</kbd>
                    </button>
                  </div>
                </div>
              ) : (
                <p className={s.done} role="status">
                  This question is complete. Its result is shown when you submit the exam.
                </p>
              )}
            </div>
          )}

          {item.choice && (
            <fieldset className={s.choices}>
              <legend className={s.hint}>{item.multiple ? 'Select every correct answer.' : 'Select one answer.'}</legend>
              {item.choice.options.map((o) => {
                const checked = item.choice!.selected.includes(o.position);
                return (
                  <label key={o.position} className={s.choice} data-checked={checked || undefined}>
                    <input
                      type={item.multiple ? 'checkbox' : 'radio'}
                      name={`item-${item.index}`}
                      checked={checked}
                      onChange={(e) => pick(o.position, e.target.checked)}
                    />
                    <Markdown text={o.text} inline />
                  </label>
                );
              })}
            </fieldset>
          )}

          <div className={s.status} role="status" aria-live="polite">
            {error ? <span className={s.error}>{error}</span> : pending ? 'Saving…' : saved}
          </div>

          <div className={s.pager}>
            <button type="button" className="btn" onClick={() => go(item.index - 1)} disabled={pending || item.index === 0} aria-keyshortcuts="ArrowLeft">
              Previous <kbd className={s.key}>←</kbd>
            </button>
            {item.index < view.total - 1 ? (
              <button type="button" className="btn btn--primary" onClick={() => go(item.index + 1)} disabled={pending} aria-keyshortcuts="ArrowRight">
                Next question <kbd className={s.key}>→</kbd>
              </button>
            ) : (
              <button type="button" className="btn btn--primary" onClick={() => setConfirming(true)} disabled={pending}>
                Review and submit
              </button>
            )}
          </div>
          <p className={s.keys} data-testid="exam-keys">
            Keys: {item.domc?.next && <><kbd>Y</kbd> / <kbd>N</kbd> answer · </>}<kbd>→</kbd> next · <kbd>←</kbd> previous · <kbd>F</kbd> flag
          </p>
        </section>
      </div>
    </div>
  );
}
