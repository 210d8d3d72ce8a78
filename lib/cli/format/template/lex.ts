/** The lexer (Go's text/template/parse/lex.go): template text -> tokens. */
import { TemplateError } from './errors';

export type TokType =
  | 'text' | 'left' | 'right' | 'space' | 'field' | 'variable' | 'identifier' | 'string' | 'rawString' | 'char'
  | 'number' | 'bool' | 'nil' | 'dot' | 'pipe' | 'leftParen' | 'rightParen' | 'declare' | 'assign' | 'comma'
  | 'keyword' | 'eof';

export type Token = { type: TokType; val: string; pos: number; line: number };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block', 'nil']);

export class Lexer {
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

export function goQuoteRuneU(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

export function goQuoteStr(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (m, h: string) => (parseInt(h, 16) < 0x20 ? `\\x${h.slice(2)}` : m));
}
