/** Helpers shared by subcommands: filters, natural sort, flag value access. */
import { CliError, type CommandContext, type Flags } from '../types';
import { CnmError } from '../../cnm';
import { getTimestamp, parseTimestamps } from './timestamp';

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

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Compares a[i, ie) with b[j, je) as JS compares strings (UTF-16 units): -1, 0 or 1. */
function compareRange(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  for (; i < ie && j < je; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d) return d < 0 ? -1 : 1;
  }
  return i < ie ? 1 : j < je ? -1 : 0;
}

/**
 * sortorder.NaturalLess as docker/cli uses for names: the names split into runs of digits and
 * of other characters, compared run by run (digit runs by value, then by length). A comparator:
 * only the sign counts. Scans in place (lists sort on every `ls`).
 */
export function naturalLess(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a.charCodeAt(i));
    const db = isDigit(b.charCodeAt(j));
    let ie = i + 1;
    while (ie < a.length && isDigit(a.charCodeAt(ie)) === da) ie++;
    let je = j + 1;
    while (je < b.length && isDigit(b.charCodeAt(je)) === db) je++;
    const c = compareRange(a, i, ie, b, j, je);
    if (c) {
      if (!da || !db) return c;
      const d = Number(a.slice(i, ie)) - Number(b.slice(j, je));
      return d || ie - i - (je - j);
    }
    i = ie;
    j = je;
  }
  // the one with runs left sorts after
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}

/** Go duration or timestamp for `until` filters -> seconds since epoch (relative to now); the daemon parses it. */
export function parseUntil(v: string, now: number): number {
  try {
    return parseTimestamps(getTimestamp(v, now)).sec;
  } catch (e) {
    throw new CnmError('bad-request', (e as Error).message);
  }
}

/** Go strconv.ParseUint(s, 10, 16): the port, or Go's error text. */
export function parsePort16(s: string): number | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  return n > 65535 ? `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range` : n;
}

/** go-connections nat.ParsePortRange: [start, end], or Go's error text. */
export function parsePortRange(ports: string): [number, number] | string {
  if (ports === '') return 'empty string specified for ports';
  const parts = ports.split('-');
  const start = parsePort16(parts[0]);
  if (typeof start === 'string') return start;
  if (parts.length === 1) return [start, start];
  const end = parsePort16(parts[1]);
  if (typeof end === 'string') return end;
  if (end < start) return `invalid range specified for port: ${ports}`;
  return [start, end];
}

/**
 * `docker ps --filter publish=|expose=` values as the daemon reads them (daemon/list.go portOp):
 * PORT[-PORT][/PROTO] -> a set of "port/proto".
 * @throws CnmError with the daemon's message for a bad value
 */
export function portFilterSet(key: 'publish' | 'expose', values: string[]): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    if (value.includes(':')) throw new CnmError('bad-request', `filter for '${key}' should not contain ':': ${value}`);
    const slash = value.indexOf('/');
    const port = slash < 0 ? value : value.slice(0, slash);
    const proto = slash < 0 || value.slice(slash + 1).split('/')[0] === '' ? 'tcp' : value.slice(slash + 1).split('/')[0];
    const r = parsePortRange(port);
    if (typeof r === 'string') throw new CnmError('bad-request', `error while looking up for ${key} ${value}: ${r}`);
    for (let p = r[0]; p <= r[1]; p++) out.add(`${p}/${proto}`);
  }
  return out;
}

/**
 * The shared part of `network prune` / `container prune`: the filters they take (until, label,
 * label!) and the question docker asks without -f. No terminal answers it: like a closed stdin,
 * the answer is "no" and nothing is removed.
 * @returns whether an object (its creation time and labels) is to be pruned, or null when not confirmed
 */
export function pruneMatcher(ctx: CommandContext, f: Flags, warning: string): ((created: number, labels: Record<string, string>) => boolean) | null {
  const filters = parseFilters(list(f, 'filter'));
  checkFilterKeys(filters, ['until', 'label', 'label!']);
  if (!bool(f, 'force')) {
    ctx.out.push(`WARNING! ${warning}\nAre you sure you want to continue? [y/N] \n`);
    return null;
  }
  const until = filters.get('until')?.map((u) => parseUntil(u, ctx.world.state.clock));
  const keep = filters.get('label');
  const drop = filters.get('label!');
  return (created, labels) => (!until || until.every((u) => created < u)) && (!keep || labelMatch(labels, keep)) && (!drop || !labelMatch(labels, drop));
}

/** The flags of every `prune`. */
export const PRUNE_FLAGS = [
  { long: 'force', short: 'f', type: 'bool' as const },
  { long: 'filter', type: 'stringArray' as const },
];
