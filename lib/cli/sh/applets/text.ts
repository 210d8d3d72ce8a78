/** Line filters: head, tail, wc, sort, uniq, cut, tr. */
import { fail, ok, type CommandResult } from '../result';
import { countArg, getopt, joinLines, lines, noFiles } from './util';

export function headTail(tool: 'head' | 'tail', args: string[], stdin: string): CommandResult {
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

export function wc(args: string[], stdin: string): CommandResult {
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

export function sortCmd(args: string[], stdin: string): CommandResult {
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

export function uniq(args: string[], stdin: string): CommandResult {
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

export function cut(args: string[], stdin: string): CommandResult {
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

export function tr(args: string[], stdin: string): CommandResult {
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
