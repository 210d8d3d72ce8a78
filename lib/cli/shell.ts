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
import parseWords from 'shell-quote/parse';

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

// ---------------------------------------------------------------------------------------------------------------
// Syntax tree

type Redirect = { fd: 1 | 2 | 'both'; target: '/dev/null' | '&1' | '&2' };
/** `words` are raw (still quoted) words; substitutions inside them are `${__NETPREP_SUB_<n>}` placeholders. */
type SimpleCommand = { words: string[]; subs: ListNode[]; redirects: Redirect[] };
type Pipeline = { commands: SimpleCommand[] };
type ListNode = { items: { op: ';' | '&&' | '||'; pipeline: Pipeline }[] };

class ShellSyntaxError extends Error {
  readonly kind = 'bad-request' as const;
  override readonly name = 'ShellSyntaxError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const SUB_PREFIX = '__NETPREP_SUB_';

/** Recursive-descent parser over the raw line. */
class Parser {
  pos = 0;
  constructor(
    readonly src: string,
    readonly maxDepth: number,
  ) {}

  /** Parses a list until end of input, or until an unmatched `)` when `inSub`. */
  parseList(depth: number, inSub: boolean): ListNode {
    const items: ListNode['items'] = [];
    let op: ';' | '&&' | '||' = ';';
    for (;;) {
      const pipeline = this.parsePipeline(depth, inSub);
      const t = this.peekOperator();
      if (pipeline === null) {
        if (t === null || (t === ')' && inSub)) {
          // Nothing after the last separator: fine after ';' (or at the very start), an error after && / ||.
          if (op !== ';') {
            if (t === ')') throw this.unexpected(')');
            this.eofError(inSub);
          }
          break;
        }
        throw this.unexpected(t);
      }
      items.push({ op, pipeline });
      if (t === null || (t === ')' && inSub)) break;
      if (t === ';' || t === '\n' || t === '&&' || t === '||') {
        this.pos += t.length;
        op = t === '\n' ? ';' : t;
        continue;
      }
      throw this.unexpected(t);
    }
    return { items };
  }

  private eofError(inSub: boolean): never {
    if (inSub) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `)'");
    throw new ShellSyntaxError('bash: syntax error: unexpected end of file');
  }

  private unexpected(token: string): ShellSyntaxError {
    return new ShellSyntaxError(`bash: syntax error near unexpected token \`${token === '\n' ? 'newline' : token}'`);
  }

  /** The operator at `pos` (after blanks), or null at end of input. */
  private peekOperator(): string | null {
    while (this.pos < this.src.length && (this.src[this.pos] === ' ' || this.src[this.pos] === '\t')) this.pos++;
    if (this.pos >= this.src.length) return null;
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;' || two === '|&') return two;
    return this.src[this.pos];
  }

  private parsePipeline(depth: number, inSub: boolean): Pipeline | null {
    const commands: SimpleCommand[] = [];
    for (;;) {
      const cmd = this.parseCommand(depth);
      if (cmd === null) {
        if (commands.length === 0) return null;
        const t = this.peekOperator();
        if (t === null || (t === ')' && inSub)) this.eofError(inSub);
        throw this.unexpected(t);
      }
      commands.push(cmd);
      const t = this.peekOperator();
      if (t === '|') {
        this.pos++;
        continue;
      }
      if (t === '|&') throw new ShellSyntaxError("bash: '|&' is not supported in this lab; use '2>&1 |'", 2);
      return { commands };
    }
  }

  /** One simple command; null when no word was found before an operator or the end. */
  private parseCommand(depth: number): SimpleCommand | null {
    const s = this.src;
    let raw = '';
    const words: string[] = [];
    const subs: ListNode[] = [];
    const redirects: Redirect[] = [];
    let hasWord = false;
    let atWordStart = true;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') {
        if (raw !== '') words.push(raw);
        raw = '';
        this.pos++;
        atWordStart = true;
        continue;
      }
      if (c === '\n' || c === ';' || c === '|' || (c === '&' && s[this.pos + 1] === '&') || c === ')') break;
      if (c === '(') {
        if (atWordStart && !hasWord) throw new ShellSyntaxError("bash: subshells '( ... )' are not supported in this lab", 2);
        throw this.unexpected('(');
      }
      if (c === '#' && atWordStart) {
        // A comment runs to the end of the line.
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl;
        continue;
      }
      // Redirections: only to /dev/null and between stdout/stderr.
      if ((c === '>' || c === '<' || c === '&' || ((c === '1' || c === '2') && s[this.pos + 1] === '>')) && atWordStart) {
        const redir = /^(?:([12]?)>|&>)/.exec(s.slice(this.pos, this.pos + 3));
        if (c === '<') throw new ShellSyntaxError('bash: input redirection is not supported in this lab', 1);
        if (c === '&' && s[this.pos + 1] !== '>') {
          throw new ShellSyntaxError('bash: background jobs (&) are not supported in this lab', 1);
        }
        if (redir) {
          this.pos += redir[0].length;
          if (s[this.pos] === '>') throw new ShellSyntaxError('bash: appending to files is not supported in this lab', 1);
          const fd: Redirect['fd'] = redir[0] === '&>' ? 'both' : redir[1] === '2' ? 2 : 1;
          while (s[this.pos] === ' ' || s[this.pos] === '\t') this.pos++;
          const m = /^(\/dev\/null|&1|&2)(?=$|[\s;|&)])/.exec(s.slice(this.pos));
          if (!m) {
            const target = /^[^\s;|&)]*/.exec(s.slice(this.pos))![0];
            if (target === '') throw this.unexpected(this.peekOperator() ?? 'newline');
            throw new ShellSyntaxError(`bash: ${target}: redirection to files is not supported in this lab`, 1);
          }
          this.pos += m[0].length;
          redirects.push({ fd, target: m[1] as Redirect['target'] });
          if (raw !== '') words.push(raw);
          raw = '';
          atWordStart = true;
          continue;
        }
      }
      if (c === '>' || c === '<') throw new ShellSyntaxError('bash: redirection is only supported at the start of a word', 1);
      if (c === '&') throw new ShellSyntaxError('bash: background jobs (&) are not supported in this lab', 1);
      hasWord = true;
      atWordStart = false;
      if (c === '#') {
        raw += '\\#';
        this.pos++;
      } else if (c === '\\') {
        raw += s.slice(this.pos, this.pos + 2);
        this.pos += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `''");
        raw += s.slice(this.pos, end + 1);
        this.pos = end + 1;
      } else if (c === '"') {
        raw += '"';
        this.pos++;
        for (;;) {
          if (this.pos >= s.length) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching `"\'');
          const d = s[this.pos];
          if (d === '"') {
            raw += '"';
            this.pos++;
            break;
          }
          if (d === '\\') {
            raw += s.slice(this.pos, this.pos + 2);
            this.pos += 2;
          } else if (d === '$' && s[this.pos + 1] === '(') {
            raw += '${' + SUB_PREFIX + (subs.push(this.parseSubstitution(depth)) - 1) + '}';
          } else if (d === '`') {
            raw += '${' + SUB_PREFIX + (subs.push(this.parseBackticks(depth)) - 1) + '}';
          } else {
            raw += d;
            this.pos++;
          }
        }
      } else if (c === '$' && s[this.pos + 1] === '(') {
        raw += '${' + SUB_PREFIX + (subs.push(this.parseSubstitution(depth)) - 1) + '}';
      } else if (c === '`') {
        raw += '${' + SUB_PREFIX + (subs.push(this.parseBackticks(depth)) - 1) + '}';
      } else {
        raw += c;
        this.pos++;
      }
    }
    if (raw !== '') words.push(raw);
    if (!hasWord && redirects.length === 0) return null;
    return { words, subs, redirects };
  }

  private checkDepth(depth: number): void {
    if (depth + 1 > this.maxDepth) {
      throw new ShellSyntaxError(`bash: command substitution nested too deeply (more than ${this.maxDepth} levels)`, 2);
    }
  }

  /** At `$(`: parses up to the matching `)`. */
  private parseSubstitution(depth: number): ListNode {
    if (this.src[this.pos + 2] === '(') throw new ShellSyntaxError('bash: arithmetic expansion $((...)) is not supported in this lab', 1);
    this.checkDepth(depth);
    this.pos += 2;
    const list = this.parseList(depth + 1, true);
    if (this.src[this.pos] !== ')') throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `)'");
    this.pos++;
    return list;
  }

  /** At a backtick: the text up to the next unescaped backtick is parsed as its own line. */
  private parseBackticks(depth: number): ListNode {
    this.checkDepth(depth);
    const s = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (;;) {
      if (i >= s.length) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching ``'");
      if (s[i] === '\\' && (s[i + 1] === '`' || s[i + 1] === '\\' || s[i + 1] === '$')) {
        inner += s[i + 1];
        i += 2;
        continue;
      }
      if (s[i] === '`') break;
      inner += s[i++];
    }
    this.pos = i + 1;
    const sub = new Parser(inner, this.maxDepth);
    const list = sub.parseList(depth + 1, false);
    return list;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Execution

type Ctx = {
  exec: ExecFn;
  env: Record<string, string>;
  maxOutput: number;
  stderr: string[];
  stderrSize: number;
};

const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode });

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function addStderr(ctx: Ctx, text: string): void {
  if (text === '' || ctx.stderrSize >= ctx.maxOutput) return;
  const t = clip(text, ctx.maxOutput - ctx.stderrSize);
  ctx.stderr.push(t);
  ctx.stderrSize += t.length;
}

function runList(list: ListNode, ctx: Ctx): { stdout: string; exitCode: number } {
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

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

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

function dispatch(argv: string[], stdin: string, ctx: Ctx): CommandResult {
  const builtin = Object.prototype.hasOwnProperty.call(BUILTINS, argv[0]) ? BUILTINS[argv[0] as Builtin] : undefined;
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

// ---------------------------------------------------------------------------------------------------------------
// Built-in programs. Each returns null to hand the command to `exec` instead (e.g. `cat FILE`).

type Builtin = (typeof SHELL_BUILTINS)[number];
type BuiltinFn = (args: string[], stdin: string, ctx: Ctx) => CommandResult | null;

function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

const joinLines = (ls: string[]): string => (ls.length ? ls.join('\n') + '\n' : '');

/** Splits `-abc` option clusters for tools that take single-letter options. `valued` letters take a value. */
function getopt(
  tool: string,
  args: string[],
  allowed: string,
  valued: string,
): { opts: Map<string, string[]>; operands: string[] } | CommandResult {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  let i = 0;
  const add = (k: string, v: string): void => {
    opts.set(k, [...(opts.get(k) ?? []), v]);
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-' || (/^-\d+$/.test(a) && !allowed.includes('#'))) {
      operands.push(a);
      continue;
    }
    if (/^-\d+$/.test(a)) {
      add('#', a.slice(1));
      continue;
    }
    if (a.startsWith('--')) return fail(`${tool}: unrecognized option '${a}'`, 2);
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (valued.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return fail(`${tool}: option requires an argument -- '${c}'`, 2);
        add(c, v);
        break;
      }
      if (!allowed.includes(c)) return fail(`${tool}: invalid option -- '${c}'`, 2);
      add(c, '');
    }
  }
  return { opts, operands };
}

function noFiles(tool: string, operands: string[], exitCode = 2): CommandResult | null {
  if (operands.length === 0 || (operands.length === 1 && operands[0] === '-')) return null;
  const f = operands.find((o) => o !== '-')!;
  if (tool === 'head' || tool === 'tail') return fail(`${tool}: cannot open '${f}' for reading: No such file or directory`, 1);
  return fail(`${tool}: ${f}: No such file or directory`, exitCode);
}

function countArg(tool: string, v: string): number | CommandResult {
  if (!/^[+-]?\d+$/.test(v)) return fail(`${tool}: invalid number of lines: '${v}'`, 1);
  return Number(v);
}

const GREP_LONG: Record<string, string> = {
  '--ignore-case': '-i', '--invert-match': '-v', '--count': '-c', '--word-regexp': '-w', '--line-regexp': '-x',
  '--extended-regexp': '-E', '--fixed-strings': '-F', '--basic-regexp': '-G', '--only-matching': '-o', '--line-number': '-n',
  '--quiet': '-q', '--silent': '-q', '--no-filename': '-h', '--with-filename': '-H', '--no-messages': '-s',
};
const GREP_LONG_VALUED: Record<string, string> = { '--regexp': '-e', '--max-count': '-m', '--after-context': '-A', '--before-context': '-B', '--context': '-C' };

/** Rewrites grep's long options to short ones; `--color[=WHEN]` is accepted and ignored (output is plain). */
function grepLongOptions(args: string[]): string[] | CommandResult {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (!a.startsWith('--')) {
      out.push(a);
      continue;
    }
    const [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (name === '--color' || name === '--colour') continue;
    if (GREP_LONG[name] && value === undefined) out.push(GREP_LONG[name]);
    else if (GREP_LONG_VALUED[name]) {
      const v = value ?? args[++i];
      if (v === undefined) return fail(`grep: option '${name}' requires an argument\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.`, 2);
      out.push(GREP_LONG_VALUED[name], v);
    } else return fail(`grep: unrecognized option '${a}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.`, 2);
  }
  return out;
}

function grep(rawArgs: string[], stdin: string, flavour: 'G' | 'E' | 'F'): CommandResult {
  const args = grepLongOptions(rawArgs);
  if (!Array.isArray(args)) return args;
  const g = getopt('grep', args, 'ivcwEFGonqxhHs', 'emABC');
  if (!('opts' in g)) return { ...g, exitCode: 2 };
  const { opts, operands } = g;
  const patterns = opts.get('e') ?? [];
  if (patterns.length === 0) {
    if (operands.length === 0) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.", 2);
    patterns.push(operands.shift()!);
  }
  const files = noFiles('grep', operands);
  if (files) return files;
  const context = (k: string): number | CommandResult => {
    const v = opts.get(k)?.at(-1) ?? opts.get('C')?.at(-1) ?? '0';
    return /^\d+$/.test(v) ? Number(v) : fail(`grep: ${v}: invalid context length argument`, 2);
  };
  const after = context('A');
  if (typeof after !== 'number') return after;
  const before = context('B');
  if (typeof before !== 'number') return before;
  const mode = opts.has('F') ? 'F' : opts.has('E') ? 'E' : opts.has('G') ? 'G' : flavour;
  const icase = opts.has('i');
  let matchers: Regex[];
  try {
    matchers = patterns.flatMap((p) => p.split('\n')).map((p) => compileRegex(p, { mode, icase, word: opts.has('w'), line: opts.has('x') }));
  } catch (e) {
    return fail(`grep: ${e instanceof RegexError ? e.message : 'invalid pattern'}`, 2);
  }
  const invert = opts.has('v');
  const maxRaw = opts.get('m')?.at(-1);
  if (maxRaw !== undefined && !/^-?\d+$/.test(maxRaw)) return fail(`grep: invalid max count`, 2);
  const max = maxRaw === undefined || Number(maxRaw) < 0 ? Infinity : Number(maxRaw);
  const input = lines(stdin);
  const selected: number[] = [];
  for (let n = 0; n < input.length && selected.length < max; n++) {
    const hit = matchers.some((m) => m.test(input[n]));
    if (hit !== invert) selected.push(n);
  }
  const count = selected.length;
  if (opts.has('q')) return { stdout: '', stderr: '', exitCode: count > 0 ? 0 : 1 };
  if (opts.has('c')) return { stdout: `${count}\n`, stderr: '', exitCode: count > 0 ? 0 : 1 };
  const numbered = opts.has('n');
  const out: string[] = [];
  if (opts.has('o') && !invert) {
    for (const n of selected) for (const m of matchers) for (const piece of m.matches(input[n])) out.push((numbered ? `${n + 1}:` : '') + piece);
  } else if (!opts.has('A') && !opts.has('B') && !opts.has('C')) {
    for (const n of selected) out.push((numbered ? `${n + 1}:` : '') + input[n]);
  } else {
    // Context lines (-A/-B/-C): '-' after the number instead of ':', groups separated by '--'.
    const isMatch = new Set(selected);
    let last = -1;
    for (const n of selected) {
      const from = Math.max(n - before, last + 1);
      if (last >= 0 && from > last + 1) out.push('--');
      const to = Math.min(input.length - 1, n + after);
      for (let k = from; k <= to; k++) {
        if (k <= last) continue;
        out.push((numbered ? `${k + 1}${isMatch.has(k) ? ':' : '-'}` : '') + input[k]);
        last = k;
      }
    }
  }
  return { stdout: joinLines(out), stderr: '', exitCode: count > 0 ? 0 : 1 };
}

function headTail(tool: 'head' | 'tail', args: string[], stdin: string): CommandResult {
  const g = getopt(tool, args, 'nq#', 'nc');
  if (!('opts' in g)) return g;
  const files = noFiles(tool, g.operands);
  if (files) return files;
  const raw = g.opts.get('n')?.at(-1) ?? g.opts.get('#')?.at(-1) ?? '10';
  const ls = lines(stdin);
  const bytes = g.opts.get('c')?.at(-1);
  if (bytes !== undefined) {
    const n = countArg(tool, bytes);
    if (typeof n !== 'number') return n;
    return ok(tool === 'head' ? stdin.slice(0, n) : n === 0 ? '' : stdin.slice(-Math.abs(n)));
  }
  const n = countArg(tool, raw);
  if (typeof n !== 'number') return n;
  if (tool === 'head') return ok(joinLines(n >= 0 && !raw.startsWith('-') ? ls.slice(0, n) : ls.slice(0, Math.max(0, ls.length + n))));
  if (raw.startsWith('+')) return ok(joinLines(ls.slice(Math.max(0, n - 1))));
  const k = Math.abs(n);
  return ok(joinLines(k === 0 ? [] : ls.slice(-k)));
}

function wc(args: string[], stdin: string): CommandResult {
  const g = getopt('wc', args, 'lwcm', '');
  if (!('opts' in g)) return g;
  const files = noFiles('wc', g.operands, 1);
  if (files) return files;
  const counts: number[] = [];
  const all = !g.opts.has('l') && !g.opts.has('w') && !g.opts.has('c') && !g.opts.has('m');
  if (all || g.opts.has('l')) counts.push((stdin.match(/\n/g) ?? []).length);
  if (all || g.opts.has('w')) counts.push(stdin.split(/\s+/).filter(Boolean).length);
  if (g.opts.has('m')) counts.push([...stdin].length);
  if (all || g.opts.has('c')) counts.push(new TextEncoder().encode(stdin).length);
  // GNU wc pads to width 7 when reading a pipe with several counts, and prints a single count bare.
  const width = counts.length === 1 ? 1 : 7;
  return ok(counts.map((c) => String(c).padStart(width)).join(' ') + '\n');
}

function sortCmd(args: string[], stdin: string): CommandResult {
  const g = getopt('sort', args, 'rnufbV', 'kt');
  if (!('opts' in g)) return g;
  const files = noFiles('sort', g.operands);
  if (files) return files;
  const sep = g.opts.get('t')?.at(-1);
  const keySpec = g.opts.get('k')?.at(-1);
  const keyIndex = keySpec ? Number.parseInt(keySpec, 10) : 0;
  if (keySpec && !(keyIndex >= 1)) return fail(`sort: invalid number at field start: invalid count at start of '${keySpec}'`, 2);
  const key = (l: string): string => {
    if (!keyIndex) return l;
    const fields = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/);
    return fields.slice(keyIndex - 1).join(sep ?? ' ');
  };
  const numeric = g.opts.has('n');
  const fold = g.opts.has('f');
  const cmp = (a: string, b: string): number => {
    const ka = key(a);
    const kb = key(b);
    if (numeric) {
      const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
      if (d !== 0) return d;
    } else {
      const x = fold ? ka.toUpperCase() : ka;
      const y = fold ? kb.toUpperCase() : kb;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let ls = lines(stdin).sort(cmp);
  if (g.opts.has('r')) ls.reverse();
  if (g.opts.has('u')) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1], l) !== 0);
  return ok(joinLines(ls));
}

function uniq(args: string[], stdin: string): CommandResult {
  const g = getopt('uniq', args, 'cdui', '');
  if (!('opts' in g)) return g;
  const files = noFiles('uniq', g.operands, 1);
  if (files) return files;
  const groups: { line: string; n: number }[] = [];
  const icase = g.opts.has('i');
  for (const l of lines(stdin)) {
    const last = groups.at(-1);
    if (last && (icase ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  const kept = groups.filter((x) => (g.opts.has('d') ? x.n > 1 : g.opts.has('u') ? x.n === 1 : true));
  return ok(joinLines(kept.map((x) => (g.opts.has('c') ? `${String(x.n).padStart(7)} ${x.line}` : x.line))));
}

/** Parses a cut/awk field LIST like `1,3-5,7-`. */
function parseList(tool: string, list: string): ((i: number) => boolean) | CommandResult {
  const parts = list.split(',');
  const ranges: [number, number][] = [];
  for (const p of parts) {
    const m = /^(\d*)(-?)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0' || m[3] === '0') {
      return fail(`${tool}: fields are numbered from 1\nTry '${tool} --help' for more information.`, 1);
    }
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (b < a) return fail(`${tool}: invalid decreasing range\nTry '${tool} --help' for more information.`, 1);
    ranges.push([a, b]);
  }
  return (i: number) => ranges.some(([a, b]) => i >= a && i <= b);
}

function cut(args: string[], stdin: string): CommandResult {
  const g = getopt('cut', args, 's', 'dfc');
  if (!('opts' in g)) return g;
  const files = noFiles('cut', g.operands, 1);
  if (files) return files;
  const delim = g.opts.get('d')?.at(-1) ?? '\t';
  if ([...delim].length !== 1) return fail('cut: the delimiter must be a single character\nTry \'cut --help\' for more information.', 1);
  const f = g.opts.get('f')?.at(-1);
  const c = g.opts.get('c')?.at(-1);
  if (f === undefined && c === undefined) {
    return fail("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.", 1);
  }
  const sel = parseList('cut', (f ?? c)!);
  if (typeof sel !== 'function') return sel;
  const out: string[] = [];
  for (const l of lines(stdin)) {
    if (c !== undefined) {
      out.push([...l].filter((_, i) => sel(i + 1)).join(''));
      continue;
    }
    if (!l.includes(delim)) {
      if (!g.opts.has('s')) out.push(l);
      continue;
    }
    out.push(l.split(delim).filter((_, i) => sel(i + 1)).join(delim));
  }
  return ok(joinLines(out));
}

/** Tiny awk: `[-F sep] '[NR>n | NR==n | /re/ | $N=="x"] { print [expr[, expr]...] }'`. */
function awk(args: string[], stdin: string): CommandResult {
  let sep: string | null = null;
  const rest = [...args];
  while (rest.length && rest[0].startsWith('-F')) {
    const a = rest.shift()!;
    sep = a.length > 2 ? a.slice(2) : (rest.shift() ?? null);
    if (sep === null) return fail("awk: option requires an argument -- 'F'", 2);
    if (sep === '\\t') sep = '\t';
  }
  if (rest.length === 0) return fail('usage: awk [-F fs] \'program\'', 2);
  const files = noFiles('awk', rest.slice(1));
  if (files) return fail(`awk: cannot open "${rest[1]}" (No such file or directory)`, 2);
  const prog = rest[0].trim();
  const m = /^(?:(NR\s*(==|!=|>=|<=|>|<)\s*(\d+)|\/((?:\\.|[^/\\])*)\/|\$(\d+|NF)\s*(==|!=)\s*"([^"]*)")\s*)?(?:\{\s*(print\s*([^}]*?)|)\s*;?\s*\})?$/.exec(prog);
  if (!m || prog === '') return fail(`awk: this lab's awk only understands programs like '{print $1}', 'NR>1 {print $2}' or '/re/ {print $NF}'`, 2);
  let re: Regex | null = null;
  if (m[4] !== undefined) {
    try {
      re = compileRegex(m[4], { mode: 'E', icase: false, word: false, line: false });
    } catch (e) {
      return fail(`awk: ${e instanceof RegexError ? e.message : 'bad regex'}`, 2);
    }
  }
  const printArgs = m[8] === undefined ? '$0' : m[9] ?? '';
  // Split the print list on commas outside quotes; each item is a concatenation of $N, NF, NR and "strings".
  const items: string[][] = [];
  const itemRe = /\s*((?:"(?:\\.|[^"\\])*"|\$(?:\d+|NF)|NF|NR|\s+)+)\s*(,|$)/y;
  if (printArgs.trim() !== '') {
    let pos = 0;
    while (pos < printArgs.length) {
      itemRe.lastIndex = pos;
      const im = itemRe.exec(printArgs);
      if (!im || im[0] === '') return fail(`awk: cannot understand print arguments: ${printArgs}`, 2);
      items.push(im[1].match(/"(?:\\.|[^"\\])*"|\$(?:\d+|NF)|NF|NR/g) ?? []);
      pos = itemRe.lastIndex;
    }
  } else items.push(['$0']);
  const out: string[] = [];
  lines(stdin).forEach((line, idx) => {
    const nr = idx + 1;
    const fields = sep === null ? line.trim().split(/[ \t]+/).filter(Boolean) : line.split(sep);
    const field = (t: string): string => {
      const k = t === '$NF' ? fields.length : Number(t.slice(1));
      return k === 0 ? line : (fields[k - 1] ?? '');
    };
    if (m[2]) {
      const n = Number(m[3]);
      const pass = { '==': nr === n, '!=': nr !== n, '>=': nr >= n, '<=': nr <= n, '>': nr > n, '<': nr < n }[m[2]];
      if (!pass) return;
    }
    if (re && !re.test(line)) return;
    if (m[5] !== undefined) {
      const v = field('$' + m[5]);
      if ((v === m[7]) !== (m[6] === '==')) return;
    }
    const value = (t: string): string =>
      t.startsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, (_, ch: string) => (ch === 't' ? '\t' : ch === 'n' ? '\n' : ch)) : t === 'NF' ? String(fields.length) : t === 'NR' ? String(nr) : field(t);
    out.push(items.map((it) => it.map(value).join('')).join(' '));
  });
  return ok(joinLines(out));
}

function tr(args: string[], stdin: string): CommandResult {
  const g = getopt('tr', args, 'ds', '');
  if (!('opts' in g)) return g;
  const expand = (set: string): string[] => {
    const named: Record<string, string> = { '[:lower:]': 'a-z', '[:upper:]': 'A-Z', '[:digit:]': '0-9', '[:space:]': ' \t\n' };
    const s = set.replace(/\[:(lower|upper|digit|space):\]/g, (x) => named[x]).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    const out: string[] = [];
    const chars = [...s];
    for (let i = 0; i < chars.length; i++) {
      if (chars[i + 1] === '-' && i + 2 < chars.length) {
        const a = chars[i].codePointAt(0)!;
        const b = chars[i + 2].codePointAt(0)!;
        if (b - a > 1024) return [];
        for (let c = a; c <= b; c++) out.push(String.fromCodePoint(c));
        i += 2;
      } else out.push(chars[i]);
    }
    return out;
  };
  const [a, b] = g.operands;
  if (a === undefined || (b === undefined && !g.opts.has('d') && !g.opts.has('s'))) return fail("tr: missing operand\nTry 'tr --help' for more information.", 1);
  const from = expand(a);
  const to = b === undefined ? [] : expand(b);
  let out = '';
  let prev = '';
  for (const ch of stdin) {
    const i = from.indexOf(ch);
    let o = ch;
    if (g.opts.has('d') && i >= 0) continue;
    if (i >= 0 && to.length) o = to[Math.min(i, to.length - 1)];
    if (g.opts.has('s') && o === prev && (i >= 0 || to.includes(o))) continue;
    out += o;
    prev = o;
  }
  return ok(out);
}

function xargs(args: string[], stdin: string, ctx: Ctx): CommandResult {
  let i = 0;
  let perCall = Infinity;
  let noRunIfEmpty = false;
  let replace: string | null = null;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-n' || a.startsWith('-n')) {
      const v = a === '-n' ? args[++i] : a.slice(2);
      if (!/^\d+$/.test(v ?? '') || Number(v) < 1) return fail(`xargs: invalid number "${v ?? ''}" for -n option`, 1);
      perCall = Number(v);
    } else if (a === '-I' || a.startsWith('-I')) {
      replace = a === '-I' ? (args[++i] ?? null) : a.slice(2);
      if (replace === null) return fail("xargs: option requires an argument -- 'I'", 1);
    } else if (a === '--') {
      i++;
      break;
    } else return fail(`xargs: invalid option -- '${a.slice(1)}'`, 1);
  }
  const base = args.slice(i).length ? args.slice(i) : ['echo'];
  const items = replace !== null ? lines(stdin).filter((l) => l.trim() !== '') : stdin.split(/\s+/).filter(Boolean);
  if (items.length === 0 && (noRunIfEmpty || replace !== null)) return ok();
  const calls: string[][] = [];
  if (replace !== null) {
    const r = replace;
    for (const it of items) calls.push(base.map((w) => w.split(r).join(it)));
  } else if (items.length === 0) calls.push(base);
  else for (let k = 0; k < items.length; k += perCall === Infinity ? items.length : perCall) calls.push([...base, ...items.slice(k, k + perCall)]);
  let stdout = '';
  let stderr = '';
  let worst = 0;
  for (const argv of calls) {
    const r = dispatch(argv, '', ctx);
    stdout = clip(stdout + r.stdout, ctx.maxOutput);
    stderr = clip(stderr + r.stderr, ctx.maxOutput);
    if (r.exitCode !== 0) worst = 123;
  }
  return { stdout, stderr, exitCode: worst };
}

function echo(args: string[]): CommandResult {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const c of args[i].slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop >= 0) {
      text = text.slice(0, stop);
      newline = false;
    }
    text = text.replace(/\\(n|t|\\|a|b|e|f|r|v|0[0-7]{0,3})/g, (_, e: string) =>
      ({ n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v' })[e] ?? String.fromCharCode(parseInt(e, 8)),
    );
  }
  return ok(text + (newline ? '\n' : ''));
}

const BUILTINS: Record<Builtin, BuiltinFn> = {
  echo: (a) => echo(a),
  true: () => ok(),
  ':': () => ok(),
  false: () => ({ stdout: '', stderr: '', exitCode: 1 }),
  cat: (a, stdin) => (a.every((x) => x === '-') ? ok(stdin) : null),
  grep: (a, stdin) => grep(a, stdin, 'G'),
  egrep: (a, stdin) => grep(a, stdin, 'E'),
  fgrep: (a, stdin) => grep(a, stdin, 'F'),
  head: (a, stdin) => headTail('head', a, stdin),
  tail: (a, stdin) => headTail('tail', a, stdin),
  wc: (a, stdin) => wc(a, stdin),
  sort: (a, stdin) => sortCmd(a, stdin),
  uniq: (a, stdin) => uniq(a, stdin),
  cut: (a, stdin) => cut(a, stdin),
  awk: (a, stdin) => awk(a, stdin),
  tr: (a, stdin) => tr(a, stdin),
  xargs: (a, stdin, ctx) => xargs(a, stdin, ctx),
  // Nothing in the lab takes time: every command completes synchronously.
  sleep: (a) => (a.length && a.every((x) => /^\d+(\.\d+)?[smhd]?$/.test(x)) ? ok() : fail(a.length ? `sleep: invalid time interval '${a.find((x) => !/^\d+(\.\d+)?[smhd]?$/.test(x))}'` : "sleep: missing operand\nTry 'sleep --help' for more information.", 1)),
  clear: () => ok('\x1b[H\x1b[2J'),
  // Lab users are root already: `sudo [-E|-H|...] cmd` just runs cmd.
  sudo: (a, stdin, ctx) => {
    const rest = a.slice(a.findIndex((x) => !x.startsWith('-')));
    if (a.length === 0 || rest.length === 0 || a.every((x) => x.startsWith('-'))) return fail('usage: sudo command', 1);
    return dispatch(rest, stdin, ctx);
  },
  export: (a, _stdin, ctx) => {
    for (const w of a) {
      const m = ASSIGNMENT.exec(w);
      if (m) ctx.env[m[1]] = m[2];
      else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(w)) return fail(`bash: export: \`${w}': not a valid identifier`, 1);
    }
    return ok();
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Regular expressions: POSIX BRE/ERE (GNU flavour) compiled to a Thompson NFA; matching is linear in the input.

class RegexError extends Error {
  readonly kind = 'bad-request' as const;
  override readonly name = 'RegexError';
}

type CharTest = (c: string) => boolean;
type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'cat'; parts: Node[] }
  | { t: 'alt'; parts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'wordb'; kind: 'b' | 'B' | '<' | '>' }
  | { t: 'empty' };

type RegexOptions = { mode: 'G' | 'E' | 'F'; icase: boolean; word: boolean; line: boolean };

/** A compiled pattern. */
export type Regex = { test(line: string): boolean; matches(line: string): string[] };

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

const POSIX_CLASSES: Record<string, CharTest> = {
  alpha: (c) => /\p{L}/u.test(c),
  digit: (c) => c >= '0' && c <= '9',
  alnum: (c) => /[\p{L}\p{N}]/u.test(c),
  upper: (c) => /\p{Lu}/u.test(c),
  lower: (c) => /\p{Ll}/u.test(c),
  space: (c) => /\s/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9a-fA-F]/.test(c),
  print: (c) => c >= ' ' && c !== '\x7f',
  graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f',
};

const MAX_REPEAT = 255;
const MAX_NFA_STATES = 20_000;

class RegexParser {
  i = 0;
  constructor(
    readonly src: string[],
    readonly ere: boolean,
    readonly icase: boolean,
  ) {}

  private lit(ch: string): Node {
    if (!this.icase) return { t: 'char', test: (c) => c === ch };
    const lo = ch.toLowerCase();
    return { t: 'char', test: (c) => c.toLowerCase() === lo };
  }

  parse(): Node {
    const n = this.alt(0);
    if (this.i < this.src.length) throw new RegexError(this.ere ? 'Unmatched ) or \\)' : 'Unmatched ) or \\)');
    return n;
  }

  private isAltOp(): boolean {
    const c = this.src[this.i];
    return this.ere ? c === '|' : c === '\\' && this.src[this.i + 1] === '|';
  }

  private isClose(): boolean {
    const c = this.src[this.i];
    return this.ere ? c === ')' : c === '\\' && this.src[this.i + 1] === ')';
  }

  private alt(depth: number): Node {
    if (depth > 50) throw new RegexError('regular expression too big');
    const parts = [this.cat(depth)];
    while (this.i < this.src.length && this.isAltOp()) {
      this.i += this.ere ? 1 : 2;
      parts.push(this.cat(depth));
    }
    return parts.length === 1 ? parts[0] : { t: 'alt', parts };
  }

  private cat(depth: number): Node {
    const parts: Node[] = [];
    while (this.i < this.src.length && !this.isAltOp() && !(depth > 0 && this.isClose())) {
      if (this.isClose() && depth === 0) {
        if (this.ere) {
          // GNU ERE treats an unmatched ')' as a literal.
          this.i++;
          parts.push(this.lit(')'));
          continue;
        }
        throw new RegexError('Unmatched ) or \\)');
      }
      let atom = this.atom(depth, parts.length === 0);
      atom = this.quantifiers(atom);
      parts.push(atom);
    }
    return parts.length === 0 ? { t: 'empty' } : parts.length === 1 ? parts[0] : { t: 'cat', parts };
  }

  private quantifiers(atom: Node): Node {
    for (;;) {
      const c = this.src[this.i];
      const n = this.src[this.i + 1];
      if (c === '*') {
        this.i++;
        atom = { t: 'rep', node: atom, min: 0, max: Infinity };
      } else if (this.ere && (c === '+' || c === '?')) {
        this.i++;
        atom = { t: 'rep', node: atom, min: c === '+' ? 1 : 0, max: c === '+' ? Infinity : 1 };
      } else if (!this.ere && c === '\\' && (n === '+' || n === '?')) {
        this.i += 2;
        atom = { t: 'rep', node: atom, min: n === '+' ? 1 : 0, max: n === '+' ? Infinity : 1 };
      } else if ((this.ere && c === '{') || (!this.ere && c === '\\' && n === '{')) {
        const save = this.i;
        this.i += this.ere ? 1 : 2;
        const body: string[] = [];
        while (this.i < this.src.length && /[0-9,]/.test(this.src[this.i])) body.push(this.src[this.i++]);
        const closeOk = this.ere ? this.src[this.i] === '}' : this.src[this.i] === '\\' && this.src[this.i + 1] === '}';
        const m = /^(\d*)(,?)(\d*)$/.exec(body.join(''));
        if (!closeOk || !m || (m[1] === '' && m[2] === '')) {
          if (this.ere) {
            // GNU grep -E treats a '{' that does not start a valid interval as a literal.
            this.i = save;
            return atom;
          }
          throw new RegexError('Unmatched \\{');
        }
        this.i += this.ere ? 1 : 2;
        const min = m[1] === '' ? 0 : Number(m[1]);
        const max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) throw new RegexError('Invalid content of \\{\\}');
        if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new RegexError('Regular expression too big');
        atom = { t: 'rep', node: atom, min, max };
      } else return atom;
    }
  }

  private atom(depth: number, first: boolean): Node {
    const s = this.src;
    const c = s[this.i];
    if (c === '^' && (this.ere || first)) {
      this.i++;
      return { t: 'bol' };
    }
    if (c === '$') {
      const atEnd = this.i + 1 === s.length || (this.ere ? s[this.i + 1] === '|' || s[this.i + 1] === ')' : s[this.i + 1] === '\\' && (s[this.i + 2] === '|' || s[this.i + 2] === ')'));
      if (this.ere || atEnd) {
        this.i++;
        return { t: 'eol' };
      }
    }
    if (c === '.') {
      this.i++;
      return { t: 'char', test: () => true };
    }
    if (c === '[') return this.bracket();
    if ((this.ere && c === '(') || (!this.ere && c === '\\' && s[this.i + 1] === '(')) {
      this.i += this.ere ? 1 : 2;
      const inner = this.alt(depth + 1);
      if (!this.isClose()) throw new RegexError('Unmatched ( or \\(');
      this.i += this.ere ? 1 : 2;
      return inner;
    }
    if (c === '*' && first) {
      this.i++;
      return this.lit('*');
    }
    if (this.ere && (c === '*' || c === '+' || c === '?')) {
      this.i++;
      return this.lit(c);
    }
    if (this.ere && c === '{' && first) {
      this.i++;
      return this.lit('{');
    }
    if (c === '\\') {
      const n = s[this.i + 1];
      this.i += 2;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (/[1-9]/.test(n)) throw new RegexError('back-references are not supported in this lab');
      const classes: Record<string, CharTest> = {
        w: (x) => isWordChar(x),
        W: (x) => !isWordChar(x),
        s: (x) => /\s/.test(x),
        S: (x) => !/\s/.test(x),
        d: (x) => x >= '0' && x <= '9',
        D: (x) => !(x >= '0' && x <= '9'),
      };
      if (classes[n]) return { t: 'char', test: classes[n] };
      if (n === 'b' || n === 'B' || n === '<' || n === '>') return { t: 'wordb', kind: n };
      if (n === 't') return this.lit('\t');
      if (n === 'n') return this.lit('\n');
      return this.lit(n);
    }
    this.i++;
    return this.lit(c);
  }

  private bracket(): Node {
    const s = this.src;
    this.i++;
    let negate = false;
    if (s[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      if (this.i >= s.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const c = s[this.i];
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === '[' && s[this.i + 1] === ':') {
        const rest = s.slice(this.i + 2).join('');
        const m = /^([a-z]+):\]/.exec(rest);
        if (!m || !POSIX_CLASSES[m[1]]) throw new RegexError('Invalid character class name');
        tests.push(POSIX_CLASSES[m[1]]);
        this.i += 2 + m[0].length;
        continue;
      }
      if (s[this.i + 1] === '-' && s[this.i + 2] !== undefined && s[this.i + 2] !== ']') {
        const lo = c;
        const hi = s[this.i + 2];
        if (hi < lo) throw new RegexError('Invalid range end');
        tests.push(this.icase ? (x) => (x.toLowerCase() >= lo.toLowerCase() && x.toLowerCase() <= hi.toLowerCase()) || (x.toUpperCase() >= lo.toUpperCase() && x.toUpperCase() <= hi.toUpperCase()) : (x) => x >= lo && x <= hi);
        this.i += 3;
        continue;
      }
      const lo = this.icase ? c.toLowerCase() : c;
      tests.push(this.icase ? (x) => x.toLowerCase() === lo : (x) => x === c);
      this.i++;
    }
    return { t: 'char', test: (x) => tests.some((t) => t(x)) !== negate };
  }
}

// NFA: states with either a char test (consumes) or epsilon edges, optionally guarded by an assertion.
type State =
  | { k: 'char'; test: CharTest; out: number }
  | { k: 'split'; outs: number[] }
  | { k: 'assert'; what: 'bol' | 'eol' | 'b' | 'B' | '<' | '>'; out: number }
  | { k: 'match' };

function compileNfa(root: Node): { states: State[]; start: number } {
  const states: State[] = [];
  const add = (s: State): number => {
    if (states.length >= MAX_NFA_STATES) throw new RegexError('Regular expression too big');
    states.push(s);
    return states.length - 1;
  };
  // Builds the fragment for `n` that continues to state `next`; returns its entry state.
  const build = (n: Node, next: number): number => {
    switch (n.t) {
      case 'char':
        return add({ k: 'char', test: n.test, out: next });
      case 'empty':
        return next;
      case 'bol':
        return add({ k: 'assert', what: 'bol', out: next });
      case 'eol':
        return add({ k: 'assert', what: 'eol', out: next });
      case 'wordb':
        return add({ k: 'assert', what: n.kind, out: next });
      case 'cat': {
        let entry = next;
        for (let i = n.parts.length - 1; i >= 0; i--) entry = build(n.parts[i], entry);
        return entry;
      }
      case 'alt':
        return add({ k: 'split', outs: n.parts.map((p) => build(p, next)) });
      case 'rep': {
        let entry = next;
        if (n.max === Infinity) {
          const loop = add({ k: 'split', outs: [] });
          const body = build(n.node, loop);
          (states[loop] as { outs: number[] }).outs = [body, next];
          entry = loop;
        } else {
          for (let i = n.min; i < n.max; i++) {
            const body = build(n.node, entry);
            entry = add({ k: 'split', outs: [body, next] });
          }
        }
        for (let i = 0; i < n.min; i++) entry = build(n.node, entry);
        return entry;
      }
      default: {
        const never: never = n;
        return never;
      }
    }
  };
  const match = add({ k: 'match' });
  const start = build(root, match);
  return { states, start };
}

/** Compiles a grep-style pattern. @throws RegexError with a GNU-like message */
function compileRegex(pattern: string, o: RegexOptions): Regex {
  let node: Node;
  if (o.mode === 'F') {
    node = { t: 'cat', parts: [...pattern].map((ch) => (o.icase ? { t: 'char', test: (c: string) => c.toLowerCase() === ch.toLowerCase() } : { t: 'char', test: (c: string) => c === ch })) };
  } else node = new RegexParser([...pattern], o.mode === 'E', o.icase).parse();
  if (o.line) node = { t: 'cat', parts: [{ t: 'bol' }, node, { t: 'eol' }] };
  const { states, start } = compileNfa(node);

  const assertOk = (what: string, chars: string[], pos: number): boolean => {
    const before = isWordChar(chars[pos - 1]);
    const after = isWordChar(chars[pos]);
    switch (what) {
      case 'bol':
        return pos === 0;
      case 'eol':
        return pos === chars.length;
      case 'b':
        return before !== after;
      case 'B':
        return before === after;
      case '<':
        return !before && after;
      default:
        return before && !after;
    }
  };

  // Adds `s` and everything reachable by epsilon edges at position `pos` to `set`.
  const closure = (set: Set<number>, list: number[], s: number, chars: string[], pos: number): void => {
    const stack = [s];
    while (stack.length) {
      const x = stack.pop()!;
      if (set.has(x)) continue;
      set.add(x);
      const st = states[x];
      if (st.k === 'split') for (let i = st.outs.length - 1; i >= 0; i--) stack.push(st.outs[i]);
      else if (st.k === 'assert') {
        if (assertOk(st.what, chars, pos)) stack.push(st.out);
      } else list.push(x);
    }
  };

  /** Longest match starting exactly at `from`; -1 when none. */
  const longestAt = (chars: string[], from: number): number => {
    let cur: number[] = [];
    closure(new Set(), cur, start, chars, from);
    let best = -1;
    for (let pos = from; ; pos++) {
      if (cur.some((x) => states[x].k === 'match')) best = pos;
      if (pos >= chars.length || cur.length === 0) break;
      const seen = new Set<number>();
      const next: number[] = [];
      for (const x of cur) {
        const st = states[x];
        if (st.k === 'char' && st.test(chars[pos])) closure(seen, next, st.out, chars, pos + 1);
      }
      cur = next;
    }
    return best;
  };

  /** Leftmost-longest matches (start, end), each accepted by the -w rule when set. */
  const spans = (line: string, firstOnly: boolean): [number, number][] => {
    const chars = [...line];
    const out: [number, number][] = [];
    let from = 0;
    while (from <= chars.length) {
      let found = false;
      for (let s = from; s <= chars.length; s++) {
        const e = longestAt(chars, s);
        if (e < 0) continue;
        if (o.word && (isWordChar(chars[s - 1]) || isWordChar(chars[e]) || e === s)) continue;
        out.push([s, e]);
        from = e > s ? e : e + 1;
        found = true;
        break;
      }
      if (!found || firstOnly) break;
    }
    return out;
  };

  /** One left-to-right pass for plain matching (no -w): linear in the line. */
  const anyMatch = (line: string): boolean => {
    const chars = [...line];
    let seen = new Set<number>();
    let cur: number[] = [];
    closure(seen, cur, start, chars, 0);
    for (let pos = 0; ; pos++) {
      if (cur.some((x) => states[x].k === 'match')) return true;
      if (pos >= chars.length) return false;
      seen = new Set<number>();
      const next: number[] = [];
      for (const x of cur) {
        const st = states[x];
        if (st.k === 'char' && st.test(chars[pos])) closure(seen, next, st.out, chars, pos + 1);
      }
      closure(seen, next, start, chars, pos + 1);
      cur = next;
    }
  };

  return {
    test: (line) => (o.word ? spans(line, true).length > 0 : anyMatch(line)),
    matches: (line) => {
      const chars = [...line];
      return spans(line, false)
        .filter(([s, e]) => e > s)
        .map(([s, e]) => chars.slice(s, e).join(''));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

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
    const ctx: Ctx = { exec, env, maxOutput, stderr: [], stderrSize: 0 };
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
