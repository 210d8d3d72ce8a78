'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { check, completeLine, restoreLab, sessionLine, startTask, type Lab } from '@/lib/cli';
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

/** Build a lab for a scenario: its nodes, with its setup replayed (the checker starts its labs the same way). */
function labFor(sc: ScenarioDTO | null): Lab {
  return startTask({ setup: sc?.setup ?? [], nodes: sc?.nodes });
}

interface Session {
  lab: Lab;
  node: string;
  scenarioId: string | null;
  /** Every command run since the scenario started, failed ones too: the session "Check" judges. */
  answer: string[];
  /** Bumped after every command so the diagram re-reads the lab. */
  rev: number;
}

/** The lab saved in this tab, or a fresh one (for the scenario named in the URL, if any). */
function restore(byId: Map<string, ScenarioDTO>, initialScenario?: string): { session: Session; banner: string | null } {
  const wanted = initialScenario && byId.has(initialScenario) ? initialScenario : null;
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
    if (saved && (!wanted || saved.scenario === wanted)) {
      const lab = restoreLab(saved.lab);
      return {
        session: {
          lab,
          node: lab.nodes.includes(saved.node) ? saved.node : lab.nodes[0],
          scenarioId: saved.scenario && byId.has(saved.scenario) ? saved.scenario : null,
          answer: Array.isArray(saved.answer) ? saved.answer : [],
          rev: 0,
        },
        banner: 'Restored the lab you had open in this tab. Press Reset for a fresh one.',
      };
    }
  } catch {
    /* nothing saved, or saved by an older version: start fresh */
  }
  const sc = wanted ? byId.get(wanted)! : null;
  const lab = labFor(sc);
  return { session: { lab, node: lab.nodes[0], scenarioId: sc?.id ?? null, answer: [], rev: 0 }, banner: null };
}

/**
 * The command lab: a terminal on a simulated engine beside a live CNM diagram. Free
 * play or a guided scenario (a command task of the bank, checked on demand); reset,
 * node switching for swarm scenarios; survives a refresh through sessionStorage.
 */
export function LabApp({ scenarios, initialScenario }: { scenarios: ScenarioDTO[]; initialScenario?: string }) {
  const byId = useMemo(() => new Map(scenarios.map((x) => [x.id, x])), [scenarios]);
  // Rendered client-only (see LabLoader), so the first state can come from sessionStorage.
  const [initial] = useState(() => restore(byId, initialScenario));
  const [session, setSession] = useState<Session>(initial.session);
  const [result, setResult] = useState<CheckState>(null);
  const [showSolution, setShowSolution] = useState(false);
  const term = useRef<TerminalHandle>(null);
  const { lab, node, scenarioId, answer, rev } = session;
  const scenario = scenarioId ? (byId.get(scenarioId) ?? null) : null;

  // Keep the lab in this tab's sessionStorage so a refresh brings it back.
  useEffect(() => {
    const data: Saved = { scenario: scenarioId, node, lab: lab.serialize(), answer };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(data));
    } catch {
      /* storage full or disabled: the lab still works, it just will not survive a refresh */
    }
  }, [lab, node, scenarioId, answer, rev]);

  const start = (id: string | null) => {
    const sc = id ? (byId.get(id) ?? null) : null;
    const fresh = labFor(sc);
    setSession({ lab: fresh, node: fresh.nodes[0], scenarioId: sc?.id ?? null, answer: [], rev: 0 });
    setResult(null);
    setShowSolution(false);
    term.current?.reset(sc ? scenarioBanner(sc) : FREE_BANNER);
    term.current?.focus();
    const url = new URL(window.location.href);
    if (sc) url.searchParams.set('scenario', sc.id);
    else url.searchParams.delete('scenario');
    window.history.replaceState(null, '', url);
  };

  const run = useCallback(
    (line: string): TerminalOutput => {
      const out = lab.run(line, node);
      const recorded = sessionLine(line, node, lab.nodes);
      setSession((cur) => ({ ...cur, answer: [...cur.answer, recorded], rev: cur.rev + 1 }));
      return out;
    },
    [lab, node],
  );

  const complete = useCallback((before: string) => completeLine(lab, before, node), [lab, node]);

  const onCheck = () => {
    if (!scenario) return;
    setResult(check({ setup: scenario.setup, solutions: scenario.solutions, mode: scenario.mode, nodes: scenario.nodes }, answer));
  };

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => toDiagram(lab.view(), node), [lab, node, rev]);
  const nodes = lab.nodes;
  const setNode = (n: string) => setSession((cur) => ({ ...cur, node: n }));

  const groups = useMemo(() => {
    const m = new Map<string, ScenarioDTO[]>();
    for (const sc of scenarios) m.set(sc.deckTitle, [...(m.get(sc.deckTitle) ?? []), sc]);
    return [...m];
  }, [scenarios]);

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
        <button type="button" className="btn" onClick={() => start(scenarioId)}>
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
            <button type="button" className="btn btn--primary" onClick={onCheck}>
              Check my work
            </button>
            <button type="button" className="btn" aria-expanded={showSolution} onClick={() => setShowSolution((v) => !v)}>
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
          complete={complete}
          onCtrlEnter={onCheck}
          prompt={`${node}$ `}
          banner={initial.banner ?? (scenario ? scenarioBanner(scenario) : FREE_BANNER)}
          label="Lab terminal"
        />
        <section className={s.panel} aria-labelledby="diagram-heading">
          <div className={s.taskHead}>
            <h2 id="diagram-heading">Network state</h2>
            <span className={s.muted}>{node}</span>
          </div>
          <LabDiagram model={view} />
        </section>
      </div>
    </div>
  );
}
