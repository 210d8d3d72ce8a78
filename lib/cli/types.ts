/** Shapes shared by the docker front end: command definitions and the context they run in. */
import type { Controller, Engine, World } from '../cnm';
import type { FlagSpec, FlagValue } from './flags';

export type { CommandResult } from './sh';

/** Positional-argument rule of a command (docker/cli cli/required.go). */
export type ArgRule =
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'none' }
  | { kind: 'any' };

/** What a command sees while it runs. */
export interface CommandContext {
  /** the whole engine (swarm operations, inspect views) and the node the command addresses */
  engine: Engine;
  node: string;
  world: World;
  /** the addressed node's daemon */
  ctl: Controller;
  /** stdout and stderr buffers */
  out: string[];
  err: string[];
  /** exit code when no error is thrown (some commands partially fail: rm of several networks) */
  exitCode: number;
  /** the node a `docker` command addresses, and controllers of other nodes */
  controllerFor(node: string): Controller | null;
  /** report a daemon error for one argument and go on (formatted by lib/cli/run.ts); callers set exitCode */
  daemonError(message: string): void;
  /** run a program inside a container (docker exec / docker run CMD) */
  execIn(ctl: Controller, containerId: string, argv: string[]): { stdout: string; stderr: string; exitCode: number };
}

export type Flags = Record<string, FlagValue>;

/** One subcommand file's export: parse argv into options, then run against the controller. */
export interface CommandDef {
  /** command path without "docker", e.g. "network create" */
  path: string;
  /** other paths for the same command ("network remove", "container run") */
  aliases?: string[];
  /** usage line after "docker " */
  use: string;
  short: string;
  flags: FlagSpec[];
  args: ArgRule;
  /** false: flags stop at the first positional (docker run IMAGE CMD ARGS) */
  interspersed?: boolean;
  /** CLI-side errors of run/create are reported as "docker: ..." with exit 125 */
  daemonErrorStyle?: 'plain' | 'run';
  run(ctx: CommandContext, flags: Flags, args: string[]): void;
}

/** Docker's stderr line for a daemon error (the one place this wording is produced; run.ts applies it to errors). */
export function daemonErrorText(message: string, tail = '\n'): string {
  return `Error response from daemon: ${message}${tail}`;
}

/** A client-side error (before the daemon is asked): printed as-is, exit 1. */
export class CliError extends Error {
  readonly kind = 'bad-request' as const;
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
