/** Typo hints: how far apart two words are, and the nearest of a list. */

/** Letters apart (Levenshtein), capped: anything more than 3 apart answers 4. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The word of `words` closest to `typed` when at most `max` letters apart (first one on a tie), else null. */
export function nearest(typed: string, words: Iterable<string>, max = 2): string | null {
  let best: string | null = null;
  let bestD = max + 1;
  const t = typed.toLowerCase();
  for (const w of words) {
    const d = editDistance(t, w);
    if (d < bestD) {
      best = w;
      bestD = d;
    }
  }
  return best;
}
