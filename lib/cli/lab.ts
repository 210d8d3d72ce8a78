/**
 * Lab: a set of named nodes with one Controller each, driven by full shell lines.
 * Each line advances the lab clock by one second; state is plain data and serializes as JSON.
 */
import { Controller } from '../cnm/controller';
import { World, newWorldState, type WorldState } from '../cnm/world';
import { runShell, type CommandResult } from './infra';
import { runDocker, type DockerHost } from './run';
import { execInContainer, execOnNode } from './exec';
import { buildView, type LabView } from './view';

export const MAX_LINE = 16_384;
/** Lines with none of the shell's special characters (quotes, $, operators, globs, comments). */
const PLAIN = /^[A-Za-z0-9_.,:=/@%+\- \t]*$/;
/** Words the shell implements itself. */
const SHELL_WORDS = new Set(['echo', 'true', 'false', ':', 'cat', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'xargs', 'sleep', 'clear', 'export', 'tr']);

export interface Lab {
  /** Node names in order (addresses 10.0.0.11, .12, ...). */
  readonly nodes: string[];
  /** Run one shell line on a node (default: the first). Never throws. */
  run(line: string, node?: string): CommandResult;
  /** A JSON-serialisable picture of the lab for diagrams. */
  view(): LabView;
  /** The whole lab as a string; restoreLab() brings it back. */
  serialize(): string;
}

export class LabImpl implements Lab, DockerHost {
  readonly world: World;
  private ctls = new Map<string, Controller>();
  constructor(state: WorldState) {
    this.world = new World(state);
    for (const n of state.nodes) {
      const c = new Controller(this.world, n);
      c.bootstrap();
      this.ctls.set(n.name, c);
    }
  }
  get nodes(): string[] {
    return this.world.state.nodes.map((n) => n.name);
  }
  controllerFor(node: string): Controller | null {
    return this.ctls.get(node) ?? null;
  }
  execIn(ctl: Controller, containerId: string, argv: string[]): CommandResult {
    const c = ctl.node.containers.find((x) => x.id === containerId);
    if (!c) return { stdout: '', stderr: `Error response from daemon: No such container: ${containerId}\n`, exitCode: 1 };
    return execInContainer(ctl, c, argv);
  }
  /** One program of a shell line. */
  exec(node: string, argv: string[]): CommandResult {
    if (!argv.length) return { stdout: '', stderr: '', exitCode: 0 };
    if (argv[0] === 'docker') return runDocker(this, node, argv);
    const ctl = this.ctls.get(node)!;
    return execOnNode(ctl, argv);
  }
  run(line: string, node?: string): CommandResult {
    const target = node ?? this.world.state.nodes[0].name;
    if (!this.ctls.has(target)) return { stdout: '', stderr: `unknown node: ${target}\n`, exitCode: 1 };
    if (typeof line !== 'string') return { stdout: '', stderr: 'sh: invalid input\n', exitCode: 2 };
    if (line.length > MAX_LINE) return { stdout: '', stderr: `sh: input line too long (more than ${MAX_LINE} characters)\n`, exitCode: 2 };
    this.world.tick();
    try {
      // Fast path: a plain command line without any shell syntax needs no shell parser.
      if (PLAIN.test(line)) {
        const argv = line.split(/[ \t]+/).filter(Boolean);
        if (argv.length && !SHELL_WORDS.has(argv[0])) return this.exec(target, argv);
      }
      return runShell(line, (argv) => this.exec(target, argv), { maxLength: MAX_LINE, maxDepth: 8 });
    } catch (e) {
      return { stdout: '', stderr: `sh: ${(e as Error)?.message ?? 'error'}\n`, exitCode: 2 };
    }
  }
  view(): LabView {
    return buildView(this);
  }
  serialize(): string {
    return JSON.stringify(this.world.sync());
  }
}

/**
 * Create a lab.
 * @param opts.nodes node names (default ["host"]); @param opts.seed generator seed (default 1)
 */
export function createLab(opts: { nodes?: string[]; seed?: number } = {}): Lab {
  const nodes = opts.nodes?.length ? [...new Set(opts.nodes.map((n) => n.trim()).filter(Boolean))] : ['host'];
  return new LabImpl(newWorldState(nodes.length ? nodes : ['host'], opts.seed ?? 1));
}

/** Rebuild a lab from serialize()'s output. @throws Error on malformed input */
export function restoreLab(s: string): Lab {
  const state = JSON.parse(s) as WorldState;
  if (!state || state.v !== 1 || !Array.isArray(state.nodes)) throw new Error('not a serialized lab');
  return new LabImpl(state);
}
