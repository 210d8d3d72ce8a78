/** A tiny awk: a field separator, one pattern and a print statement. */
import { compileRegex, RegexError, type Regex } from '../regex';
import { fail, ok, type CommandResult } from '../result';
import { joinLines, lines, noFiles } from './util';

/** Tiny awk: `[-F sep] '[NR>n | NR==n | /re/ | $N=="x"] { print [expr[, expr]...] }'`. */
export function awk(args: string[], stdin: string): CommandResult {
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
