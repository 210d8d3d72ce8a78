import { addDays, type DayCount } from './heatmap';

/**
 * A believable, deterministic activity history for the guest landing page, so visitors see
 * what their dashboard will look like. Not randomness: a fixed pattern over the dates.
 */
export function demoActivity(today: string, weeks = 20): DayCount[] {
  const out: DayCount[] = [];
  for (let i = weeks * 7 - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const k = (i * 37 + 11) % 23;
    const rest = i % 7 === 3 || k > 18 || (i > 90 && k > 12);
    out.push({ date, count: rest ? 0 : 4 + ((k * 7) % 31) + (i < 30 ? 10 : 0) });
  }
  return out;
}
