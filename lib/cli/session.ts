/**
 * Sessions: what a learner typed, in order, on which node. The live lab, the quiz terminal, the
 * transcript mode and the checker all start a task the same way (startTask: same seed, same
 * setup) and write/read session lines the same way ("node$ cmd" for any node but the first).
 */
import { DEFAULT_SEED } from '../cnm';
import { createLab, type LabImpl } from './lab';
import type { CommandResult } from './sh';
import { parsePromptLine } from './prompt';

/** What a command task needs to start a lab. */
export interface TaskStart {
  setup: string[];
  nodes?: string[];
}

/** One command of a session and what it printed. */
export interface SessionStep extends CommandResult {
  node: string;
  command: string;
}

/**
 * A session line split into node and command: `node$ cmd` runs on node (when it is one of the
 * lab's nodes), `$ cmd` and a bare line on the first node. null for blank and `#` comment lines.
 */
export function splitSessionLine(line: string, nodes: readonly string[]): { node: string; command: string } | null {
  const t = String(line).trim();
  if (!t || t.startsWith('#')) return null;
  const p = parsePromptLine(t);
  if (p && (p.node === undefined || nodes.includes(p.node))) {
    return p.command ? { node: p.node ?? nodes[0], command: p.command } : null;
  }
  return { node: nodes[0], command: t };
}

/** How a command typed on `node` is recorded: prefixed with its node when the lab has several. */
export function sessionLine(command: string, node: string, nodes: readonly string[]): string {
  return nodes.length > 1 ? `${node}$ ${command}` : command;
}

/** A fresh lab for a task: its nodes, the seed (default DEFAULT_SEED), its setup already run. */
export function startTask(task: TaskStart, seed: number = DEFAULT_SEED): LabImpl {
  const lab = createLab({ nodes: task.nodes?.length ? task.nodes : undefined, seed }) as LabImpl;
  for (const l of (task.setup ?? []).slice(0, MAX_SESSION)) {
    const s = splitSessionLine(l, lab.nodes);
    if (s) lab.run(s.command, s.node);
  }
  return lab;
}

/** Most commands of one session the checker replays. */
export const MAX_SESSION = 1000;

/** Run session lines on a lab, in order; every command's result. */
export function replaySession(lab: LabImpl, lines: readonly string[]): SessionStep[] {
  const steps: SessionStep[] = [];
  for (const l of lines.slice(0, MAX_SESSION)) {
    const s = splitSessionLine(String(l), lab.nodes);
    if (!s) continue;
    steps.push({ ...s, ...lab.run(s.command, s.node) });
  }
  return steps;
}
