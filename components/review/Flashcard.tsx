'use client';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { OutdatedNote } from '@/components/ui';
import { GRADES, type Grade, type ReviewCardView } from './types';
import styles from './review.module.css';

// The terminal and the simulator load only when a command card comes up (the quiz's task component).
const CommandTask = dynamic(() => import('@/components/quiz/CommandTask').then((m) => m.CommandTask), {
  ssr: false,
  loading: () => <p className="muted small">Starting the terminal…</p>,
});

type Verdict = { correct: boolean; feedback: string[] };

/** Picked options against the key: right only when exactly the correct ones are picked. */
function judgePicks(picked: number[], choices: { correct: boolean }[]): Verdict {
  const ok = choices.every((c, i) => c.correct === picked.includes(i));
  return { correct: ok, feedback: picked.length === 0 ? ['No option was picked.'] : [] };
}

const TYPE_LABEL: Record<ReviewCardView['type'], string> = {
  qa: 'Question',
  cloze: 'Fill the gap',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command task',
};

interface Props {
  card: ReviewCardView;
  revealed: boolean;
  pending: boolean;
  onReveal(): void;
  onGrade(g: Grade): void;
}

const noVerdict: Verdict | null = null;

/**
 * One card. The front and back share grid cells (stacked, the hidden one invisible), so the card
 * is as tall as its revealed side from the start and revealing shifts nothing.
 */
export function Flashcard({ card, revealed, pending, onReveal, onGrade }: Props) {
  const pickMode = !!card.choices && card.choiceMode !== 'reveal';
  const showChoicesOnFront = !!card.choices && (pickMode || revealed);
  const multiple = card.type === 'multiple-choice';
  const [picked, setPicked] = useState<number[]>([]);
  const [commandVerdict, setCommandVerdict] = useState(noVerdict);
  const practise = !!card.command && card.command.solutions.length > 0;
  // The verdict proposes a grade (Good when right, Again when not); 1-4 still decide.
  // Computed before the reveal too, so the (hidden) back already has its final height.
  const verdict = pickMode ? judgePicks(picked, card.choices!) : commandVerdict;
  const suggested: Grade | null = verdict ? (verdict.correct ? 3 : 1) : null;
  // After the reveal the suggested grade (Good when there is no verdict, as in Anki) has the
  // focus, so Enter or Space accepts it; 1-4 still pick any grade.
  const focused: Grade = suggested ?? 3;
  const focusedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (revealed) focusedRef.current?.focus({ preventScroll: true });
  }, [revealed, focused]);
  const toggle = (i: number) => setPicked((p) => (multiple ? (p.includes(i) ? p.filter((x) => x !== i) : [...p, i]) : [i]));

  // Before the reveal, in pick mode, the number keys pick options (after it they grade).
  useEffect(() => {
    if (!pickMode || revealed) return;
    const n = card.choices!.length;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) && (t as HTMLInputElement).type !== 'checkbox' && (t as HTMLInputElement).type !== 'radio')) return;
      const k = Number(e.key);
      if (Number.isInteger(k) && k >= 1 && k <= n) {
        e.preventDefault();
        setPicked((p) => (multiple ? (p.includes(k - 1) ? p.filter((x) => x !== k - 1) : [...p, k - 1]) : [k - 1]));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pickMode, revealed, card.choices, multiple]);

  return (
    <article className={styles.card} aria-labelledby="card-prompt" data-revealed={revealed || undefined} data-testid="flashcard">
      <header className={styles.cardHead}>
        <span className="badge badge--accent">{TYPE_LABEL[card.type]}</span>
        <span className={styles.topic}>{card.topic.slice(1).join(' › ') || card.deckTitle}</span>
        <span className="badge">{card.state}</span>
      </header>

      {card.outdated && <OutdatedNote outdated={card.outdated} />}
      <div id="card-prompt" className={`prose ${styles.prompt}`} dangerouslySetInnerHTML={{ __html: card.promptHtml }} />

      {card.choices && showChoicesOnFront && !pickMode && (
        <ul className={styles.choices} aria-label="Options">
          {card.choices.map((c, i) => (
            <li key={i} className={styles.choice} data-correct={revealed && c.correct ? 'true' : revealed ? 'false' : undefined}>
              <span className={styles.choiceMark} aria-hidden="true">{revealed ? (c.correct ? '✓' : '') : String.fromCharCode(65 + i)}</span>
              <span className="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
              {revealed && c.correct && <span className="visually-hidden"> (correct)</span>}
            </li>
          ))}
        </ul>
      )}
      {card.choices && pickMode && (
        <fieldset className={styles.pickSet} disabled={revealed}>
          <legend className="small muted">{multiple ? 'Pick every correct option, then show the answer.' : 'Pick one option, then show the answer.'}</legend>
          {card.choices.map((c, i) => {
            const on = picked.includes(i);
            return (
              <label key={i} className={styles.choice} data-correct={revealed && c.correct ? 'true' : revealed ? 'false' : undefined} data-picked={on || undefined}>
                <input type={multiple ? 'checkbox' : 'radio'} name={`pick-${card.questionId}`} checked={on} onChange={() => toggle(i)} />
                <kbd className={styles.choiceKey} aria-hidden="true">{i + 1}</kbd>
                <span className="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
                {revealed && <span className="visually-hidden">{c.correct ? ' (correct)' : on ? ' (your pick, wrong)' : ''}</span>}
              </label>
            );
          })}
        </fieldset>
      )}
      {!card.choices || showChoicesOnFront ? null : (
        <p className="small muted" style={{ margin: 0 }}>Recall the answer; the options are on the back.</p>
      )}

      {card.command && card.command.setup.length > 0 && (
        <div className={styles.setup}>
          <span className="small muted">Starting from</span>
          <pre tabIndex={0}><code>{card.command.setup.join('\n')}</code></pre>
        </div>
      )}

      {practise && (
        <div data-testid="card-terminal">
          <CommandTask
            task={{ setup: card.command!.setup, solutions: card.command!.solutions, mode: card.command!.mode, nodes: card.command!.nodes, columns: card.command!.columns }}
            disabled={!!commandVerdict || revealed}
            onChecked={(r) => {
              setCommandVerdict({ correct: r.correct, feedback: r.feedback });
              onReveal();
            }}
          />
        </div>
      )}

      <div className={styles.stackCell}>
        <div className={styles.layer} data-hidden={revealed || undefined} aria-hidden={revealed || undefined}>
          <p className={styles.hint}>{practise ? 'Type the commands, then Check; or recall and reveal.' : pickMode ? 'Pick, then show the answer to check it.' : 'Recall the answer, then reveal it.'}</p>
        </div>
        <div className={styles.layer} data-hidden={!revealed || undefined} aria-hidden={!revealed || undefined} data-testid="card-back">
          {verdict && (
            <div className={styles.verdict} data-ok={verdict.correct || undefined} role="status" data-testid="card-verdict">
              <strong>{verdict.correct ? 'Right.' : 'Not right.'}</strong> Suggested grade: {verdict.correct ? 'Good' : 'Again'} (press 1–4 to choose another).
              {verdict.feedback.length > 0 && (
                <ul className="small" style={{ margin: '0.25rem 0 0' }}>
                  {verdict.feedback.map((f, i) => (
                    <li key={i}>{f}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {card.answerHtml && (
            <div className={styles.answer}>
              <span className={styles.answerLabel}>Answer</span>
              <div className="prose" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
            </div>
          )}
          {card.command && (
            <div className={styles.answer}>
              <span className={styles.answerLabel}>Reference solution</span>
              <pre tabIndex={0}><code className="language-sh">{card.command.solution.join('\n')}</code></pre>
            </div>
          )}
          {card.explanationHtml && <div className={`prose small ${styles.explanation}`} dangerouslySetInnerHTML={{ __html: card.explanationHtml }} />}
          <a className="small" href={card.sourceHref}>Open the note</a>
        </div>
      </div>

      <footer className={styles.stackCell}>
        <div className={styles.layer} data-hidden={revealed || undefined}>
          <button type="button" className="btn btn--primary btn--lg btn--block" onClick={onReveal} disabled={revealed} tabIndex={revealed ? -1 : 0} aria-keyshortcuts="Space">
            Show answer <kbd>Space</kbd>
          </button>
        </div>
        <div className={styles.layer} data-hidden={!revealed || undefined}>
          <div className={styles.grades} role="group" aria-label="How well did you recall it?">
            {GRADES.map((g) => (
              <button
                key={g.grade}
                ref={g.grade === focused ? focusedRef : undefined}
                type="button"
                className={styles.grade}
                data-tone={g.tone}
                data-suggested={g.grade === suggested || undefined}
                onClick={() => onGrade(g.grade)}
                disabled={!revealed || pending}
                tabIndex={revealed ? 0 : -1}
                aria-keyshortcuts={g.key}
              >
                <span className={styles.gradeLabel}>{g.label}{g.grade === suggested && <span className="visually-hidden"> (suggested)</span>}</span>
                <span className={styles.gradeInterval}>{card.previews[g.grade]}</span>
                <kbd>{g.key}</kbd>
              </button>
            ))}
          </div>
        </div>
      </footer>
    </article>
  );
}
