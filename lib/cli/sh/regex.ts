/** Regular expressions: POSIX BRE/ERE (GNU flavour) compiled to a Thompson NFA; matching is linear in the input. */

export class RegexError extends Error {
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
export function compileRegex(pattern: string, o: RegexOptions): Regex {
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
