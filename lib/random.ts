/**
 * The one seeded pseudo-random generator (mulberry32) behind every reproducible draw: lab ids
 * (lib/cnm/rng.ts), exam drawing (lib/exam/rng.ts), quiz and option order (server/), bench corpora.
 * Its whole state is one 32-bit number, so a caller can keep and serialize it.
 */

/** Added to the state before each output. */
export const MULBERRY32_STEP = 0x6d2b79f5;

/** The float in [0, 1) that mulberry32 outputs for a state it has just advanced by MULBERRY32_STEP. */
export function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A generator of floats in [0, 1) seeded with the low 32 bits of `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + MULBERRY32_STEP) >>> 0;
    return mulberry32Output(a);
  };
}
