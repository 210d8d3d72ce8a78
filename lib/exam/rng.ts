/**
 * Seeded pseudo-random numbers (mulberry32), so exam drawing never touches Math.random().
 * The whole seed number is folded in: its integer part's low and high words and any fraction.
 */
import { MULBERRY32_STEP, mulberry32Output } from '../random';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** Create a generator from any finite number. */
export function createRng(seed: number): Rng {
  const whole = Math.floor(seed);
  const lo = whole >>> 0;
  const hi = Math.floor(whole / 0x100000000) >>> 0;
  const frac = Math.floor((seed - whole) * 0x100000000) >>> 0;
  let state = (Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi, 0xc2b2ae35) ^ frac) >>> 0;
  const next = (): number => {
    state = (state + MULBERRY32_STEP) >>> 0;
    return mulberry32Output(state);
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Fisher-Yates shuffle into a new array. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
