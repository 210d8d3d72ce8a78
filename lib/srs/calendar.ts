/**
 * Learner-day arithmetic in an IANA time zone, without a date library: a "day" for
 * limits, streaks and heatmaps is the learner's local calendar day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(at: Date, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(at)) if (type !== 'literal') p[type] = Number(value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

/** Offset of `timeZone` from UTC at instant `at`, in ms (positive east of Greenwich). */
function offsetMs(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The learner's calendar day of `at` as "YYYY-MM-DD", from the zone's formatter (one formatToParts). */
function computeDayKey(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** One local day of a zone: the instants [start, end) and its key. */
interface DaySpan {
  start: number;
  end: number;
  key: string;
}

const HOUR_MS = 3_600_000;
/** Hours indexed per zone before that zone's index starts afresh (about 4 years of days). */
const MAX_INDEXED_HOURS = 40_000;
/** Per zone: UTC hour number -> the local days overlapping that hour (one, or two at a local midnight). */
const daySpans = new Map<string, Map<number, DaySpan[]>>();

/**
 * The learner's calendar day of `at` as "YYYY-MM-DD".
 * Statistics call this for every review log (tens of thousands per page), and Intl's formatToParts costs
 * microseconds each: so each local day met is computed once (its start and end instants), indexed by the
 * UTC hours it overlaps, and later instants of that day are answered by a lookup. Exact for any offset
 * and DST rule, since the day's bounds come from the zone's own formatter.
 */
export function dayKey(at: Date, timeZone: string): string {
  const t = at.getTime();
  if (!Number.isFinite(t)) return computeDayKey(at, timeZone);
  let hours = daySpans.get(timeZone);
  if (!hours) daySpans.set(timeZone, (hours = new Map()));
  const hour = Math.floor(t / HOUR_MS);
  for (const span of hours.get(hour) ?? []) if (t >= span.start && t < span.end) return span.key;
  const key = computeDayKey(at, timeZone);
  const start = startOfDay(at, timeZone).getTime();
  const end = startOfNextDay(at, timeZone).getTime();
  // Index the day only when its bounds check out with the formatter itself: around a DST change at
  // midnight (e.g. America/Havana) startOfDay can miss by an hour, and such a day is then never indexed.
  const exact =
    start <= t && t < end && end - start <= 30 * HOUR_MS &&
    computeDayKey(new Date(start), timeZone) === key && computeDayKey(new Date(end - 1), timeZone) === key &&
    computeDayKey(new Date(start - 1), timeZone) !== key && computeDayKey(new Date(end), timeZone) !== key;
  if (exact) {
    if (hours.size > MAX_INDEXED_HOURS) hours.clear();
    const span = { start, end, key };
    for (let h = Math.floor(start / HOUR_MS); h * HOUR_MS < end; h++) {
      const list = hours.get(h);
      if (list) list.push(span);
      else hours.set(h, [span]);
    }
  }
  return key;
}

/** The instant the learner's day containing `at` began (local midnight). */
export function startOfDay(at: Date, timeZone: string): Date {
  const p = parts(at, timeZone);
  const midnightAsUtc = Date.UTC(p.y, p.m - 1, p.d);
  // Offsets can differ between midnight and `at` (DST): correct once with the offset at the guess.
  let guess = midnightAsUtc - offsetMs(at, timeZone);
  guess = midnightAsUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The instant the learner's next day begins. */
export function startOfNextDay(at: Date, timeZone: string): Date {
  const start = startOfDay(at, timeZone);
  // 26 h past midnight is always inside the next local day, whatever the DST shift.
  return startOfDay(new Date(start.getTime() + 26 * 3_600_000), timeZone);
}

/** Add `days` calendar days to a "YYYY-MM-DD" key. */
export function addDays(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
