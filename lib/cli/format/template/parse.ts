/** The parser (Go's text/template/parse/parse.go): tokens -> parse tree. */
import { TemplateError } from './errors';
import { FUNCS } from './funcs';
import { goQuoteRuneU, goQuoteStr, type Lexer, type Token } from './lex';
import type { Arg, Command, Pipe, TNode } from './node';

const MAX_PARSE_DEPTH = 100;

export class Parser {
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
