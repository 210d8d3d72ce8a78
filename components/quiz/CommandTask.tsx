'use client';

import { useCallback, useRef, useState } from 'react';
import { check, sessionLine, startTask, type Lab } from '@/lib/cli';
import { Terminal, type TerminalOutput } from '@/components/terminal/Terminal';
import s from './quiz.module.css';

export interface CommandTaskSpec {
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
}

/**
 * A command task answered in a terminal: the task's setup has run on a fresh lab, the
 * learner types commands, and "Check" judges what they did with the simulator's
 * checker (so any correct spelling counts), reporting each difference in a sentence.
 */
export function CommandTask({
  task,
  disabled,
  onChecked,
}: {
  task: CommandTaskSpec;
  disabled?: boolean;
  onChecked(result: { correct: boolean; feedback: string[]; answer: string[] }): void;
}) {
  const lab = useRef<Lab | null>(null);
  const lines = useRef<string[]>([]);
  const [count, setCount] = useState(0);
  const [node, setNode] = useState<string | null>(null);

  const getLab = () => {
    if (!lab.current) lab.current = startTask(task);
    return lab.current;
  };

  const run = useCallback(
    (line: string): TerminalOutput => {
      const l = getLab();
      const on = node ?? l.nodes[0];
      const out = l.run(line, on);
      // The whole session is the answer (failed commands too), as the checker replays it.
      lines.current = [...lines.current, sessionLine(line, on, l.nodes)];
      setCount(lines.current.length);
      return out;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [node],
  );

  const nodes = task.nodes?.length ? task.nodes : null;
  const current = node ?? nodes?.[0] ?? 'host';

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
        prompt={`${current}$ `}
        banner={task.setup.length ? `Setup done (${task.setup.length} command${task.setup.length > 1 ? 's' : ''}). Type your answer, then press Check.` : 'Type your answer, then press Check.'}
        label="Answer terminal"
      />
      <div className={s.actions}>
        <button
          type="button"
          className="btn btn--primary"
          disabled={disabled || count === 0}
          onClick={() => onChecked({ ...check(task, lines.current), answer: lines.current })}
        >
          Check
        </button>
        <span className={s.muted}>
          {count === 0 ? 'No commands run yet.' : `${count} command${count > 1 ? 's' : ''} will be checked.`}
        </span>
      </div>
    </div>
  );
}
