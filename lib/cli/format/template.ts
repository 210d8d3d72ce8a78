/**
 * Go text/template, the subset `docker --format` users write, plus docker/cli's template functions and its
 * tabwriter (cli/command/formatter).
 *
 * Lifecycle: `renderTemplate(text, data)` lexes and parses the template (parse errors first, as Go does), then
 * executes it over `data` with a step and output budget, so no template can hang or flood the lab.
 * For `--format 'table ...'`, `parseTableFormat` strips the prefix the way docker/cli does, `renderTableHeader`
 * renders the header row from a field -> header-name map, and `tabwrite`/`tabwriteText` align the columns exactly
 * like `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
 *
 * Data model (JS values standing for Go values):
 * - plain objects are `map[string]interface {}`: keys print sorted (`map[a:1 b:2]`), a missing key is `<no value>`
 *   (or an error with `missingKey: 'error'`, as docker's raw inspect fallback uses);
 * - objects made with `goStruct(typeName, fields)` are structs: fields print in insertion order (`{a b}`), a missing
 *   field is the error "can't evaluate field X in type T"; a function-valued field is a method and is called;
 * - arrays are slices (`[a b]`), strings, numbers (integers print without a fraction), booleans, null is `<nil>`.
 *
 * Supported: text and `{{ }}` actions with `{{-`/`-}}` trimming and comments; fields and chains (`.A.B`, `$x.A`),
 * variables (`$`, `$x := p`, `$x = p`), literals, parenthesised pipelines, pipelines with `|`; `if`/`else if`/`else`,
 * `range` (slices, maps, integers; `$i, $v :=`; `else`; `break`/`continue`), `with`/`else with`/`else`;
 * functions `and or not len index slice print printf println eq ne lt le gt ge html js urlquery` and docker's
 * `json split join title lower upper pad truncate`. Not supported: `define`/`template`/`block` (parse error).
 */
import { goStruct, GO_TYPE, JSON_AS_MAP } from '../../cnm';

/** A template failure. `message` is docker's stderr text (`template parsing error: template: ...`). */
export class TemplateError extends Error {
  readonly kind = 'bad-request' as const;
  override readonly name = 'TemplateError';
  /** 'parse' for syntax errors, 'exec' for execution errors, 'limit' when a budget ran out. */
  readonly phase: 'parse' | 'exec' | 'limit';
  /** The Go error text without docker's "template parsing error: " prefix. */
  readonly goMessage: string;
  /** True for exec errors that docker's inspect retries on the raw JSON (a missing struct field). */
  readonly missingField: boolean;
  constructor(goMessage: string, phase: 'parse' | 'exec' | 'limit', missingField = false) {
    super(`template parsing error: ${goMessage}`);
    this.goMessage = goMessage;
    this.phase = phase;
    this.missingField = missingField;
  }
}

/** Options for `renderTemplate`. */
export type TemplateOptions = {
  /** Most evaluation steps (nodes, iterations, function calls) before giving up (default 200,000). */
  maxSteps?: number;
  /** Most output characters (default 1,048,576). */
  maxOutput?: number;
  /** What a missing map key gives: `<no value>` (Go's default) or an error (docker's raw inspect fallback). */
  missingKey?: 'default' | 'error';
  /** Use docker's header functions (every docker function returns its first argument unchanged). */
  header?: boolean;
};

export const TEMPLATE_DEFAULTS = { maxSteps: 200_000, maxOutput: 1_048_576 } as const;

export { goStruct };

function structType(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? ((v as Record<symbol, string>)[GO_TYPE] ?? undefined) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexer

type TokType =
  | 'text' | 'left' | 'right' | 'space' | 'field' | 'variable' | 'identifier' | 'string' | 'rawString' | 'char'
  | 'number' | 'bool' | 'nil' | 'dot' | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'comma'
  | 'keyword' | 'eof';

type Token = { type: TokType; val: string; pos: number; line: number };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block', 'nil']);

class Lexer {
  tokens: Token[] = [];
  constructor(readonly input: string) {}

  lineAt(pos: number): number {
    let n = 1;
    for (let i = 0; i < pos && i < this.input.length; i++) if (this.input[i] === '\n') n++;
    return n;
  }

  private err(pos: number, msg: string): never {
    throw new TemplateError(`template: :${this.lineAt(pos)}: ${msg}`, 'parse');
  }

  private emit(type: TokType, val: string, pos: number): void {
    this.tokens.push({ type, val, pos, line: 0 });
  }

  run(): Token[] {
    const s = this.input;
    let i = 0;
    while (i < s.length) {
      const open = s.indexOf('{{', i);
      if (open < 0) {
        this.emit('text', s.slice(i), i);
        i = s.length;
        break;
      }
      let textEnd = open;
      const trimLeft = s[open + 2] === '-' && /[ \t\r\n]/.test(s[open + 3] ?? '');
      if (trimLeft) while (textEnd > i && /[ \t\r\n]/.test(s[textEnd - 1])) textEnd--;
      if (textEnd > i) this.emit('text', s.slice(i, textEnd), i);
      i = open + 2 + (trimLeft ? 2 : 0);
      // Comment?
      const afterWs = i;
      if (s.startsWith('/*', i)) {
        const end = s.indexOf('*/', i + 2);
        if (end < 0) this.err(open, 'unclosed comment');
        let j = end + 2;
        let trimRight = false;
        if (s.startsWith(' -}}', j) || s.startsWith('\t-}}', j) || s.startsWith('\n-}}', j) || s.startsWith('\r-}}', j)) {
          trimRight = true;
          j += 1;
        }
        if (s.startsWith('-}}', j) && trimRight) j += 3;
        else if (s.startsWith('}}', j)) j += 2;
        else this.err(open, 'comment ends before closing delimiter');
        i = j;
        if (trimRight) while (i < s.length && /[ \t\r\n]/.test(s[i])) i++;
        continue;
      }
      void afterWs;
      this.emit('left', '{{', open);
      i = this.lexInside(i, open);
    }
    this.emit('eof', '', s.length);
    // Tokens are in input order: count newlines once.
    let line = 1;
    let at = 0;
    for (const t of this.tokens) {
      for (; at < t.pos && at < s.length; at++) if (s.charCodeAt(at) === 10) line++;
      t.line = line;
    }
    return this.tokens;
  }

  /** Lexes an action body starting at `i`; returns the index after `}}` (and any trimmed space). */
  private lexInside(i: number, open: number): number {
    const s = this.input;
    let parenDepth = 0;
    for (;;) {
      if (i >= s.length) this.err(open, 'unclosed action');
      const c = s[i];
      // Right delimiter, possibly with trim marker.
      if (/[ \t\r\n]/.test(c) && s.startsWith('-}}', i + 1)) {
        if (parenDepth > 0) this.err(i, 'unclosed left paren');
        this.emit('right', '}}', i + 1);
        i += 4;
        while (i < s.length && /[ \t\r\n]/.test(s[i])) i++;
        return i;
      }
      if (s.startsWith('}}', i)) {
        if (parenDepth > 0) this.err(i, 'unclosed left paren');
        this.emit('right', '}}', i);
        return i + 2;
      }
      if (/[ \t\r\n]/.test(c)) {
        const start = i;
        while (i < s.length && /[ \t\r\n]/.test(s[i]) && !s.startsWith('-}}', i + 1)) i++;
        if (i < s.length && /[ \t\r\n]/.test(s[i]) && s.startsWith('-}}', i + 1)) {
          // the space before a trim marker belongs to the delimiter
        }
        this.emit('space', s.slice(start, i), start);
        continue;
      }
      if (c === '=') {
        this.emit('assign', '=', i);
        i++;
      } else if (c === ':') {
        if (s[i + 1] !== '=') this.err(i, 'expected :=');
        this.emit('declare', ':=', i);
        i += 2;
      } else if (c === '|') {
        this.emit('pipe', '|', i);
        i++;
      } else if (c === ',') {
        this.emit('comma', ',', i);
        i++;
      } else if (c === '(') {
        parenDepth++;
        this.emit('leftParen', '(', i);
        i++;
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) this.err(i, `unexpected right paren ${goQuoteRuneU(')')}`);
        this.emit('rightParen', ')', i);
        i++;
      } else if (c === '"') {
        const start = i;
        i++;
        for (;;) {
          if (i >= s.length || s[i] === '\n') this.err(start, 'unterminated quoted string');
          if (s[i] === '\\') {
            i += 2;
            continue;
          }
          if (s[i] === '"') break;
          i++;
        }
        i++;
        this.emit('string', s.slice(start, i), start);
      } else if (c === '`') {
        const end = s.indexOf('`', i + 1);
        if (end < 0) this.err(i, 'unterminated raw quoted string');
        this.emit('rawString', s.slice(i, end + 1), i);
        i = end + 1;
      } else if (c === "'") {
        const start = i;
        i++;
        for (;;) {
          if (i >= s.length || s[i] === '\n') this.err(start, 'unterminated character constant');
          if (s[i] === '\\') {
            i += 2;
            continue;
          }
          if (s[i] === "'") break;
          i++;
        }
        i++;
        this.emit('char', s.slice(start, i), start);
      } else if (c === '$') {
        const m = /^\$[\p{L}_\p{N}]*/u.exec(s.slice(i, i + 256))!;
        this.emit('variable', m[0], i);
        i += m[0].length;
      } else if (c === '.') {
        const m = /^\.[\p{L}_][\p{L}_\p{N}]*/u.exec(s.slice(i, i + 256));
        if (m) {
          this.emit('field', m[0], i);
          i += m[0].length;
        } else if (/[0-9]/.test(s[i + 1] ?? '')) {
          i = this.lexNumber(i);
        } else {
          this.emit('dot', '.', i);
          i++;
        }
      } else if (/[0-9+-]/.test(c)) {
        i = this.lexNumber(i);
      } else if (/[\p{L}_]/u.test(c)) {
        const m = /^[\p{L}_][\p{L}_\p{N}]*/u.exec(s.slice(i, i + 256))!;
        const w = m[0];
        if (w === 'true' || w === 'false') this.emit('bool', w, i);
        else if (w === 'nil') this.emit('nil', w, i);
        else if (KEYWORDS.has(w)) this.emit('keyword', w, i);
        else this.emit('identifier', w, i);
        i += w.length;
      } else {
        this.err(i, `bad character ${goQuoteRuneU(String.fromCodePoint(s.codePointAt(i)!))}`);
      }
    }
  }

  private lexNumber(i: number): number {
    const s = this.input;
    const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(s.slice(i, i + 256));
    const text = m ? m[0] : '';
    if (!text || text === '+' || text === '-' || /[\p{L}_]/u.test(s[i + text.length] ?? '')) {
      const bad = /^[+-]?[\p{L}\p{N}_.]*/u.exec(s.slice(i, i + 256))![0] || s[i];
      this.err(i, `bad number syntax: ${goQuoteStr(bad)}`);
    }
    this.emit('number', text, i);
    return i + text.length;
  }
}

function goQuoteRuneU(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

function goQuoteStr(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (m, h: string) => (parseInt(h, 16) < 0x20 ? `\\x${h.slice(2)}` : m));
}

// ---------------------------------------------------------------------------------------------------------------
// Parse tree

type Arg =
  | { k: 'field'; names: string[]; pos: number; text: string }
  | { k: 'variable'; name: string; names: string[]; pos: number; text: string }
  | { k: 'dot'; pos: number; text: string }
  | { k: 'nil'; pos: number; text: string }
  | { k: 'literal'; value: unknown; pos: number; text: string }
  | { k: 'identifier'; name: string; pos: number; text: string }
  | { k: 'pipe'; pipe: Pipe; names: string[]; pos: number; text: string };

type Command = { args: Arg[]; pos: number };
type Pipe = { decl: string[]; assign: boolean; cmds: Command[]; pos: number; line: number; text: string };

type TNode =
  | { k: 'text'; text: string }
  | { k: 'action'; pipe: Pipe; pos: number; line: number }
  | { k: 'if' | 'with'; pipe: Pipe; list: TNode[]; elseList: TNode[] | null; pos: number; line: number }
  | { k: 'range'; pipe: Pipe; list: TNode[]; elseList: TNode[] | null; pos: number; line: number }
  | { k: 'break' | 'continue'; pos: number; line: number };

const FUNCS = new Set([
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js',
  'urlquery', 'call', 'json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate',
]);

const MAX_PARSE_DEPTH = 100;

class Parser {
  i = 0;
  vars: string[][] = [['$']];
  rangeDepth = 0;
  depth = 0;
  constructor(
    readonly toks: Token[],
    readonly lexer: Lexer,
  ) {}

  private err(t: Token, msg: string): never {
    throw new TemplateError(`template: :${t.line}: ${msg}`, 'parse');
  }

  private peek(): Token {
    return this.toks[this.i];
  }

  private next(): Token {
    return this.toks[this.i++];
  }

  private peekNonSpace(): Token {
    while (this.toks[this.i].type === 'space') this.i++;
    return this.toks[this.i];
  }

  private nextNonSpace(): Token {
    const t = this.peekNonSpace();
    this.i++;
    return t;
  }

  parseTemplate(): TNode[] {
    const { list, end } = this.parseList();
    if (end !== null) this.err(end, `unexpected {{${end.val}}}`);
    return list;
  }

  /** Parses nodes until {{end}}/{{else}} (returned as `end`) or EOF (end = null). */
  private parseList(): { list: TNode[]; end: Token | null } {
    const list: TNode[] = [];
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') {
        this.i--;
        return { list, end: null };
      }
      if (t.type === 'text') {
        list.push({ k: 'text', text: t.val });
        continue;
      }
      // left delim
      const kw = this.peekNonSpace();
      if (kw.type === 'keyword' && (kw.val === 'end' || kw.val === 'else')) {
        this.i++;
        return { list, end: kw };
      }
      list.push(this.parseAction(t));
    }
  }

  private expectRight(context: string): void {
    const t = this.nextNonSpace();
    if (t.type !== 'right') this.err(t, `unexpected ${describe(t)} in ${context}`);
  }

  private parseAction(left: Token): TNode {
    const t = this.peekNonSpace();
    if (t.type === 'keyword') {
      this.i++;
      switch (t.val) {
        case 'if':
        case 'with':
        case 'range':
          return this.parseControl(t.val, t);
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.err(t, `{{${t.val}}} outside {{range}}`);
          this.expectRight(t.val);
          return { k: t.val, pos: t.pos, line: t.line };
        case 'define':
        case 'template':
        case 'block':
          this.err(t, `{{${t.val}}} is not supported here`);
          break;
        case 'nil':
          this.i--;
          break;
        default:
          this.err(t, `unexpected ${describe(t)}`);
      }
    }
    const pipe = this.parsePipeline('command', 'right');
    return { k: 'action', pipe, pos: left.pos, line: left.line };
  }

  private parseControl(kind: 'if' | 'with' | 'range', kw: Token): TNode {
    this.vars.push([...this.vars[this.vars.length - 1]]);
    const pipe = this.parsePipeline(kind, 'right');
    if (kind === 'range') this.rangeDepth++;
    const parsed = this.parseList();
    const list = parsed.list;
    let end = parsed.end;
    if (kind === 'range') this.rangeDepth--;
    let elseList: TNode[] | null = null;
    if (end === null) this.err(this.peek(), 'unexpected EOF');
    if (end!.val === 'else') {
      const nx = this.peekNonSpace();
      if ((kind === 'if' && nx.type === 'keyword' && nx.val === 'if') || (kind === 'with' && nx.type === 'keyword' && nx.val === 'with')) {
        // {{else if ...}} / {{else with ...}}: a nested control that shares our {{end}}.
        this.i++;
        this.vars.pop();
        this.vars.push([...this.vars[this.vars.length - 1]]);
        const nested = this.parseControl(kind, nx);
        elseList = [nested];
        this.vars.pop();
        return { k: kind, pipe, list, elseList, pos: kw.pos, line: kw.line };
      }
      this.expectRight('else');
      const r = this.parseList();
      elseList = r.list;
      if (r.end === null) this.err(this.peek(), 'unexpected EOF');
      if (r.end.val !== 'end') this.err(r.end, `expected end; found {{else}}`);
      end = r.end;
    }
    this.expectRight('end');
    this.vars.pop();
    return { k: kind, pipe, list, elseList, pos: kw.pos, line: kw.line };
  }

  private hasVar(name: string): boolean {
    return this.vars[this.vars.length - 1].includes(name);
  }

  /** Parses `[decl :=] cmd | cmd ...` up to the `end` token type. */
  private parsePipeline(context: string, end: 'right' | 'rightParen'): Pipe {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let assign = false;
    // Declarations: $x := / $x = / $i, $v :=
    const save = this.i;
    const v1 = this.nextNonSpace();
    if (v1.type === 'variable') {
      const nx = this.nextNonSpace();
      if (nx.type === 'declare' || nx.type === 'assign') {
        decl.push(v1.val);
        assign = nx.type === 'assign';
      } else if (nx.type === 'comma' && context === 'range') {
        const v2 = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (v2.type !== 'variable' || (op.type !== 'declare' && op.type !== 'assign')) this.err(v2, `range can only initialize variables`);
        decl.push(v1.val, v2.val);
        assign = op.type === 'assign';
      } else this.i = save;
    } else this.i = save;
    if (assign) for (const d of decl) if (!this.hasVar(d)) this.err(start, `undefined variable "${d}"`);
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if (t.type === end) {
        this.i++;
        break;
      }
      if (t.type === 'eof') this.err(t, end === 'right' ? 'unclosed action' : 'unclosed left paren');
      if (t.type === 'right' && end === 'rightParen') this.err(t, 'unclosed left paren');
      if (t.type === 'rightParen') this.err(t, `unexpected right paren ${goQuoteRuneU(')')}`);
      cmds.push(this.parseCommand(end, context));
    }
    if (!assign) for (const d of decl) this.vars[this.vars.length - 1].push(d);
    if (cmds.length === 0) this.err(start, `missing value for ${context}`);
    const text = pipeText(decl, assign, cmds);
    return { decl, assign, cmds, pos: start.pos, line: start.line, text };
  }

  private parseCommand(end: 'right' | 'rightParen', context: string): Command {
    const args: Arg[] = [];
    const pos = this.peekNonSpace().pos;
    for (;;) {
      this.peekNonSpace();
      const t = this.peek();
      if (t.type === end || t.type === 'pipe' || t.type === 'eof' || t.type === 'right' || t.type === 'rightParen') break;
      args.push(this.parseOperand(context));
      const after = this.peek();
      if (after.type === 'space') continue;
      if (after.type === end || after.type === 'pipe' || after.type === 'right' || after.type === 'rightParen') break;
      this.err(after, `unexpected ${describe(after)} in operand`);
    }
    const t = this.peek();
    if (t.type === 'pipe') {
      this.i++;
      if (args.length === 0) this.err(t, `missing command`);
      const nx = this.peekNonSpace();
      if (nx.type === end || nx.type === 'right') this.err(nx, 'missing command');
    }
    if (args.length === 0) this.err(t, `empty command`);
    return { args, pos };
  }

  private parseOperand(context: string): Arg {
    const t = this.next();
    let arg: Arg;
    switch (t.type) {
      case 'field':
        arg = { k: 'field', names: t.val.slice(1).split('.'), pos: t.pos, text: t.val };
        break;
      case 'variable':
        if (!this.hasVar(t.val)) this.err(t, `undefined variable "${t.val}"`);
        arg = { k: 'variable', name: t.val, names: [], pos: t.pos, text: t.val };
        break;
      case 'dot':
        arg = { k: 'dot', pos: t.pos, text: '.' };
        break;
      case 'nil':
        arg = { k: 'nil', pos: t.pos, text: 'nil' };
        break;
      case 'bool':
        arg = { k: 'literal', value: t.val === 'true', pos: t.pos, text: t.val };
        break;
      case 'string':
        arg = { k: 'literal', value: unquoteGo(t.val, () => this.err(t, `invalid syntax`)), pos: t.pos, text: t.val };
        break;
      case 'rawString':
        arg = { k: 'literal', value: t.val.slice(1, -1).replace(/\r/g, ''), pos: t.pos, text: t.val };
        break;
      case 'char': {
        const ch = unquoteGo('"' + t.val.slice(1, -1).replace(/"/g, '\\"') + '"', () => this.err(t, `malformed character constant: ${t.val}`));
        if ([...ch].length !== 1) this.err(t, `malformed character constant: ${t.val}`);
        arg = { k: 'literal', value: ch.codePointAt(0)!, pos: t.pos, text: t.val };
        break;
      }
      case 'number': {
        const n = parseGoNumber(t.val);
        if (n === null) this.err(t, `illegal number syntax: ${goQuoteStr(t.val)}`);
        arg = { k: 'literal', value: n, pos: t.pos, text: t.val };
        break;
      }
      case 'identifier':
        if (!FUNCS.has(t.val)) this.err(t, `function ${goQuoteStr(t.val)} not defined`);
        arg = { k: 'identifier', name: t.val, pos: t.pos, text: t.val };
        break;
      case 'leftParen': {
        if (++this.depth > MAX_PARSE_DEPTH) this.err(t, 'template nested too deeply');
        const pipe = this.parsePipeline('parenthesized pipeline', 'rightParen');
        this.depth--;
        arg = { k: 'pipe', pipe, names: [], pos: t.pos, text: `(${pipe.text})` };
        break;
      }
      case 'keyword':
        this.err(t, `unexpected ${describe(t)} in ${context}`);
        break;
      default:
        this.err(t, `unexpected ${describe(t)} in operand`);
    }
    // Field chain after a variable, a parenthesised pipeline or a literal: $x.A.B, (pipe).A
    while (this.peek().type === 'field') {
      const f = this.next();
      const names = f.val.slice(1).split('.');
      if (arg!.k === 'variable' || arg!.k === 'pipe') {
        arg!.names.push(...names);
        arg!.text += f.val;
      } else if (arg!.k === 'dot') {
        this.err(f, `unexpected . after term ${goQuoteStr('.')}`);
      } else if (arg!.k === 'field') {
        arg!.names.push(...names);
        arg!.text += f.val;
      } else this.err(f, `unexpected . after term ${goQuoteStr(arg!.text)}`);
    }
    return arg!;
  }
}

function describe(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'EOF';
    case 'right':
      return '"}}"';
    case 'keyword':
      return `<${t.val}>`;
    case 'space':
      return 'space';
    default:
      return `${goQuoteStr(t.val)}`;
  }
}

function pipeText(decl: string[], assign: boolean, cmds: Command[]): string {
  const head = decl.length ? `${decl.join(', ')} ${assign ? '=' : ':='} ` : '';
  return head + cmds.map((c) => c.args.map((a) => a.text).join(' ')).join(' | ');
}

function unquoteGo(q: string, bad: () => never): string {
  const body = q.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (n in simple) out += simple[n];
    else if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (n === 'U' && /^[0-9a-fA-F]{8}$/.test(body.slice(i + 1, i + 9))) {
      const cp = parseInt(body.slice(i + 1, i + 9), 16);
      if (cp > 0x10ffff) bad();
      out += String.fromCodePoint(cp);
      i += 8;
    } else if (/[0-7]/.test(n ?? '') && /^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8) & 0xff);
      i += 2;
    } else bad();
  }
  return out;
}

function parseGoNumber(text: string): number | null {
  const t = text.replace(/_/g, '');
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[xX]/, ''), 16);
  if (/^[+-]?0[bB][01]+$/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[bB]/, ''), 2);
  if (/^[+-]?0[oO]?[0-7]+$/.test(t) && /^[+-]?0/.test(t) && t.replace(/^[+-]/, '').length > 1) {
    return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0[oO]?/, ''), 8);
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Values and printing

const NO_VALUE = Symbol('no value');
type Value = unknown;

function isMap(v: Value): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && structType(v) === undefined;
}

function goTypeName(v: Value): string {
  if (v === NO_VALUE || v === undefined) return '<nil>';
  if (v === null) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  const st = structType(v);
  if (st) return st;
  if (typeof v === 'object') return 'map[string]interface {}';
  return 'func()';
}

/** Go's %v of a float64 ('g' with the shortest representation, exponent when < 1e-4 or >= 1e21). */
function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/** fmt's %v. */
export function goPrint(v: Value, top = true): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return '0x1';
  if (Array.isArray(v)) return '[' + v.map((x) => goPrint(x, false)).join(' ') + ']';
  // Methods (function-valued properties) are not fields: fmt does not print them.
  if (structType(v)) return '{' + Object.values(v as object).filter((x) => typeof x !== 'function').map((x) => goPrint(x, false)).join(' ') + '}';
  const obj = v as Record<string, unknown>;
  void top;
  return 'map[' + Object.keys(obj).sort(goStringLess).map((k) => `${k}:${goPrint(obj[k], false)}`).join(' ') + ']';
}

function goStringLess(a: string, b: string): number {
  // Go compares strings bytewise; for our data (ASCII keys) code unit order is the same.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's encoding/json (with SetEscapeHTML(false)), compact. */
export function goJson(v: Value): string {
  const str = (s: string): string =>
    '"' +
    s.replace(/[\u0000-\u001f"\\\u2028\u2029]/g, (c) => {
      switch (c) {
        case '"':
          return '\\"';
        case '\\':
          return '\\\\';
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
        case '\b':
          return '\\b';
        case '\f':
          return '\\f';
        default:
          return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
      }
    }) +
    '"';
  const enc = (x: Value, depth: number): string => {
    if (depth > 200) throw new TemplateError('template: json: unsupported value: encountered a cycle', 'exec');
    if (x === NO_VALUE || x === null || x === undefined) return 'null';
    if (typeof x === 'string') return str(x);
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new TemplateError(`json: unsupported value: ${formatFloat(x)}`, 'exec');
      return JSON.stringify(x).replace(/e([+-])(\d)$/, 'e$1$2');
    }
    if (typeof x === 'boolean') return String(x);
    if (typeof x === 'function') return 'null';
    if (Array.isArray(x)) return '[' + x.map((y) => enc(y, depth + 1)).join(',') + ']';
    const o = x as Record<string, unknown>;
    const inOrder = structType(x) !== undefined && !(o as Record<symbol, unknown>)[JSON_AS_MAP];
    const keys = inOrder ? Object.keys(o) : Object.keys(o).sort(goStringLess);
    return '{' + keys.filter((k) => typeof o[k] !== 'function').map((k) => `${str(k)}:${enc(o[k], depth + 1)}`).join(',') + '}';
  };
  return enc(v, 0);
}

function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (structType(v)) return true;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Execution

class Budget {
  steps = 0;
  constructor(
    readonly maxSteps: number,
    readonly maxOutput: number,
  ) {}
  tick(n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) {
      throw new TemplateError(`template: execution stopped after ${this.maxSteps} steps (the template does too much work)`, 'limit');
    }
  }
}

class BreakSignal {
  constructor(readonly kind: 'break' | 'continue') {}
}

type Scope = { name: string; value: Value }[];

class Exec {
  out: string[] = [];
  size = 0;
  constructor(
    readonly lexer: Lexer,
    readonly budget: Budget,
    readonly missingKey: 'default' | 'error',
    readonly header: boolean,
  ) {}

  private write(s: string): void {
    this.size += s.length;
    if (this.size > this.budget.maxOutput) {
      throw new TemplateError(`template: output exceeds ${this.budget.maxOutput} characters`, 'limit');
    }
    this.out.push(s);
  }

  /** Go's `template: :LINE:COL: executing "" at <NODE>: MSG`. */
  error(pos: number, nodeText: string, msg: string, missingField = false): never {
    const text = this.lexer.input.slice(0, pos);
    const line = 1 + (text.match(/\n/g) ?? []).length;
    const nl = text.lastIndexOf('\n');
    const col = nl < 0 ? pos : pos - nl - 1;
    let context = nodeText;
    if ([...context].length > 20) context = [...context].slice(0, 20).join('') + '...';
    throw new TemplateError(`template: :${line}:${col}: executing "" at <${context}>: ${msg}`, 'exec', missingField);
  }

  walk(nodes: TNode[], dot: Value, vars: Scope): void {
    for (const n of nodes) {
      this.budget.tick();
      switch (n.k) {
        case 'text':
          this.write(n.text);
          break;
        case 'action': {
          const v = this.evalPipe(n.pipe, dot, vars);
          if (n.pipe.decl.length === 0) this.write(this.printValue(v, n.pipe));
          break;
        }
        case 'if':
        case 'with': {
          const inner: Scope = [...vars];
          const v = this.evalPipe(n.pipe, dot, inner);
          if (truth(v)) this.walk(n.list, n.k === 'with' ? v : dot, inner);
          else if (n.elseList) this.walk(n.elseList, dot, vars);
          break;
        }
        case 'range':
          this.walkRange(n, dot, vars);
          break;
        case 'break':
        case 'continue':
          throw new BreakSignal(n.k);
        default: {
          const never: never = n;
          return never;
        }
      }
    }
  }

  private printValue(v: Value, pipe: Pipe): string {
    if (typeof v === 'function') this.error(pipe.pos, pipe.text, `can't print ${pipe.text} of type func()`);
    return goPrint(v);
  }

  private walkRange(n: Extract<TNode, { k: 'range' }>, dot: Value, vars: Scope): void {
    const inner: Scope = [...vars];
    // Evaluate without declaring: range declares per iteration.
    const pipe = { ...n.pipe, decl: [] as string[] };
    const v = this.evalPipe(pipe, dot, inner);
    const items: [Value, Value][] = [];
    if (Array.isArray(v)) v.forEach((x, i) => items.push([i, x]));
    else if (isMap(v)) for (const k of Object.keys(v).sort(goStringLess)) items.push([k, v[k]]);
    else if (structType(v)) this.error(n.pipe.pos, n.pipe.text, `range can't iterate over ${goPrint(v)}`);
    else if (typeof v === 'number' && Number.isInteger(v)) {
      if (v > this.budget.maxSteps) this.budget.tick(v);
      for (let i = 0; i < v; i++) items.push([i, i]);
    } else if (v === NO_VALUE || v === null || v === undefined) {
      // nil ranges like an empty slice
    } else this.error(n.pipe.pos, n.pipe.text, `range can't iterate over ${goPrint(v)}`);
    if (items.length === 0) {
      if (n.elseList) this.walk(n.elseList, dot, vars);
      return;
    }
    for (const [k, x] of items) {
      this.budget.tick();
      const scope: Scope = [...inner];
      if (n.pipe.decl.length === 1) this.setVar(scope, n.pipe.decl[0], x, n.pipe.assign);
      else if (n.pipe.decl.length === 2) {
        this.setVar(scope, n.pipe.decl[0], k, n.pipe.assign);
        this.setVar(scope, n.pipe.decl[1], x, n.pipe.assign);
      }
      try {
        this.walk(n.list, x, scope);
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (e.kind === 'break') break;
          continue;
        }
        throw e;
      }
      // Assignments to outer variables inside the loop body persist.
      for (let i = 0; i < inner.length; i++) inner[i] = scope[i];
    }
    for (let i = 0; i < vars.length; i++) vars[i] = inner[i];
  }

  private setVar(scope: Scope, name: string, value: Value, assign: boolean): void {
    if (assign) {
      for (let i = scope.length - 1; i >= 0; i--) {
        if (scope[i].name === name) {
          scope[i] = { name, value };
          return;
        }
      }
    }
    scope.push({ name, value });
  }

  private lookupVar(scope: Scope, name: string): Value {
    for (let i = scope.length - 1; i >= 0; i--) if (scope[i].name === name) return scope[i].value;
    return NO_VALUE;
  }

  evalPipe(pipe: Pipe, dot: Value, vars: Scope): Value {
    let final: Value = undefined;
    let hasFinal = false;
    for (const cmd of pipe.cmds) {
      this.budget.tick();
      final = this.evalCommand(cmd, dot, vars, hasFinal ? [final] : []);
      hasFinal = true;
    }
    if (pipe.decl.length === 1) this.setVar(vars, pipe.decl[0], final, pipe.assign);
    return final;
  }

  private evalCommand(cmd: Command, dot: Value, vars: Scope, final: Value[]): Value {
    const first = cmd.args[0];
    if (first.k === 'identifier') {
      const args = cmd.args.slice(1);
      return this.callFunc(first, args, dot, vars, final);
    }
    if (first.k === 'field' || (first.k === 'variable' && first.names.length) || (first.k === 'pipe' && first.names.length)) {
      // A method call could take arguments; data fields cannot.
      const withArgs = cmd.args.length > 1 || final.length > 0;
      const v = withArgs && first.k === 'field' ? this.methodOf(dot, first) : this.evalArg(first, dot, vars);
      if (withArgs) {
        if (typeof v === 'function') {
          const args = [...cmd.args.slice(1).map((a) => this.evalArg(a, dot, vars)), ...final];
          return this.callMethod(first, v as (...a: unknown[]) => unknown, args);
        }
        this.error(first.pos, first.text, `can't give argument to non-function ${first.text}`);
      }
      return v;
    }
    if (cmd.args.length > 1 || final.length) {
      const t = cmd.args.length > 1 ? cmd.args[0] : first;
      if (first.k === 'nil') this.error(first.pos, first.text, `nil is not a command`);
      this.error(t.pos, t.text, `can't give argument to non-function ${first.text}`);
    }
    if (first.k === 'nil') this.error(first.pos, first.text, 'nil is not a command');
    return this.evalArg(first, dot, vars);
  }

  private callMethod(node: Arg, fn: (...a: unknown[]) => unknown, args: unknown[]): Value {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.error(node.pos, node.text, `error calling ${node.text.split('.').pop()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  evalArg(a: Arg, dot: Value, vars: Scope): Value {
    this.budget.tick();
    switch (a.k) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'literal':
        return a.value;
      case 'identifier': {
        // A function used as an argument without arguments of its own: call it with none.
        return this.callFunc(a, [], dot, vars, []);
      }
      case 'field':
        return this.evalFieldChain(dot, a.names, a);
      case 'variable':
        return this.evalFieldChain(this.lookupVar(vars, a.name), a.names, a);
      case 'pipe':
        return this.evalFieldChain(this.evalPipe(a.pipe, dot, [...vars]), a.names, a);
      default: {
        const never: never = a;
        return never;
      }
    }
  }

  /** `.A.B "x"`: the method B of .A, not yet called (so it can take the arguments). */
  private methodOf(dot: Value, node: Extract<Arg, { k: 'field' }>): Value {
    const recv = this.evalFieldChain(dot, node.names.slice(0, -1), node);
    const last = node.names[node.names.length - 1];
    if (structType(recv) || isMap(recv)) {
      const f = (recv as Record<string, unknown>)[last];
      if (typeof f === 'function') return f as Value;
    }
    return this.evalField(recv, last, node);
  }

  private evalFieldChain(receiver: Value, names: string[], node: Arg): Value {
    let v = receiver;
    for (const name of names) {
      this.budget.tick();
      v = this.evalField(v, name, node);
    }
    return v;
  }

  private evalField(receiver: Value, name: string, node: Arg): Value {
    if (receiver === NO_VALUE || receiver === undefined) {
      // Go: a missing value reached through a map has no fields.
      return NO_VALUE;
    }
    if (receiver === null) this.error(node.pos, node.text, `nil pointer evaluating interface {}.${name}`);
    const st = structType(receiver);
    if (st) {
      const obj = receiver as Record<string, unknown>;
      if (!Object.prototype.hasOwnProperty.call(obj, name)) {
        this.error(node.pos, node.text, `can't evaluate field ${name} in type ${st}`, true);
      }
      const f = obj[name];
      if (typeof f === 'function') {
        if (f.length > 0) this.error(node.pos, node.text, `wrong number of args for ${name}: want ${f.length} got 0`);
        return this.callMethod(node, f as () => unknown, []);
      }
      return f;
    }
    if (isMap(receiver)) {
      if (Object.prototype.hasOwnProperty.call(receiver, name)) {
        const f = receiver[name];
        return typeof f === 'function' ? this.callMethod(node, f as () => unknown, []) : f;
      }
      if (this.missingKey === 'error') this.error(node.pos, node.text, `map has no entry for key ${goQuoteStr(name)}`);
      return NO_VALUE;
    }
    this.error(node.pos, node.text, `can't evaluate field ${name} in type ${goTypeName(receiver)}`, true);
  }

  private want(fn: Arg, n: number, got: number): void {
    if (n !== got) this.error(fn.pos, fn.text, `wrong number of args for ${fn.text}: want ${n} got ${got}`);
  }

  private atLeast(fn: Arg, n: number, got: number): void {
    if (got < n) this.error(fn.pos, fn.text, `wrong number of args for ${fn.text}: want at least ${n} got ${got}`);
  }

  private callErr(fn: Arg, msg: string): never {
    return this.error(fn.pos, fn.text, `error calling ${fn.text}: ${msg}`);
  }

  private str(fn: Arg, v: Value, what: string): string {
    if (typeof v === 'string') return v;
    return this.error(fn.pos, fn.text, `wrong type for ${what}; expected string; got ${goTypeName(v)}`);
  }

  private int(fn: Arg, v: Value): number {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    return this.error(fn.pos, fn.text, `wrong type for value; expected int; got ${goTypeName(v)}`);
  }

  private callFunc(fn: Extract<Arg, { k: 'identifier' }>, argNodes: Arg[], dot: Value, vars: Scope, final: Value[]): Value {
    const name = fn.name;
    this.budget.tick();
    const total = argNodes.length + final.length;
    // and/or evaluate lazily.
    if (name === 'and' || name === 'or') {
      this.atLeast(fn, 1, total);
      let v: Value = undefined;
      const all = [...argNodes.map((a) => () => this.evalArg(a, dot, vars)), ...final.map((f) => () => f)];
      for (const get of all) {
        v = get();
        if (name === 'and' ? !truth(v) : truth(v)) return v;
      }
      return v;
    }
    const args = [...argNodes.map((a) => this.evalArg(a, dot, vars)), ...final];
    if (this.header && ['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate'].includes(name)) {
      this.want(fn, name === 'json' || name === 'title' || name === 'lower' || name === 'upper' ? 1 : 2, args.length);
      return args[0];
    }
    switch (name) {
      case 'not':
        this.want(fn, 1, args.length);
        return !truth(args[0]);
      case 'len': {
        this.want(fn, 1, args.length);
        const v = args[0];
        if (typeof v === 'string') return new TextEncoder().encode(v).length;
        if (Array.isArray(v)) return v.length;
        if (isMap(v)) return Object.keys(v).length;
        return this.callErr(fn, `len of type ${goTypeName(v)}`);
      }
      case 'index': {
        this.atLeast(fn, 1, args.length);
        let v = args[0];
        for (const k of args.slice(1)) {
          this.budget.tick();
          if (Array.isArray(v) || typeof v === 'string') {
            if (typeof k !== 'number' || !Number.isInteger(k)) this.callErr(fn, `cannot index slice/array with type ${goTypeName(k)}`);
            const len = typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
            if ((k as number) < 0 || (k as number) >= len) this.callErr(fn, `index out of range: ${k as number}`);
            v = typeof v === 'string' ? new TextEncoder().encode(v)[k as number] : v[k as number];
          } else if (isMap(v)) {
            if (typeof k !== 'string') this.callErr(fn, `value has type ${goTypeName(k)}; should be string`);
            if (Object.prototype.hasOwnProperty.call(v, k as string)) v = v[k as string];
            else {
              // Missing key: the map's zero value. String-valued maps (driver options, labels) give "".
              const vals = Object.values(v);
              v = vals.every((x) => typeof x === 'string') ? '' : null;
            }
          } else if (v === null || v === NO_VALUE || v === undefined) {
            this.callErr(fn, 'index of untyped nil');
          } else this.callErr(fn, `can't index item of type ${goTypeName(v)}`);
        }
        return v;
      }
      case 'slice': {
        this.atLeast(fn, 1, args.length);
        const v = args[0];
        const idx = args.slice(1).map((x) => this.int(fn, x));
        if (idx.length > 2) this.callErr(fn, 'too many slice indexes: ' + idx.length);
        if (typeof v !== 'string' && !Array.isArray(v)) this.callErr(fn, `can't slice item of type ${goTypeName(v)}`);
        const len = (v as string | unknown[]).length;
        const a = idx[0] ?? 0;
        const b = idx[1] ?? len;
        if (a < 0 || b > len || a > b) this.callErr(fn, `index out of range: ${a > b ? a : b}`);
        return (v as string | unknown[]).slice(a, b);
      }
      case 'print':
        return goSprint(args);
      case 'println':
        return args.map((a) => goPrint(a)).join(' ') + '\n';
      case 'printf': {
        this.atLeast(fn, 1, args.length);
        return goSprintf(this.str(fn, args[0], 'format'), args.slice(1));
      }
      case 'eq':
      case 'ne':
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge':
        return this.compare(name, args, fn);
      case 'html':
        return goSprint(args).replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
      case 'js':
        return goSprint(args).replace(/[\\'"<>&=\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
      case 'urlquery':
        return encodeURIComponent(goSprint(args)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
      case 'call':
        return this.callErr(fn, 'call is not supported here');
      case 'json':
        this.want(fn, 1, args.length);
        return goJson(args[0]);
      case 'split': {
        this.want(fn, 2, args.length);
        const s = this.str(fn, args[0], 's');
        const sep = this.str(fn, args[1], 'sep');
        if (sep === '') return [...s];
        return s.split(sep);
      }
      case 'join': {
        this.want(fn, 2, args.length);
        const v = args[0];
        const sep = this.str(fn, args[1], 'sep');
        if (v === null || v === NO_VALUE) return '';
        if (Array.isArray(v)) return v.map((x) => goPrint(x)).join(sep);
        if (isMap(v)) return Object.values(v).map((x) => goPrint(x)).sort(goStringLess).join(sep);
        return this.callErr(fn, `expected slice, got ${goTypeName(v)}`);
      }
      case 'title':
        this.want(fn, 1, args.length);
        return this.str(fn, args[0], 's').replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
      case 'lower':
        this.want(fn, 1, args.length);
        return this.str(fn, args[0], 's').toLowerCase();
      case 'upper':
        this.want(fn, 1, args.length);
        return this.str(fn, args[0], 's').toUpperCase();
      case 'pad': {
        this.want(fn, 3, args.length);
        const s = this.str(fn, args[0], 'source');
        const pre = this.int(fn, args[1]);
        const suf = this.int(fn, args[2]);
        if (pre < 0 || suf < 0) this.callErr(fn, 'strings: negative Repeat count');
        if (pre + suf > this.budget.maxOutput) this.callErr(fn, 'padding too large');
        return s === '' ? s : ' '.repeat(pre) + s + ' '.repeat(suf);
      }
      case 'truncate': {
        this.want(fn, 2, args.length);
        const s = this.str(fn, args[0], 'source');
        const n = this.int(fn, args[1]);
        const bytes = new TextEncoder().encode(s);
        if (bytes.length < n) return s;
        if (n < 0) this.callErr(fn, `slice bounds out of range [:${n}]`);
        return new TextDecoder().decode(bytes.slice(0, n));
      }
      default:
        return this.callErr(fn, 'not a function');
    }
  }

  private compare(name: string, args: Value[], fn: Arg): boolean {
    if (name === 'eq') {
      if (args.length < 2) this.error(fn.pos, fn.text, `wrong number of args for eq: want at least 2 got ${args.length}`);
      const a = args[0];
      for (const b of args.slice(1)) {
        if (a === null || b === null || a === NO_VALUE || b === NO_VALUE) {
          if ((a === null || a === NO_VALUE) && (b === null || b === NO_VALUE)) return true;
          if (basicKind(a) === null || basicKind(b) === null) {
            if (a === b) return true;
            continue;
          }
          this.callErr(fn, 'incompatible types for comparison');
        }
        const ka = basicKind(a);
        const kb = basicKind(b);
        if (ka === null || kb === null) this.callErr(fn, 'uncomparable type');
        const numeric = (ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float');
        if (ka !== kb && !numeric) this.callErr(fn, 'incompatible types for comparison');
        if (a === b) return true;
      }
      return false;
    }
    if (name === 'ne') {
      if (args.length !== 2) this.error(fn.pos, fn.text, `wrong number of args for ne: want 2 got ${args.length}`);
      return !this.compare('eq', args, fn);
    }
    if (args.length !== 2) this.error(fn.pos, fn.text, `wrong number of args for ${name}: want 2 got ${args.length}`);
    const [a, b] = args;
    const ka = basicKind(a);
    const kb = basicKind(b);
    if (ka === null || kb === null || ka === 'bool' || kb === 'bool') this.callErr(fn, 'invalid type for comparison');
    const numeric = (ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float');
    if (ka !== kb && !numeric) this.callErr(fn, 'incompatible types for comparison');
    const x = a as number | string;
    const y = b as number | string;
    switch (name) {
      case 'lt':
        return x < y;
      case 'le':
        return x <= y;
      case 'gt':
        return x > y;
      default:
        return x >= y;
    }
  }
}

function basicKind(v: Value): 'bool' | 'int' | 'float' | 'string' | null {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return null;
}

/** fmt.Sprint: spaces only between operands when neither side is a string. */
function goSprint(args: Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goPrint(a);
  });
  return out;
}

/** fmt.Sprintf for the verbs people use in templates: %s %v %d %q %t %x %X %f %e %g %c %%, width/precision/flags. */
export function goSprintf(format: string, args: Value[]): string {
  let out = '';
  let ai = 0;
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(format)) !== null) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, widthSpec, precSpec, verb] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    let width = widthSpec === '*' ? Number(args[ai++]) : widthSpec ? Number(widthSpec) : undefined;
    const prec = precSpec === '*' ? Number(args[ai++]) : m[0].includes('.') ? Number(precSpec ?? 0) : undefined;
    if (width !== undefined && (!Number.isFinite(width) || width > 1_000_000)) width = 0;
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[ai++];
    let s: string;
    switch (verb) {
      case 'v':
      case 's':
        s = typeof a === 'string' || verb === 'v' || true ? goPrint(a) : '';
        if (verb === 's' && typeof a === 'number') s = `%!s(${goTypeName(a)}=${goPrint(a)})`;
        if (prec !== undefined && verb === 's') s = [...s].slice(0, prec).join('');
        break;
      case 'd':
        s = typeof a === 'number' && Number.isInteger(a) ? (flags.includes('+') && a >= 0 ? '+' : '') + String(a) : `%!d(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 'q':
        s = typeof a === 'string' ? goQuoteStr(a) : typeof a === 'number' && Number.isInteger(a) ? `'${String.fromCodePoint(a)}'` : `%!q(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 't':
        s = typeof a === 'boolean' ? String(a) : `%!t(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 'x':
      case 'X': {
        let h: string;
        if (typeof a === 'number' && Number.isInteger(a)) h = a.toString(16);
        else if (typeof a === 'string') h = [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, '0')).join('');
        else h = `%!${verb}(${goTypeName(a)}=${goPrint(a)})`;
        s = verb === 'X' ? h.toUpperCase() : h;
        break;
      }
      case 'f':
      case 'F':
        s = typeof a === 'number' ? a.toFixed(Math.min(prec ?? 6, 100)) : `%!f(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 'e':
        s = typeof a === 'number' ? a.toExponential(Math.min(prec ?? 6, 100)).replace(/e([+-])(\d)$/, 'e$10$2') : `%!e(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 'g':
        s = typeof a === 'number' ? formatFloat(a) : `%!g(${goTypeName(a)}=${goPrint(a)})`;
        break;
      case 'c':
        s = typeof a === 'number' && Number.isInteger(a) && a >= 0 && a <= 0x10ffff ? String.fromCodePoint(a) : `%!c(${goTypeName(a)}=${goPrint(a)})`;
        break;
      default:
        s = `%!${verb}(${goTypeName(a)}=${goPrint(a)})`;
    }
    if (width !== undefined && [...s].length < width) {
      const pad = width - [...s].length;
      if (flags.includes('-')) s = s + ' '.repeat(pad);
      else if (flags.includes('0') && /[dfFeg xX]/.test(verb) && typeof a === 'number') {
        const neg = s.startsWith('-') || s.startsWith('+');
        s = neg ? s[0] + '0'.repeat(pad) + s.slice(1) : '0'.repeat(pad) + s;
      } else s = ' '.repeat(pad) + s;
    }
    out += s;
  }
  out += format.slice(last);
  if (ai < args.length) out += '%!(EXTRA ' + args.slice(ai).map((a) => `${goTypeName(a)}=${goPrint(a)}`).join(', ') + ')';
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

const MAX_TEMPLATE_LENGTH = 65_536;

/**
 * Parses a template without executing it (docker reports parse errors before touching any data).
 * @throws TemplateError (phase 'parse')
 */
export function checkTemplate(template: string): void {
  parseTemplate(template);
}

/**
 * Recently parsed templates. `ls --format` renders one template per row; the parse tree is immutable during
 * execution, so reusing it cannot change a result and no lab state lives here.
 */
const PARSED = new Map<string, { nodes: TNode[]; lexer: Lexer }>();
const PARSED_MAX = 64;

function parseTemplate(template: string): { nodes: TNode[]; lexer: Lexer } {
  const hit = PARSED.get(template);
  if (hit) return hit;
  const parsed = parseTemplateUncached(template);
  if (PARSED.size >= PARSED_MAX) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(template, parsed);
  return parsed;
}

function parseTemplateUncached(template: string): { nodes: TNode[]; lexer: Lexer } {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(`template: :1: template too long (${template.length} characters; the limit is ${MAX_TEMPLATE_LENGTH})`, 'limit');
  }
  const lexer = new Lexer(template);
  const toks = lexer.run();
  const nodes = new Parser(toks, lexer).parseTemplate();
  return { nodes, lexer };
}

/**
 * Executes a Go text/template over `data`.
 * @param template the template text (after docker's preprocessing, see `parseTableFormat`)
 * @param data the value `.` starts as
 * @param opts step/output budget, missing-key behaviour, header mode
 * @returns the rendered text
 * @throws TemplateError for parse errors, execution errors and exhausted budgets; never anything else
 */
export function renderTemplate(template: string, data: unknown, opts: TemplateOptions = {}): string {
  try {
    const { nodes, lexer } = parseTemplate(template);
    const budget = new Budget(opts.maxSteps ?? TEMPLATE_DEFAULTS.maxSteps, opts.maxOutput ?? TEMPLATE_DEFAULTS.maxOutput);
    const exec = new Exec(lexer, budget, opts.missingKey ?? 'default', opts.header ?? false);
    exec.walk(nodes, data, [{ name: '$', value: data }]);
    return exec.out.join('');
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    if (e instanceof RangeError) throw new TemplateError('template: :1: template too complex', 'limit');
    throw new TemplateError(`template: :1: internal error: ${e instanceof Error ? e.message : String(e)}`, 'exec');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// docker/cli formatter helpers

/** True when a `--format` value asks for a table (`table` or `table ...`), as docker's `Format.IsTable`. */
export function isTableFormat(format: string): boolean {
  return format.startsWith('table');
}

/**
 * docker/cli's `Format.templateString`: strips a `table` prefix, trims spaces, and turns the two-character
 * sequences `\t` and `\n` into a tab and a newline.
 * @returns `table` (print a header row) and the template to execute per row
 */
export function parseTableFormat(format: string): { table: boolean; template: string } {
  const table = isTableFormat(format);
  if (format === 'table') return { table, template: '' };
  let out = table ? format.slice('table'.length) : format;
  out = out.replace(/^ +| +$/g, '');
  out = out.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { table, template: out };
}

/**
 * Renders a table's header row: the row template executed over the field -> header map with docker's
 * header functions (json, upper, ... pass their argument through).
 * @param template the row template (from `parseTableFormat`)
 * @param headers e.g. `{ ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE' }`
 */
export function renderTableHeader(template: string, headers: Record<string, string>): string {
  try {
    return renderTemplate(template, headers, { header: true });
  } catch {
    // docker ignores header rendering errors
    return '';
  }
}

/** Printable ASCII only: one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a string (code points; East Asian wide characters count 2 as go-runewidth does). */
function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

type Cell = { text: string; width: number };

/**
 * Go's text/tabwriter as docker/cli configures it: `NewWriter(out, minwidth 10, tabwidth 1, padding 3, ' ', 0)`.
 * Cells are tab-terminated; the last cell of a line is not part of a column; a line without tabs ends a column
 * block. Every column is as wide as its widest cell plus 3, and at least 10.
 * @param text lines separated by '\n', cells by '\t'
 */
export function tabwriteText(text: string, minwidth = 10, padding = 3): string {
  const rawLines = text.split('\n');
  const out: string[] = [];
  let block: Cell[][] = [];
  const last = rawLines.length - 1;
  for (let idx = 0; idx <= last; idx++) {
    const l = rawLines[idx];
    const texts = l.split('\t');
    const cells: Cell[] = new Array(texts.length);
    for (let j = 0; j < texts.length; j++) cells[j] = { text: texts[j], width: displayWidth(texts[j]) };
    if (idx === last) {
      // The text after the last newline is formatted with its block but written without a newline.
      if (l !== '') block.push(cells);
      if (block.length) formatBlock(block, minwidth, padding, out, l === '');
      break;
    }
    block.push(cells);
    // A line with a single cell cannot affect later columns: tabwriter flushes there.
    if (cells.length === 1) {
      formatBlock(block, minwidth, padding, out, true);
      block = [];
    }
  }
  return out.join('');
}

/** tabwriter's `format`: recursively finds column blocks and their widths, then writes the lines. */
function formatBlock(lines: Cell[][], minwidth: number, padding: number, out: string[], newlineAtEnd: boolean): void {
  const widths: number[] = [];
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      let s = '';
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length && widths[j] > c.width) s += ' '.repeat(widths[j] - c.width);
      }
      out.push(s + (i + 1 < lines.length || newlineAtEnd ? '\n' : ''));
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
}

/**
 * Aligns rows of cells into docker's table layout (each row's cells joined by tabs, through `tabwriteText`).
 * @param rows rows of cells; the header row first
 * @returns the table text, each line ending in '\n'
 */
export function tabwrite(rows: string[][]): string {
  return tabwriteText(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
}
