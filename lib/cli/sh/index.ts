/**
 * The shell layer of the lab terminal: one input line -> one `CommandResult`, like `bash -c LINE`.
 *
 * Lifecycle: `runShell(line, exec)` first parses the whole line (syntax errors are reported before anything runs,
 * as bash does), then runs it: lists (`;`, `&&`, `||`), pipelines (`|`), command substitution (`$(...)` and
 * backticks, nested), simple redirections to /dev/null, shell variables (`X=1`, `$X`, `$?`, kept across lines when
 * the caller passes `opts.env`), and a few built-in text filters learners pipe docker output into (`grep`, `head`,
 * `tail`, `wc`, `sort`, `uniq`, `cut`, `awk '{print $N}'`, `xargs`, `echo`, `cat`, `true`, `false`, `sleep`).
 * Any other program goes to `exec(argv, stdin)`, which the engine implements (docker, ping, curl, ...).
 *
 * Words are split and unquoted by the `shell-quote` library; this module finds operators, comments and
 * substitutions itself so that quoting is honoured everywhere. It never throws and never loops unboundedly:
 * input length, substitution depth, output size and argument size are capped (see `ShellOptions`).
 * Regular expressions (grep -E, awk /re/) run on a small Thompson-NFA matcher, so no pattern can backtrack
 * exponentially.
 */
import { APPLETS } from './applets';
import { addStderr, runList, unquoteWord } from './exec';
import { Parser, ShellSyntaxError, type ListNode } from './parse';
import { fail, SHELL_DEFAULTS, type CommandResult, type Ctx, type ExecFn, type ShellOptions } from './result';

export { SHELL_BUILTINS, SHELL_DEFAULTS, type CommandResult, type ExecFn, type ShellOptions } from './result';

/**
 * Runs one shell line.
 * @param line what the learner typed (one line; embedded newlines separate commands like `;`)
 * @param exec runs a program that is not built in, synchronously
 * @param opts limits and shell variables (see `ShellOptions`)
 * @returns the combined stdout and stderr and the exit code of the last command; never throws
 */
export function runShell(line: string, exec: ExecFn, opts: ShellOptions = {}): CommandResult {
  const maxLength = opts.maxLength ?? SHELL_DEFAULTS.maxLength;
  const maxDepth = opts.maxDepth ?? SHELL_DEFAULTS.maxDepth;
  const maxOutput = opts.maxOutput ?? SHELL_DEFAULTS.maxOutput;
  const env = opts.env ?? {};
  const finish = (r: CommandResult): CommandResult => {
    env['?'] = String(r.exitCode);
    return r;
  };
  try {
    if (typeof line !== 'string') return finish(fail('bash: input is not text', 2));
    if (line.length > maxLength) return finish(fail(`bash: input line too long (${line.length} characters; the limit is ${maxLength})`, 2));
    let list: ListNode;
    try {
      const p = new Parser(line.replace(/\r\n?/g, '\n'), maxDepth);
      list = p.parseList(0, false);
    } catch (e) {
      if (e instanceof ShellSyntaxError) return finish(fail(e.message, e.exitCode));
      throw e;
    }
    if (list.items.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    const ctx: Ctx = { exec, applets: APPLETS, env, maxOutput, stderr: [], stderrSize: 0 };
    const r = runList(list, ctx);
    let stdout = r.stdout;
    if (stdout.length >= maxOutput) {
      stdout = stdout.slice(0, maxOutput);
      addStderr(ctx, `bash: output truncated at ${maxOutput} characters\n`);
    }
    return finish({ stdout, stderr: ctx.stderr.join(''), exitCode: r.exitCode });
  } catch (e) {
    // Defensive: a bug here must not take the lab down.
    return finish(fail(`bash: internal error: ${e instanceof Error ? e.message : String(e)}`, 1));
  }
}

/**
 * Syntax-checks a line without running anything (for `validateCommand`).
 * @returns null when the line parses, or bash's error message
 */
export function checkShellSyntax(line: string, opts: Pick<ShellOptions, 'maxLength' | 'maxDepth'> = {}): string | null {
  const maxLength = opts.maxLength ?? SHELL_DEFAULTS.maxLength;
  if (line.length > maxLength) return `bash: input line too long (${line.length} characters; the limit is ${maxLength})`;
  try {
    new Parser(line.replace(/\r\n?/g, '\n'), opts.maxDepth ?? SHELL_DEFAULTS.maxDepth).parseList(0, false);
    return null;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message;
    return 'bash: internal error';
  }
}

/**
 * The words of a line's first simple command, unquoted, with `$NAME` and `$(...)` left as written:
 * how the shell splits the line, without expanding or running anything (for reading command lines
 * in content). A line that does not parse is split at blanks.
 */
export function lineWords(line: string): string[] {
  let list: ListNode;
  try {
    list = new Parser(line.replace(/\r\n?/g, '\n'), SHELL_DEFAULTS.maxDepth).parseList(0, false);
  } catch {
    return line.trim().split(/\s+/).filter(Boolean);
  }
  const cmd = list.items[0]?.pipeline.commands[0];
  if (!cmd) return [];
  return cmd.words.map(unquoteWord);
}
