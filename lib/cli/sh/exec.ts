/** Execution: lists, pipelines, word expansion (shell-quote), redirections, and dispatch to an applet or `exec`. */
import parseWords from 'shell-quote/parse';
import { clip, fail, ok, type CommandResult, type Ctx } from './result';
import { SUB_PREFIX, type ListNode, type Pipeline, type SimpleCommand } from './parse';

export function addStderr(ctx: Ctx, text: string): void {
  if (text === '' || ctx.stderrSize >= ctx.maxOutput) return;
  const t = clip(text, ctx.maxOutput - ctx.stderrSize);
  ctx.stderr.push(t);
  ctx.stderrSize += t.length;
}

export function runList(list: ListNode, ctx: Ctx): { stdout: string; exitCode: number } {
  let out = '';
  let last = Number(ctx.env['?'] ?? '0');
  for (const { op, pipeline } of list.items) {
    if (op === '&&' && last !== 0) continue;
    if (op === '||' && last === 0) continue;
    const r = runPipeline(pipeline, ctx);
    last = r.exitCode;
    ctx.env['?'] = String(last);
    if (out.length < ctx.maxOutput) out += clip(r.stdout, ctx.maxOutput - out.length);
  }
  return { stdout: out, exitCode: last };
}

function runPipeline(p: Pipeline, ctx: Ctx): { stdout: string; exitCode: number } {
  let stdin = '';
  let exitCode = 0;
  for (const cmd of p.commands) {
    const r = runCommand(cmd, stdin, ctx);
    stdin = r.stdout;
    exitCode = r.exitCode;
  }
  return { stdout: stdin, exitCode };
}

export const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

const ASSIGNMENT_RAW = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** A raw word with no quoting, escapes, expansions or glob characters is its own value. */
const PLAIN_WORD = /^[^'"$\\*?#`]+$/;

/** A `$NAME` for shell-quote: substitution placeholders, `$$`, then shell variables. */
function lookupVar(key: string, values: string[], ctx: Ctx): string | undefined {
  if (key.startsWith(SUB_PREFIX)) return values[Number(key.slice(SUB_PREFIX.length))] ?? '';
  if (key === '$') return '1';
  // undefined makes shell-quote expand an unknown name to '' and keep a lone '$' (as in "a$").
  return Object.prototype.hasOwnProperty.call(ctx.env, key) ? ctx.env[key] : undefined;
}

/** A raw word unquoted, with `$NAME` kept as written and a substitution shown as `$(...)` (nothing runs). */
export function unquoteWord(raw: string): string {
  if (PLAIN_WORD.test(raw)) return raw;
  try {
    const entries = parseWords(raw, (key: string) => (key.startsWith(SUB_PREFIX) ? '$(...)' : `$${key}`));
    return entries.map((e) => (typeof e === 'string' ? e : 'pattern' in e ? e.pattern : 'comment' in e ? `#${e.comment}` : String(e.op))).join(' ');
  } catch {
    return raw;
  }
}

function expandWords(cmd: SimpleCommand, ctx: Ctx): string[] | CommandResult {
  const values: string[] = [];
  for (const sub of cmd.subs) {
    const r = runList(sub, ctx);
    values.push(r.stdout.replace(/\n+$/, ''));
  }
  const words: string[] = [];
  let size = 0;
  // Assignment words (leading ones, and the arguments of `export`) are not field-split, as in bash.
  let assignments = true;
  const isExport = cmd.words[0] === 'export';
  for (const rawWord of cmd.words) {
    const assignment = ASSIGNMENT_RAW.test(rawWord) && (assignments || isExport);
    if (!ASSIGNMENT_RAW.test(rawWord)) assignments = false;
    if (PLAIN_WORD.test(rawWord)) {
      // Fast path: nothing to unquote or expand (most docker arguments).
      size += rawWord.length + 1;
      if (size > ctx.maxOutput) return fail('bash: argument list too long', 126);
      words.push(rawWord);
      continue;
    }
    let entries: ReturnType<typeof parseWords>;
    try {
      entries = parseWords(rawWord, (key: string) => lookupVar(key, values, ctx), { splitUnquoted: !assignment });
    } catch (e) {
      // shell-quote rejects `${}` and an unterminated `${`.
      const what = e instanceof Error ? e.message.replace(/^Bad substitution: /, '') : rawWord;
      return fail(`bash: ${what}: bad substitution`, 1);
    }
    for (const e of entries) {
      let w: string;
      if (typeof e === 'string') w = e;
      else if ('pattern' in e) w = e.pattern;
      else if ('comment' in e) break;
      else return fail(`bash: syntax error near unexpected token \`${'op' in e ? String(e.op) : '?'}'`, 2);
      size += w.length + 1;
      if (size > ctx.maxOutput) return fail('bash: argument list too long', 126);
      words.push(w);
    }
  }
  return words;
}

function runCommand(cmd: SimpleCommand, stdin: string, ctx: Ctx): CommandResult {
  const expanded = expandWords(cmd, ctx);
  if (!Array.isArray(expanded)) {
    addStderr(ctx, expanded.stderr);
    return expanded;
  }
  let words = expanded;
  // Leading NAME=value words: alone they set shell variables; before a command they only scope to it (ignored).
  let i = 0;
  while (i < words.length && ASSIGNMENT.test(words[i])) i++;
  let result: CommandResult;
  if (i === words.length) {
    for (const w of words) {
      const m = ASSIGNMENT.exec(w)!;
      ctx.env[m[1]] = m[2];
    }
    result = words.length === 0 && cmd.subs.length > 0 ? { stdout: '', stderr: '', exitCode: Number(ctx.env['?'] ?? 0) } : ok();
  } else {
    words = words.slice(i);
    result = dispatch(words, stdin, ctx);
  }
  let { stdout, stderr } = result;
  for (const r of cmd.redirects) {
    if (r.target === '/dev/null') {
      if (r.fd === 1 || r.fd === 'both') stdout = '';
      if (r.fd === 2 || r.fd === 'both') stderr = '';
    } else if (r.fd === 2 && r.target === '&1') {
      stdout += stderr;
      stderr = '';
    } else if (r.fd === 1 && r.target === '&2') {
      stderr += stdout;
      stdout = '';
    }
  }
  addStderr(ctx, stderr);
  return { stdout: clip(stdout, ctx.maxOutput), stderr: '', exitCode: result.exitCode };
}

export function dispatch(argv: string[], stdin: string, ctx: Ctx): CommandResult {
  const builtin = Object.prototype.hasOwnProperty.call(ctx.applets, argv[0]) ? ctx.applets[argv[0]] : undefined;
  if (builtin) {
    const r = builtin(argv.slice(1), stdin, ctx);
    if (r) return r;
  }
  try {
    const r = ctx.exec(argv, stdin);
    return { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), exitCode: Number.isInteger(r.exitCode) ? r.exitCode : 1 };
  } catch (e) {
    return fail(`bash: ${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
}
