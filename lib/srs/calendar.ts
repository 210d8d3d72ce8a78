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

/** The learner's calendar day of `at` as "YYYY-MM-DD". */
export function dayKey(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
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
