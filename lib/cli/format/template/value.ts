/**
 * Template values as Go prints them: fmt's %v (`goPrint`), Sprint/Sprintf, encoding/json (`goJson`), truth, and
 * the Go type names error messages quote.
 */
import { GO_TYPE, JSON_AS_MAP } from '../../../cnm';
import { TemplateError } from './errors';
import { goQuoteStr } from './lex';

export function structType(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? ((v as Record<symbol, string>)[GO_TYPE] ?? undefined) : undefined;
}

export const NO_VALUE = Symbol('no value');
export type Value = unknown;

export function isMap(v: Value): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && structType(v) === undefined;
}

export function goTypeName(v: Value): string {
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
export function formatFloat(n: number): string {
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
export function goPrint(v: Value): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'bigint') return String(v); // int64 beyond 2^53 (events TimeNano)
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return '0x1';
  if (Array.isArray(v)) return '[' + v.map((x) => goPrint(x)).join(' ') + ']';
  // Methods (function-valued properties) are not fields: fmt does not print them.
  if (structType(v)) return '{' + Object.values(v as object).filter((x) => typeof x !== 'function').map((x) => goPrint(x)).join(' ') + '}';
  const obj = v as Record<string, unknown>;
  return 'map[' + Object.keys(obj).sort(goStringLess).map((k) => `${k}:${goPrint(obj[k])}`).join(' ') + ']';
}

export function goStringLess(a: string, b: string): number {
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
    if (typeof x === 'boolean' || typeof x === 'bigint') return String(x);
    if (typeof x === 'function') return 'null';
    if (Array.isArray(x)) return '[' + x.map((y) => enc(y, depth + 1)).join(',') + ']';
    const o = x as Record<string, unknown>;
    const inOrder = structType(x) !== undefined && !(o as Record<symbol, unknown>)[JSON_AS_MAP];
    const keys = inOrder ? Object.keys(o) : Object.keys(o).sort(goStringLess);
    return '{' + keys.filter((k) => typeof o[k] !== 'function').map((k) => `${str(k)}:${enc(o[k], depth + 1)}`).join(',') + '}';
  };
  return enc(v, 0);
}

export function truth(v: Value): boolean {
  if (v === NO_VALUE || v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== BigInt(0);
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (structType(v)) return true;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

export function basicKind(v: Value): 'bool' | 'int' | 'float' | 'string' | null {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  return null;
}

/** fmt.Sprint: spaces only between operands when neither side is a string. */
export function goSprint(args: Value[]): string {
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
