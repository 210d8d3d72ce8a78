/** grep, egrep, fgrep (GNU options learners use; patterns run on sh/regex.ts). */
import { compileRegex, RegexError, type Regex } from '../regex';
import { fail, type CommandResult } from '../result';
import { getopt, joinLines, lines, noFiles } from './util';

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

export function grep(rawArgs: string[], stdin: string, flavour: 'G' | 'E' | 'F'): CommandResult {
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
