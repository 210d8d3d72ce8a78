'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { check, completeLine, restoreLab, sessionLine, startTask, type Lab } from '@/lib/cli';
import { Terminal, type TerminalHandle, type TerminalOutput } from '@/components/terminal/Terminal';
import { Markdown } from '@/components/quiz/Markdown';
import { LabDiagram } from './LabDiagram';
import { ScenarioPicker } from './ScenarioPicker';
import { toDiagram } from './diagram-model';
import { FREE_LABS, labKey, parseLabKey, plainPrompt, type LabKey } from './labs';
import type { ScenarioDTO } from './types';
import s from './lab.module.css';
import { plural } from '@/components/ui/format';

const STORAGE_KEY = 'netprep.lab.v2';
const DONE_KEY = 'netprep.lab.done';

/** One lab as kept in this tab: the engine, the node the terminal is on, the commands that worked. */
interface SavedLab {
  lab: string;
  node: string;
  answer: string[];
}

/** Everything the tab keeps: which lab is open, and every free-play lab plus the open scenario's. */
interface Saved {
  open: LabKey;
  labs: Partial<Record<LabKey, SavedLab>>;
}

type CheckState = { correct: boolean; feedback: string[] } | null;

interface Session {
  key: LabKey;
  lab: Lab;
  node: string;
  /** Every command run since the lab started, failed ones too: the session "Check" judges. */
  answer: string[];
  /** Bumped after every command so the diagram re-reads the lab. */
  rev: number;
}

function scenarioBanner(sc: ScenarioDTO): string {
  return `Scenario: ${plainPrompt(sc.prompt)}\n${sc.setup.length ? `(${sc.setup.length} setup command${sc.setup.length > 1 ? 's' : ''} already ran.)` : ''}`;
}

function bannerFor(key: LabKey, byId: Map<string, ScenarioDTO>): string {
  const k = parseLabKey(key);
  if (k.kind === 'free') return FREE_LABS[k.variant].banner;
  const sc = byId.get(k.id);
  return sc ? scenarioBanner(sc) : '';
}

/** A fresh lab: a scenario's nodes with its setup replayed, or a free-play lab with its own set-up. */
function freshLab(key: LabKey, byId: Map<string, ScenarioDTO>): Lab {
  const k = parseLabKey(key);
  const sc = k.kind === 'scenario' ? byId.get(k.id) : undefined;
  // The checker starts its labs the same way (same seed, same setup).
  if (k.kind === 'free') return startTask({ setup: FREE_LABS[k.variant].setup, nodes: FREE_LABS[k.variant].nodes });
  return startTask({ setup: sc?.setup ?? [], nodes: sc?.nodes });
}

function readSaved(): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
    return saved && typeof saved.open === 'string' && saved.labs && typeof saved.labs === 'object' ? saved : null;
  } catch {
    return null; // nothing saved, or saved by an older version: start fresh
  }
}

function sessionFrom(key: LabKey, saved: SavedLab | undefined, byId: Map<string, ScenarioDTO>): { session: Session; restored: boolean } {
  if (saved) {
    try {
      const lab = restoreLab(saved.lab);
      const node = lab.nodes.includes(saved.node) ? saved.node : lab.nodes[0];
      return { session: { key, lab, node, answer: Array.isArray(saved.answer) ? saved.answer : [], rev: 0 }, restored: true };
    } catch {
      /* unreadable: start that lab afresh */
    }
  }
  const lab = freshLab(key, byId);
  return { session: { key, lab, node: lab.nodes[0], answer: [], rev: 0 }, restored: false };
}

function readDone(): Set<string> {
  try {
    const v = JSON.parse(localStorage.getItem(DONE_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Keep a solved scenario in this browser (guests, or when the account could not be reached). */
function rememberLocally(id: string): void {
  try {
    localStorage.setItem(DONE_KEY, JSON.stringify([...readDone().add(id)]));
  } catch {
    /* not remembered across visits; the tick still shows now */
  }
}

/** The lab the URL asks for (?scenario=ID or ?free=swarm), if it names one. */
function wantedKey(byId: Map<string, ScenarioDTO>, initialScenario?: string, initialFree?: string): LabKey | null {
  if (initialScenario && byId.has(initialScenario)) return labKey({ kind: 'scenario', id: initialScenario });
  if (initialFree === 'swarm' || initialFree === 'single') return labKey({ kind: 'free', variant: initialFree });
  return null;
}

/**
 * The command lab: a terminal on a simulated engine above a diagram of the whole lab. Free play
 * (one host, or a swarm of a manager and two workers) or a guided scenario (a command task of
 * the bank, checked on demand). Each free-play lab is kept on its own, so opening a scenario
 * never wipes it; everything survives a refresh through sessionStorage. Scenarios solved are
 * kept in the learner's account (a guest's in this browser, moved into the account at their first signed-in visit).
 */
export function LabApp({
  scenarios,
  initialScenario,
  initialFree,
  solved,
  markDone,
}: {
  scenarios: ScenarioDTO[];
  initialScenario?: string;
  initialFree?: string;
  /** Signed in: scenarios solved, from the account (else ticks live in this browser only). */
  solved?: string[];
  markDone?: (ids: string[]) => Promise<{ ok: true; added: number } | { ok: false; message: string }>;
}) {
  const byId = useMemo(() => new Map(scenarios.map((x) => [x.id, x])), [scenarios]);
  // Rendered client-only (see LabLoader), so the first state can come from sessionStorage.
  const [initial] = useState(() => {
    const saved = readSaved();
    const key = wantedKey(byId, initialScenario, initialFree) ?? saved?.open ?? labKey({ kind: 'free', variant: 'single' });
    const usable = parseLabKey(key).kind === 'free' || byId.has((parseLabKey(key) as { id: string }).id) ? key : labKey({ kind: 'free', variant: 'single' });
    const { session, restored } = sessionFrom(usable, saved?.labs[usable], byId);
    return { session, labs: saved?.labs ?? {}, banner: restored ? 'Restored the lab you had open in this tab. Press Reset for a fresh one.' : bannerFor(usable, byId) };
  });
  const [session, setSession] = useState<Session>(initial.session);
  // Labs not on screen (free-play labs while a scenario is open, and the other way round).
  const others = useRef<Partial<Record<LabKey, SavedLab>>>(initial.labs);
  const [result, setResult] = useState<CheckState>(null);
  const [showSolution, setShowSolution] = useState(false);
  const [done, setDone] = useState<Set<string>>(() => new Set([...(solved ?? []), ...readDone()]));
  // Signed in: ticks a guest left in this browser move into the account once, then leave the browser.
  useEffect(() => {
    if (!markDone) return;
    const local = [...readDone()];
    if (local.length === 0) return;
    void markDone(local).then(
      (res) => {
        if (res.ok) localStorage.removeItem(DONE_KEY);
      },
      () => undefined,
    );
  }, [markDone]);
  const term = useRef<TerminalHandle>(null);
  const { key, lab, node, answer, rev } = session;
  const current = parseLabKey(key);
  const scenario = current.kind === 'scenario' ? (byId.get(current.id) ?? null) : null;

  // Keep the labs in this tab's sessionStorage so a refresh brings them back. Only free-play
  // labs and the open one are kept (an abandoned scenario restarts from its setup).
  useEffect(() => {
    const labs: Partial<Record<LabKey, SavedLab>> = {};
    for (const [k, v] of Object.entries(others.current) as [LabKey, SavedLab][]) if (parseLabKey(k).kind === 'free') labs[k] = v;
    labs[key] = { lab: lab.serialize(), node, answer };
    others.current = labs;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ open: key, labs } satisfies Saved));
    } catch {
      /* storage full or disabled: the lab still works, it just will not survive a refresh */
    }
  }, [key, lab, node, answer, rev]);

  /** Open a lab: the kept one when there is one (fresh = false), else a fresh one. */
  const open = (next: LabKey, fresh: boolean) => {
    const kept = fresh ? undefined : others.current[next];
    const { session: s2, restored } = sessionFrom(next, kept, byId);
    setSession(s2);
    setResult(null);
    setShowSolution(false);
    const leaving = parseLabKey(key);
    const note = leaving.kind === 'free' && next !== key ? `\n(Your ${FREE_LABS[leaving.variant].title.toLowerCase()} lab is kept: choose it again to carry on.)` : '';
    term.current?.reset((restored ? `Back to the lab you left.\n${bannerFor(next, byId)}` : bannerFor(next, byId)) + note);
    term.current?.focus();
    const url = new URL(window.location.href);
    const k = parseLabKey(next);
    url.searchParams.delete('scenario');
    url.searchParams.delete('free');
    if (k.kind === 'scenario') url.searchParams.set('scenario', k.id);
    else if (k.variant !== 'single') url.searchParams.set('free', k.variant);
    window.history.replaceState(null, '', url);
  };

  const reset = () => {
    if (current.kind === 'free' && answer.length > 0 && !window.confirm(`Start the ${FREE_LABS[current.variant].title.toLowerCase()} lab afresh? The ${plural(answer.length, 'command')} you ran will be lost.`)) return;
    open(key, true);
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
    const r = check({ setup: scenario.setup, solutions: scenario.solutions, mode: scenario.mode, nodes: scenario.nodes, columns: scenario.columns }, answer);
    setResult(r);
    if (r.correct && !done.has(scenario.id)) {
      const next = new Set(done).add(scenario.id);
      setDone(next);
      if (markDone) {
        // Kept in the account; if that fails, in this browser (sent again at the next visit).
        void markDone([scenario.id]).then(
          (res) => (res.ok ? undefined : rememberLocally(scenario.id)),
          () => rememberLocally(scenario.id),
        );
      } else rememberLocally(scenario.id);
    }
  };

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => toDiagram(lab.view(), node), [lab, node, rev]);
  const nodes = lab.nodes;
  const setNode = (n: string) => setSession((cur) => ({ ...cur, node: n }));
  const title = current.kind === 'free' ? `Free play: ${FREE_LABS[current.variant].title}` : scenario ? plainPrompt(scenario.prompt) : 'Scenario';

  return (
    <div className={s.app}>
      <div className={s.toolbar}>
        <div className={s.current}>
          <span className={s.currentLabel}>{current.kind === 'free' ? 'Lab' : 'Scenario'}</span>
          <span className={s.currentTitle}>{title}</span>
        </div>
        <ScenarioPicker scenarios={scenarios} done={done} openKey={key} onOpen={(k) => open(k, false)} />
        {nodes.length > 1 && (
          <div className={s.nodes} role="radiogroup" aria-label="Node">
            {nodes.map((n) => (
              <button key={n} type="button" role="radio" aria-checked={n === node} className={s.nodeBtn} onClick={() => setNode(n)}>
                {n}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="btn" onClick={reset}>
          Reset
        </button>
      </div>

      {scenario && (
        <section className={s.task} aria-labelledby="task-heading">
          <div className={s.taskHead}>
            <h2 id="task-heading">Task{done.has(scenario.id) && <span className={s.doneTag}> · done before</span>}</h2>
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
                <strong>{!result.correct ? 'Not yet.' : scenario.mode === 'output' ? 'Correct — a command printed what the task asks for.' : 'Correct — the engine ended up in the expected state.'}</strong>
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
        <Terminal ref={term} run={run} complete={complete} onCtrlEnter={onCheck} prompt={`${node}$ `} banner={initial.banner} label="Lab terminal" />
        <section className={s.panel} aria-labelledby="diagram-heading">
          <div className={s.taskHead}>
            <h2 id="diagram-heading">Network state</h2>
          </div>
          <LabDiagram model={view} onPickNode={nodes.length > 1 ? setNode : undefined} />
        </section>
      </div>
    </div>
  );
}
