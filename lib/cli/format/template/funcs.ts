/** The template functions (Go's text/template/funcs.go) plus docker/cli's (json split join title lower upper pad truncate). */
import type { Exec, Scope } from './exec';
import type { Arg } from './node';
import { basicKind, goJson, goPrint, goSprint, goSprintf, goStringLess, goTypeName, isMap, NO_VALUE, truth, type Value } from './value';

/** The names the parser accepts as functions. */
export const FUNCS = new Set([
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js',
  'urlquery', 'call', 'json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate',
]);

function want(ex: Exec, fn: Arg, n: number, got: number): void {
  if (n !== got) ex.error(fn.pos, fn.text, `wrong number of args for ${fn.text}: want ${n} got ${got}`);
}

function atLeast(ex: Exec, fn: Arg, n: number, got: number): void {
  if (got < n) ex.error(fn.pos, fn.text, `wrong number of args for ${fn.text}: want at least ${n} got ${got}`);
}

function callErr(ex: Exec, fn: Arg, msg: string): never {
  return ex.error(fn.pos, fn.text, `error calling ${fn.text}: ${msg}`);
}

function str(ex: Exec, fn: Arg, v: Value, what: string): string {
  if (typeof v === 'string') return v;
  return ex.error(fn.pos, fn.text, `wrong type for ${what}; expected string; got ${goTypeName(v)}`);
}

function int(ex: Exec, fn: Arg, v: Value): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return ex.error(fn.pos, fn.text, `wrong type for value; expected int; got ${goTypeName(v)}`);
}

export function callFunc(ex: Exec, fn: Extract<Arg, { k: 'identifier' }>, argNodes: Arg[], dot: Value, vars: Scope, final: Value[]): Value {
  const name = fn.name;
  ex.budget.tick();
  const total = argNodes.length + final.length;
  // and/or evaluate lazily.
  if (name === 'and' || name === 'or') {
    atLeast(ex, fn, 1, total);
    let v: Value = undefined;
    const all = [...argNodes.map((a) => () => ex.evalArg(a, dot, vars)), ...final.map((f) => () => f)];
    for (const get of all) {
      v = get();
      if (name === 'and' ? !truth(v) : truth(v)) return v;
    }
    return v;
  }
  const args = [...argNodes.map((a) => ex.evalArg(a, dot, vars)), ...final];
  if (ex.header && ['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate'].includes(name)) {
    want(ex, fn, name === 'json' || name === 'title' || name === 'lower' || name === 'upper' ? 1 : 2, args.length);
    return args[0];
  }
  switch (name) {
    case 'not':
      want(ex, fn, 1, args.length);
      return !truth(args[0]);
    case 'len': {
      want(ex, fn, 1, args.length);
      const v = args[0];
      if (typeof v === 'string') return new TextEncoder().encode(v).length;
      if (Array.isArray(v)) return v.length;
      if (isMap(v)) return Object.keys(v).length;
      return callErr(ex, fn, `len of type ${goTypeName(v)}`);
    }
    case 'index': {
      atLeast(ex, fn, 1, args.length);
      let v = args[0];
      for (const k of args.slice(1)) {
        ex.budget.tick();
        if (Array.isArray(v) || typeof v === 'string') {
          if (typeof k !== 'number' || !Number.isInteger(k)) callErr(ex, fn, `cannot index slice/array with type ${goTypeName(k)}`);
          const len = typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
          if ((k as number) < 0 || (k as number) >= len) callErr(ex, fn, `index out of range: ${k as number}`);
          v = typeof v === 'string' ? new TextEncoder().encode(v)[k as number] : v[k as number];
        } else if (isMap(v)) {
          if (typeof k !== 'string') callErr(ex, fn, `value has type ${goTypeName(k)}; should be string`);
          if (Object.prototype.hasOwnProperty.call(v, k as string)) v = v[k as string];
          else {
            // Missing key: the map's zero value. String-valued maps (driver options, labels) give "".
            const vals = Object.values(v);
            v = vals.every((x) => typeof x === 'string') ? '' : null;
          }
        } else if (v === null || v === NO_VALUE || v === undefined) {
          callErr(ex, fn, 'index of untyped nil');
        } else callErr(ex, fn, `can't index item of type ${goTypeName(v)}`);
      }
      return v;
    }
    case 'slice': {
      atLeast(ex, fn, 1, args.length);
      const v = args[0];
      const idx = args.slice(1).map((x) => int(ex, fn, x));
      if (idx.length > 2) callErr(ex, fn, 'too many slice indexes: ' + idx.length);
      if (typeof v !== 'string' && !Array.isArray(v)) callErr(ex, fn, `can't slice item of type ${goTypeName(v)}`);
      const len = (v as string | unknown[]).length;
      const a = idx[0] ?? 0;
      const b = idx[1] ?? len;
      if (a < 0 || b > len || a > b) callErr(ex, fn, `index out of range: ${a > b ? a : b}`);
      return (v as string | unknown[]).slice(a, b);
    }
    case 'print':
      return goSprint(args);
    case 'println':
      return args.map((a) => goPrint(a)).join(' ') + '\n';
    case 'printf': {
      atLeast(ex, fn, 1, args.length);
      return goSprintf(str(ex, fn, args[0], 'format'), args.slice(1));
    }
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return compare(ex, name, args, fn);
    case 'html':
      return goSprint(args).replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
    case 'js':
      return goSprint(args).replace(/[\\'"<>&=\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
    case 'urlquery':
      return encodeURIComponent(goSprint(args)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    case 'call':
      return callErr(ex, fn, 'call is not supported here');
    case 'json':
      want(ex, fn, 1, args.length);
      return goJson(args[0]);
    case 'split': {
      want(ex, fn, 2, args.length);
      const s = str(ex, fn, args[0], 's');
      const sep = str(ex, fn, args[1], 'sep');
      if (sep === '') return [...s];
      return s.split(sep);
    }
    case 'join': {
      want(ex, fn, 2, args.length);
      const v = args[0];
      const sep = str(ex, fn, args[1], 'sep');
      if (v === null || v === NO_VALUE) return '';
      if (Array.isArray(v)) return v.map((x) => goPrint(x)).join(sep);
      if (isMap(v)) return Object.values(v).map((x) => goPrint(x)).sort(goStringLess).join(sep);
      return callErr(ex, fn, `expected slice, got ${goTypeName(v)}`);
    }
    case 'title':
      want(ex, fn, 1, args.length);
      return str(ex, fn, args[0], 's').replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
    case 'lower':
      want(ex, fn, 1, args.length);
      return str(ex, fn, args[0], 's').toLowerCase();
    case 'upper':
      want(ex, fn, 1, args.length);
      return str(ex, fn, args[0], 's').toUpperCase();
    case 'pad': {
      want(ex, fn, 3, args.length);
      const s = str(ex, fn, args[0], 'source');
      const pre = int(ex, fn, args[1]);
      const suf = int(ex, fn, args[2]);
      if (pre < 0 || suf < 0) callErr(ex, fn, 'strings: negative Repeat count');
      if (pre + suf > ex.budget.maxOutput) callErr(ex, fn, 'padding too large');
      return s === '' ? s : ' '.repeat(pre) + s + ' '.repeat(suf);
    }
    case 'truncate': {
      want(ex, fn, 2, args.length);
      const s = str(ex, fn, args[0], 'source');
      const n = int(ex, fn, args[1]);
      const bytes = new TextEncoder().encode(s);
      if (bytes.length < n) return s;
      if (n < 0) callErr(ex, fn, `slice bounds out of range [:${n}]`);
      return new TextDecoder().decode(bytes.slice(0, n));
    }
    default:
      return callErr(ex, fn, 'not a function');
  }
}

function compare(ex: Exec, name: string, args: Value[], fn: Arg): boolean {
  if (name === 'eq') {
    if (args.length < 2) ex.error(fn.pos, fn.text, `wrong number of args for eq: want at least 2 got ${args.length}`);
    const a = args[0];
    for (const b of args.slice(1)) {
      if (a === null || b === null || a === NO_VALUE || b === NO_VALUE) {
        if ((a === null || a === NO_VALUE) && (b === null || b === NO_VALUE)) return true;
        if (basicKind(a) === null || basicKind(b) === null) {
          if (a === b) return true;
          continue;
        }
        callErr(ex, fn, 'incompatible types for comparison');
      }
      const ka = basicKind(a);
      const kb = basicKind(b);
      if (ka === null || kb === null) callErr(ex, fn, 'uncomparable type');
      const numeric = (ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float');
      if (ka !== kb && !numeric) callErr(ex, fn, 'incompatible types for comparison');
      if (a === b) return true;
    }
    return false;
  }
  if (name === 'ne') {
    if (args.length !== 2) ex.error(fn.pos, fn.text, `wrong number of args for ne: want 2 got ${args.length}`);
    return !compare(ex, 'eq', args, fn);
  }
  if (args.length !== 2) ex.error(fn.pos, fn.text, `wrong number of args for ${name}: want 2 got ${args.length}`);
  const [a, b] = args;
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === null || kb === null || ka === 'bool' || kb === 'bool') callErr(ex, fn, 'invalid type for comparison');
  const numeric = (ka === 'int' || ka === 'float') && (kb === 'int' || kb === 'float');
  if (ka !== kb && !numeric) callErr(ex, fn, 'incompatible types for comparison');
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
