/** What a command produces, the limits a line runs under, and the context commands share while it runs. */

/** What one command (or a whole line) produced. */
export type CommandResult = { stdout: string; stderr: string; exitCode: number };

/** Runs one external program synchronously. */
export type ExecFn = (argv: string[], stdin: string) => CommandResult;

/** Bounds and state for `runShell`. */
export type ShellOptions = {
  /** Longest accepted input line in characters (default 65,536). */
  maxLength?: number;
  /** Deepest nesting of `$(...)`/backticks (default 8). */
  maxDepth?: number;
  /** Largest stdout of any command, pipe or the whole line in characters (default 1,048,576). */
  maxOutput?: number;
  /** Shell variables; read and updated in place (assignments, `$?`), so a caller can keep them across lines. */
  env?: Record<string, string>;
};

export const SHELL_DEFAULTS = { maxLength: 65_536, maxDepth: 8, maxOutput: 1_048_576 } as const;

/** Names of the programs `runShell` implements itself (everything else goes to `exec`). */
export const SHELL_BUILTINS = [
  'echo', 'true', 'false', ':', 'cat', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk',
  'xargs', 'sleep', 'clear', 'export', 'tr', 'sudo',
] as const;

/** What the commands of one line share: the external-program runner, shell variables, limits, stderr so far, the applets. */
export type Ctx = {
  exec: ExecFn;
  /** The built-in programs (sh/applets), passed in by runShell so execution does not import them. */
  applets: Readonly<Record<string, AppletFn>>;
  env: Record<string, string>;
  maxOutput: number;
  stderr: string[];
  stderrSize: number;
};

export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode });

export function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** A built-in program; null hands the command to `exec` instead (e.g. `cat FILE`). */
export type AppletFn = (args: string[], stdin: string, ctx: Ctx) => CommandResult | null;
