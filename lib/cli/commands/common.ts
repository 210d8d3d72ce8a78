/** Helpers shared by subcommands: filters, natural sort, flag value access. */
import { CliError, type Flags } from '../types';
import { CnmError } from '../../cnm';

export const str = (f: Flags, k: string): string => (f[k] as string) ?? '';
export const bool = (f: Flags, k: string): boolean => f[k] === true;
export const list = (f: Flags, k: string): string[] => (f[k] as string[]) ?? [];
export const map = (f: Flags, k: string): Record<string, string> => (f[k] as Record<string, string>) ?? {};
/** pflag's Changed: the flag appeared on the command line. */
export const changed = (f: Flags, k: string): boolean => ((f.__changed as string[]) ?? []).includes(k);
export const num = (f: Flags, k: string): number => (f[k] as number) ?? 0;

/** Parse repeated `--filter key=value` into a map of key -> values. */
export function parseFilters(values: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const v of values) {
    const i = v.indexOf('=');
    if (i < 0) throw new CliError(`bad format of filter (expected name=value)`);
    const k = v.slice(0, i).trim().toLowerCase();
    const val = v.slice(i + 1);
    (m.get(k) ?? m.set(k, []).get(k)!).push(val);
  }
  return m;
}

/** Reject filter keys the daemon does not know. */
export function checkFilterKeys(f: Map<string, string[]>, allowed: string[]): void {
  for (const k of f.keys()) if (!allowed.includes(k)) throw new CnmError('bad-request', `invalid filter '${k}'`);
}

/**
 * A matcher over parsed filters: `any(key, pred)` is true when `key` was not given or one of its
 * values satisfies `pred` (docker ORs the values of one key and ANDs different keys).
 */
export function filterMatcher(f: Map<string, string[]>): (k: string, pred: (v: string) => boolean) => boolean {
  return (k, pred) => !f.has(k) || f.get(k)!.some(pred);
}

/** label filter: "key" or "key=value". */
export function labelMatch(labels: Record<string, string>, want: string[]): boolean {
  return want.every((w) => {
    const i = w.indexOf('=');
    if (i < 0) return w in labels;
    return labels[w.slice(0, i)] === w.slice(i + 1);
  });
}

/** sortorder.NaturalLess as docker/cli uses for names. */
export function naturalLess(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Go duration or timestamp for `until` filters -> seconds since epoch (relative to now). */
export function parseUntil(v: string, now: number): number {
  const m = /^(\d+)(s|m|h)$/.exec(v);
  if (m) return now - Number(m[1]) * (m[2] === 's' ? 1 : m[2] === 'm' ? 60 : 3600);
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return Math.floor(t / 1000);
  throw new CnmError('bad-request', `failed to parse value as time or duration: "${v}"`);
}
