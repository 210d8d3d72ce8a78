'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { check, createLab, restoreLab, type Lab } from '@/lib/cli';
import { Terminal, type TerminalHandle, type TerminalOutput } from '@/components/terminal/Terminal';
import { Markdown } from '@/components/quiz/Markdown';
import { LabDiagram } from './LabDiagram';
import { toDiagram } from './diagram-model';
import type { ScenarioDTO } from './types';
import s from './lab.module.css';

const STORAGE_KEY = 'netprep.lab.v1';
const FREE_BANNER = 'Free play: a fresh Docker engine. Try `docker network create demo` or `docker run -d --name web nginx`.';

interface Saved {
  scenario: string | null;
  node: string;
  lab: string;
  answer: string[];
}

type CheckState = { correct: boolean; feedback: string[] } | null;

function scenarioBanner(sc: ScenarioDTO): string {
  return `Scenario: ${sc.prompt.replace(/`/g, '')}\n${sc.setup.length ? `(${sc.setup.length} setup command${sc.setup.length > 1 ? 's' : ''} already ran.)` : ''}`;
}

/** Build a lab for a scenario: its nodes, with its setup replayed. */
function labFor(sc: ScenarioDTO | null): Lab {
  const lab = createLab(sc?.nodes?.length ? { nodes: sc.nodes } : undefined);
  for (const line of sc?.setup ?? []) lab.run(line);
  return lab;
}

/**
 * The command lab: a terminal on a simulated engine beside a live CNM diagram. Free
 * play or a guided scenario (a command task of the bank, checked on demand); reset,
 * node switching for swarm scenarios; survives a refresh through sessionStorage.
 */
export function LabApp({ scenarios, initialScenario }: { scenarios: ScenarioDTO[]; initialScenario?: string }) {
  const byId = useMemo(() => new Map(scenarios.map((x) => [x.id, x])), [scenarios]);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [node, setNode] = useState<string>('host');
  const [tick, setTick] = useState(0);
  const [result, setResult] = useState<CheckState>(null);
  const [showSolution, setShowSolution] = useState(false);
  const lab = useRef<Lab | null>(null);
  const answer = useRef<string[]>([]);
  const term = useRef<TerminalHandle>(null);
  const [restored, setRestored] = useState(false);
  const scenario = scenarioId ? (byId.get(scenarioId) ?? null) : null;

  const save = useCallback(() => {
    if (!lab.current) return;
    const data: Saved = { scenario: scenarioId, node, lab: lab.current.serialize(), answer: answer.current };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(data));
    } catch {
      /* storage full or disabled: the lab still works, it just will not survive a refresh */
    }
  }, [scenarioId, node]);

  // Restore on first load (or start the scenario named in the URL).
  useEffect(() => {
    let saved: Saved | null = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    } catch {
      saved = null;
    }
    const wanted = initialScenario && byId.has(initialScenario) ? initialScenario : null;
    if (saved && (!wanted || saved.scenario === wanted)) {
      try {
        lab.current = restoreLab(saved.lab);
        answer.current = saved.answer ?? [];
        setScenarioId(saved.scenario && byId.has(saved.scenario) ? saved.scenario : null);
        setNode(lab.current.nodes.includes(saved.node) ? saved.node : lab.current.nodes[0]);
      } catch {
        saved = null;
      }
    }
    if (!lab.current) {
      const sc = wanted ? byId.get(wanted)! : null;
      lab.current = labFor(sc);
      setScenarioId(sc?.id ?? null);
      setNode(lab.current.nodes[0]);
    }
    setRestored(true);
    setTick((t) => t + 1);
  }, [byId, initialScenario]);

  useEffect(() => {
    if (restored) save();
  }, [restored, tick, save]);

  const start = (id: string | null) => {
    const sc = id ? (byId.get(id) ?? null) : null;
    lab.current = labFor(sc);
    answer.current = [];
    setScenarioId(sc?.id ?? null);
    setNode(lab.current.nodes[0]);
    setResult(null);
    setShowSolution(false);
    setTick((t) => t + 1);
    term.current?.reset(sc ? scenarioBanner(sc) : FREE_BANNER);
    term.current?.focus();
    const url = new URL(window.location.href);
    if (sc) url.searchParams.set('scenario', sc.id);
    else url.searchParams.delete('scenario');
    window.history.replaceState(null, '', url);
  };

  const run = useCallback(
    (line: string): TerminalOutput | null => {
      if (!lab.current) return null;
      const out = lab.current.run(line, node);
      if (out.exitCode === 0) answer.current = [...answer.current, line];
      setTick((t) => t + 1);
      return out;
    },
    [node],
  );

  const onCheck = () => {
    if (!scenario) return;
    setResult(check({ setup: scenario.setup, solutions: scenario.solutions, mode: scenario.mode, nodes: scenario.nodes }, answer.current));
  };

  const view = useMemo(() => {
    void tick;
    return lab.current ? toDiagram(lab.current.view(), node) : null;
  }, [tick, node]);

  const groups = useMemo(() => {
    const m = new Map<string, ScenarioDTO[]>();
    for (const sc of scenarios) m.set(sc.deckTitle, [...(m.get(sc.deckTitle) ?? []), sc]);
    return [...m];
  }, [scenarios]);

  const nodes = lab.current?.nodes ?? ['host'];

  return (
    <div className={s.app}>
      <div className={s.toolbar}>
        <label className={s.field}>
          <span>Scenario</span>
          <select value={scenarioId ?? ''} onChange={(e) => start(e.target.value || null)} aria-describedby="scenario-help">
            <option value="">Free play</option>
            {groups.map(([deck, list]) => (
              <optgroup key={deck} label={deck}>
                {list.map((sc) => (
                  <option key={sc.id} value={sc.id}>
                    {sc.prompt.replace(/[`*]/g, '').slice(0, 90)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {nodes.length > 1 && (
          <div className={s.nodes} role="radiogroup" aria-label="Node">
            {nodes.map((n) => (
              <button key={n} type="button" role="radio" aria-checked={n === node} className={s.nodeBtn} onClick={() => setNode(n)}>
                {n}
              </button>
            ))}
          </div>
        )}
        <button type="button" className={s.secondary} onClick={() => start(scenarioId)}>
          Reset
        </button>
      </div>
      <p id="scenario-help" className={s.srOnly}>
        Choosing a scenario starts a fresh lab with its setup already run.
      </p>

      {scenario && (
        <section className={s.task} aria-labelledby="task-heading">
          <div className={s.taskHead}>
            <h2 id="task-heading">Task</h2>
            <span className={s.muted}>
              {scenario.deckTitle}
              {scenario.topic ? ` › ${scenario.topic}` : ''}
            </span>
          </div>
          <Markdown text={scenario.prompt} className={s.prompt} />
          {scenario.setup.length > 0 && (
            <details className={s.setup}>
              <summary>Setup already run ({scenario.setup.length})</summary>
              <pre>
                <code>{scenario.setup.join('\n')}</code>
              </pre>
            </details>
          )}
          <div className={s.row}>
            <button type="button" className={s.primary} onClick={onCheck}>
              Check my work
            </button>
            <button type="button" className={s.secondary} aria-expanded={showSolution} onClick={() => setShowSolution((v) => !v)}>
              {showSolution ? 'Hide solution' : 'Show a solution'}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {result && (
              <div className={s.feedback} data-ok={result.correct || undefined}>
                <strong>{result.correct ? 'Correct — the engine ended up in the expected state.' : 'Not yet.'}</strong>
                {result.feedback.length > 0 && (
                  <ul>
                    {result.feedback.map((f, i) => (
                      <li key={i}>{f}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          {showSolution && (
            <div className={s.solution}>
              {scenario.solutions.map((sol, i) => (
                <pre key={i}>
                  <code>{sol.join('\n')}</code>
                </pre>
              ))}
              {scenario.explanation && <Markdown text={scenario.explanation} className={s.muted} />}
            </div>
          )}
        </section>
      )}

      <div className={s.split}>
        <Terminal
          ref={term}
          run={run}
          prompt={`${node}$ `}
          banner={scenario ? scenarioBanner(scenario) : FREE_BANNER}
          label="Lab terminal"
        />
        <section className={s.panel} aria-labelledby="diagram-heading">
          <div className={s.taskHead}>
            <h2 id="diagram-heading">Network state</h2>
            <span className={s.muted}>{node}</span>
          </div>
          {view ? <LabDiagram model={view} /> : <p className={s.muted}>Starting the engine…</p>}
        </section>
      </div>
    </div>
  );
}
