'use client';

import { useCallback, useRef, useState } from 'react';
import { check, completeLine, sessionLine, startTask, type Lab } from '@/lib/cli';
import { Terminal, type TerminalOutput } from '@/components/terminal/Terminal';
import s from './quiz.module.css';

export interface CommandTaskSpec {
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
  /** the table columns an output task asks for (lib/cli/projection) */
  columns?: string[];
}

/** What a check (or giving up) produced: the verdict, its reasons, and the whole session typed. */
export interface CommandTaskResult {
  correct: boolean;
  feedback: string[];
  answer: string[];
  /** the learner pressed "I don't know": a miss, and the reference solution is shown */
  gaveUp?: boolean;
}

export interface CommandTaskProps {
  task: CommandTaskSpec;
  /** once the question is settled: the terminal still runs, the buttons are off */
  disabled?: boolean;
  onChecked(result: CommandTaskResult): void;
  /** show the reference solution here after giving up (default false: the host shows it) */
  revealSolution?: boolean;
  /** accessible name of the terminal */
  label?: string;
}

/**
 * A command task answered in a terminal, reusable wherever a task is asked (quiz, flashcards):
 * the task's setup has run on a lab started like the checker's (same seed), the learner types
 * commands with Tab completion, history and paste, and "Check" (or Ctrl+Enter) judges the whole
 * session with the simulator's checker; "I don't know" counts as a miss and reveals a solution.
 */
export function CommandTask({ task, disabled, onChecked, revealSolution = false, label = 'Answer terminal' }: CommandTaskProps) {
  const lab = useRef<Lab | null>(null);
  const lines = useRef<string[]>([]);
  const [count, setCount] = useState(0);
  const [node, setNode] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);

  const getLab = () => {
    if (!lab.current) lab.current = startTask(task);
    return lab.current;
  };
  const nodes = task.nodes?.length ? task.nodes : null;
  const current = node ?? nodes?.[0] ?? 'host';

  const run = useCallback(
    (line: string): TerminalOutput => {
      const l = getLab();
      const out = l.run(line, current);
      // The whole session is the answer (failed commands too), as the checker replays it.
      lines.current = [...lines.current, sessionLine(line, current, l.nodes)];
      setCount(lines.current.length);
      return out;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current],
  );
  const complete = useCallback((before: string) => completeLine(getLab(), before, current), [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const doCheck = () => {
    if (disabled || lines.current.length === 0) return;
    onChecked({ ...check(task, lines.current), answer: lines.current });
  };
  const giveUp = () => {
    if (disabled) return;
    setGaveUp(true);
    onChecked({ correct: false, feedback: ['You asked to see the solution: this counts as a miss.'], answer: lines.current, gaveUp: true });
  };

  return (
    <div className={s.command}>
      {nodes && nodes.length > 1 && (
        <div className={s.nodes} role="radiogroup" aria-label="Node">
          {nodes.map((n) => (
            <button key={n} type="button" role="radio" aria-checked={n === current} className={s.nodeBtn} onClick={() => setNode(n)}>
              {n}
            </button>
          ))}
        </div>
      )}
      <Terminal
        run={run}
        complete={complete}
        onCtrlEnter={doCheck}
        prompt={`${current}$ `}
        banner={task.setup.length ? `Setup done (${task.setup.length} command${task.setup.length > 1 ? 's' : ''}). Type your answer, then press Check (Ctrl+Enter).` : 'Type your answer, then press Check (Ctrl+Enter).'}
        label={label}
      />
      <div className={s.actions}>
        <button type="button" className="btn btn--primary" disabled={disabled || count === 0} onClick={doCheck}>
          Check
        </button>
        <button type="button" className="btn btn--ghost" disabled={disabled} onClick={giveUp}>
          I don’t know — show solution
        </button>
        <span className={s.muted}>
          {count === 0 ? 'No commands run yet.' : `${count} command${count > 1 ? 's' : ''} will be checked.`} Keys: <kbd>Tab</kbd> completes, <kbd>↑</kbd>/<kbd>↓</kbd> history,{' '}
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> checks, <kbd>Ctrl</kbd>+<kbd>C</kbd> clears the line.
        </span>
      </div>
      {revealSolution && gaveUp && (
        <div>
          <p className={s.muted}>{task.solutions.length > 1 ? 'Reference solutions:' : 'A reference solution:'}</p>
          {task.solutions.map((sol, i) => (
            <pre key={i} className={s.code}>
              <code>{sol.join('\n')}</code>
            </pre>
          ))}
        </div>
      )}
    </div>
  );
}
