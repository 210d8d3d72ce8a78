/**
 * Number words for the UI: one rounding for percentages and one pluralisation rule, so a
 * ring and the sentence beside it never disagree ("15%" vs "14.5%") and "1 minutes" never shows.
 */

/** A percentage with at most one decimal, trailing ".0" dropped: 14.5 -> "14.5%", 70 -> "70%". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

/** "1 card", "3 cards"; pass the plural when it is not the singular plus "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A duration in words, rounded to the largest sensible unit: "45 seconds", "1 minute", "2 hours 5 minutes". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return plural(s, 'second');
  const m = Math.round(s / 60);
  if (m < 60) return plural(m, 'minute');
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${plural(h, 'hour')} ${plural(rest, 'minute')}` : plural(h, 'hour');
}
