/**
 * dayKey answers repeated instants of a day from an index of day bounds (issue 15: the stats and
 * dashboard pages call it for every review log). The index must give exactly what the zone's own
 * formatter gives, in zones with half-hour offsets, DST at midnight and skipped days.
 */
import { dayKey } from '@/lib/srs';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago', // DST changes at midnight
  'America/Havana', // DST ends at 01:00, so 00:00-01:00 happens twice
  'America/Sao_Paulo',
  'Australia/Lord_Howe', // half-hour DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'America/St_Johns', // -03:30
];

function reference(tz: string): (at: Date) => string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (at) => f.format(at);
}

describe('dayKey', () => {
  it.each(ZONES)('matches the formatter in %s hourly, on both sides of every local midnight, and at random instants', (tz) => {
    const expected = reference(tz);
    const wrong: string[] = [];
    const check = (t: number) => {
      const at = new Date(t);
      if (dayKey(at, tz) !== expected(at)) wrong.push(at.toISOString());
    };
    // Fourteen months that hold Havana's repeated midnight hour and Apia's skipped day (2011-12-30).
    for (let t = Date.UTC(2010, 10, 1); t < Date.UTC(2012, 0, 1); t += 3_600_000) {
      check(t);
      if (expected(new Date(t)) === expected(new Date(t + 3_600_000))) continue;
      // The day changes within this hour: find the exact millisecond with the formatter, probe both sides.
      let [lo, hi] = [t, t + 3_600_000];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (expected(new Date(mid)) === expected(new Date(t))) lo = mid;
        else hi = mid;
      }
      check(lo);
      check(hi);
    }
    let seed = 99;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      check(Date.UTC(2000, 0, 1) + Math.floor((seed / 2 ** 31) * 40 * 365 * 86_400_000));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('gives the same key whatever order the instants come in', () => {
    const tz = 'America/Havana';
    const instants = Array.from({ length: 2000 }, (_, i) => new Date(Date.UTC(2011, 10, 12, 20) + i * 97_000));
    const forward = instants.map((at) => dayKey(at, tz));
    const backward = [...instants].reverse().map((at) => dayKey(at, tz)).reverse();
    expect(backward).toEqual(forward);
    expect(forward).toEqual(instants.map(reference(tz)));
  });

  it('answers an invalid date like the formatter does (throws RangeError)', () => {
    expect(() => dayKey(new Date(NaN), 'UTC')).toThrow(RangeError);
  });
});
