import type { DayCount } from '@/server/web/types';

export type { DayCount };

export interface HeatmapCell {
  date: string;
  count: number;
  /** 0 (none) .. 4 (busiest), relative to the busiest day shown. */
  level: 0 | 1 | 2 | 3 | 4;
  /** After `today`: drawn empty. */
  future: boolean;
}

/** Add `n` days to a YYYY-MM-DD date (UTC arithmetic, so no DST surprises). */
export function addDays(date: string, n: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Lay out `weeks` columns of 7 days (Monday first) ending with the week that holds `today`.
 * Levels are quartiles of the busiest day so a light learner still sees contrast.
 */
export function heatmapWeeks(days: DayCount[], today: string, weeks = 20): HeatmapCell[][] {
  const counts = new Map(days.map((d) => [d.date, d.count]));
  const weekday = (new Date(today + 'T00:00:00Z').getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(today, -weekday - 7 * (weeks - 1));
  const max = Math.max(0, ...days.map((d) => d.count));
  const level = (c: number): HeatmapCell['level'] => (c <= 0 || max === 0 ? 0 : (Math.min(4, Math.ceil((c / max) * 4)) as 1 | 2 | 3 | 4));
  const out: HeatmapCell[][] = [];
  for (let w = 0; w < weeks; w++) {
    const col: HeatmapCell[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(start, w * 7 + d);
      const future = date > today;
      const count = future ? 0 : (counts.get(date) ?? 0);
      col.push({ date, count, level: future ? 0 : level(count), future });
    }
    out.push(col);
  }
  return out;
}
