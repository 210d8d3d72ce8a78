import { formatDuration, formatPercent, plural } from '@/components/ui/format';

describe('formatPercent', () => {
  it.each([
    [14.5, '14.5%'],
    [14.54, '14.5%'],
    [70, '70%'],
    [69.96, '70%'],
    [0, '0%'],
    [100, '100%'],
  ])('%p -> %p', (v, out) => expect(formatPercent(v)).toBe(out));
});

describe('plural', () => {
  it.each([
    [0, 'card', undefined, '0 cards'],
    [1, 'card', undefined, '1 card'],
    [2, 'minute', undefined, '2 minutes'],
    [1, 'is', 'are', '1 is'],
    [3, 'query', 'queries', '3 queries'],
  ])('%p %p', (n, one, many, out) => expect(plural(n, one, many)).toBe(out));
});

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1_000, '1 second'],
    [59_000, '59 seconds'],
    [60_000, '1 minute'],
    [8 * 60_000 + 10_000, '8 minutes'],
    [3_600_000, '1 hour'],
    [3_600_000 + 5 * 60_000, '1 hour 5 minutes'],
  ])('%p ms', (ms, out) => expect(formatDuration(ms)).toBe(out));
});
