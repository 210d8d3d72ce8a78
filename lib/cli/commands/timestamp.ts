/**
 * `--since` / `--until` values of `docker logs` and `docker events`: moby api/types/time
 * GetTimestamp (client side: a Go duration before now, an RFC 3339 date, or a Unix timestamp) and
 * ParseTimestamps (daemon side). The lab's clock is "now" and its zone is UTC.
 */
import { CliError } from '../types';

/** A point in time: Unix seconds and nanoseconds. */
export interface Instant {
  sec: number;
  ns: number;
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go time.ParseDuration in nanoseconds, or null when it is not a duration. */
export function parseGoDuration(v: string): number | null {
  const m = /^([-+]?)((?:\d*\.?\d*(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(v);
  if (!m) return v === '0' ? 0 : null;
  let total = 0;
  for (const [, num, unit] of m[2].matchAll(/(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/g)) {
    if (num === '' || num === '.') return null;
    total += Number(num) * UNIT_NS[unit];
  }
  return m[1] === '-' ? -total : total;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/**
 * GetTimestamp: the value the client sends for --since/--until ("1795856400" for a duration,
 * "1795856400.000000000" for a date, a Unix timestamp as given).
 * @throws CliError with Go's wording when the value is neither
 */
export function getTimestamp(value: string, now: number): string {
  const d = value !== '0' ? parseGoDuration(value) : null;
  if (d !== null) return String(Math.floor(now - d / 1e9));
  const m = DATE_RE.exec(value);
  if (m) {
    const [, y, mo, da, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s));
    const bad = Number(mo) < 1 || Number(mo) > 12 || Number(da) < 1 || Number(da) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59;
    if (!bad && !Number.isNaN(ms)) {
      let sec = ms / 1000;
      if (zone !== 'Z' && zone !== 'z') sec -= (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
      return `${sec}.${frac.padEnd(9, '0')}`;
    }
    if (bad) throw new CliError(`parsing time "${value}": ${Number(mo) < 1 || Number(mo) > 12 ? 'month' : Number(da) < 1 || Number(da) > 31 ? 'day' : Number(h) > 23 ? 'hour' : Number(mi) > 59 ? 'minute' : 'second'} out of range`);
  }
  if (value.includes('-')) throw new CliError(`parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${value}" as "2006"`);
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new CliError(`failed to parse value as time or duration: "${value}"`);
  return value;
}

/** ParseTimestamps on the daemon side: "sec[.nanos]" -> an instant. */
export function parseTimestamps(value: string): Instant {
  const [s, n = ''] = value.split('.');
  const ns = n ? Math.floor(Number(n.slice(0, 9)) * 10 ** (9 - Math.min(9, n.length))) : 0;
  return { sec: Number(s), ns };
}

/** a < b */
export function before(a: Instant, b: Instant): boolean {
  return a.sec < b.sec || (a.sec === b.sec && a.ns < b.ns);
}
