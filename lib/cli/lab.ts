/**
 * Lab: an engine (lib/cnm) driven by full shell lines, as a terminal on each node would.
 * Each line advances the lab clock by one second; state is plain data and serializes as JSON.
 */
import { createEngine, restoreEngine, type Controller, type Engine, type EngineView } from '../cnm';
import { runShell, SHELL_BUILTINS, type CommandResult } from './sh';
import { daemonErrorText, runDocker, type DockerHost } from './run';
import { execInContainer, execOnNode } from './exec';
import { parsePromptLine } from './prompt';

export const MAX_LINE = 16_384;
/** Characters of a plain line: none of the shell's (quotes, $, operators, globs, comments). */
const PLAIN_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,:=/@%+-') PLAIN_CHAR[ch.charCodeAt(0)] = 1;

/**
 * The words of a line made only of plain characters, blanks (space, tab) between them; null when
 * the line needs the shell. One pass, no regular expression (this runs for every command).
 */
function plainWords(line: string): string[] | null {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (start >= 0) words.push(line.slice(start, i));
      start = -1;
    } else if (c < 128 && PLAIN_CHAR[c] === 1) {
      if (start < 0) start = i;
    } else return null;
  }
  if (start >= 0) words.push(line.slice(start));
  return words;
}
/** Words the shell implements itself: a plain line starting with one goes through the shell. */
const SHELL_WORDS: ReadonlySet<string> = new Set(SHELL_BUILTINS);

/** What diagrams read: the engine's view. */
export type LabView = EngineView;

export interface Lab {
  /** Node names in order (addresses 10.0.0.11, .12, ...). */
  readonly nodes: string[];
  /** The engine behind the lab (read it through its methods). */
  readonly engine: Engine;
  /** Run one shell line on a node (default: the first). Never throws. */
  run(line: string, node?: string): CommandResult;
  /** A JSON-serialisable picture of the lab for diagrams. */
  view(): LabView;
  /** The whole lab as a string; restoreLab() brings it back. */
  serialize(): string;
}

export class LabImpl implements Lab, DockerHost {
  constructor(readonly engine: Engine) {}
  get nodes(): string[] {
    return this.engine.nodes;
  }
  execIn(ctl: Controller, containerId: string, argv: string[]): CommandResult {
    const c = ctl.node.containers.find((x) => x.id === containerId);
    if (!c) return { stdout: '', stderr: daemonErrorText(`No such container: ${containerId}`), exitCode: 1 };
    return execInContainer(ctl, c, argv);
  }
  /** One program of a shell line. */
  exec(node: string, argv: string[]): CommandResult {
    if (!argv.length) return { stdout: '', stderr: '', exitCode: 0 };
    if (argv[0] === 'docker') return runDocker(this, node, argv);
    return execOnNode(this.engine.daemon(node)!, argv);
  }
  run(line: string, node?: string): CommandResult {
    const target = node ?? this.engine.state.nodes[0].name;
    if (!this.engine.daemon(target)) return { stdout: '', stderr: `unknown node: ${target}\n`, exitCode: 1 };
    if (typeof line !== 'string') return { stdout: '', stderr: 'sh: invalid input\n', exitCode: 2 };
    if (line.length > MAX_LINE) return { stdout: '', stderr: `sh: input line too long (more than ${MAX_LINE} characters)\n`, exitCode: 2 };
    // A pasted prompt (`$ cmd`, or `NODE$ cmd` naming one of the lab's nodes) is read as the checker reads a
    // session line: the command runs here, so the terminal and the verdict see the same thing.
    const prompt = parsePromptLine(line);
    if (prompt && (prompt.node === undefined || this.engine.daemon(prompt.node))) {
      line = prompt.command;
      if (!line) return { stdout: '', stderr: '', exitCode: 0 };
    }
    this.engine.tick();
    try {
      // Fast path: a plain command line without any shell syntax needs no shell parser.
      const argv = plainWords(line);
      if (argv && argv.length && !SHELL_WORDS.has(argv[0])) return this.exec(target, argv);
      return runShell(line, (argv) => this.exec(target, argv), { maxLength: MAX_LINE, maxDepth: 8 });
    } catch (e) {
      return { stdout: '', stderr: `sh: ${(e as Error)?.message ?? 'error'}\n`, exitCode: 2 };
    }
  }
  view(): LabView {
    return this.engine.view();
  }
  serialize(): string {
    return this.engine.serialize();
  }
}

/**
 * Create a lab.
 * @param opts.nodes node names (default ["host"]); @param opts.seed generator seed (default DEFAULT_SEED)
 */
export function createLab(opts: { nodes?: string[]; seed?: number } = {}): Lab {
  return new LabImpl(createEngine(opts));
}

/** Rebuild a lab from serialize()'s output. @throws Error on malformed input */
export function restoreLab(s: string): Lab {
  return new LabImpl(restoreEngine(s));
}
