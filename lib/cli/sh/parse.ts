/** The syntax tree of one line and its recursive-descent parser (lists, pipelines, substitutions, redirections). */

export type Redirect = { fd: 1 | 2 | 'both'; target: '/dev/null' | '&1' | '&2' };
/** `words` are raw (still quoted) words; substitutions inside them are `${__NETPREP_SUB_<n>}` placeholders. */
export type SimpleCommand = { words: string[]; subs: ListNode[]; redirects: Redirect[] };
export type Pipeline = { commands: SimpleCommand[] };
export type ListNode = { items: { op: ';' | '&&' | '||'; pipeline: Pipeline }[] };

export class ShellSyntaxError extends Error {
  readonly kind = 'bad-request' as const;
  override readonly name = 'ShellSyntaxError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const SUB_PREFIX = '__NETPREP_SUB_';

/** Recursive-descent parser over the raw line. */
export class Parser {
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
