/**
 * Seedable generator (mulberry32). Its whole state is one 32-bit number so it serializes with
 * the lab; ids, MACs and ephemeral ports all come from here.
 */
import { MULBERRY32_STEP, mulberry32Output } from '../random';

const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Per length, a scratch array of character codes (ids are made one at a time). */
const HEX_SCRATCH: number[][] = [];

export class Rng {
  constructor(public state: number) {
    this.state = state >>> 0;
  }
  /** Next float in [0, 1). */
  next(): number {
    return mulberry32Output((this.state = (this.state + MULBERRY32_STEP) >>> 0));
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** n lowercase hex characters. */
  hex(n: number): string {
    // one draw per two characters (a byte), as many draws as ceil(n / 2)
    const codes = (HEX_SCRATCH[n] ??= new Array<number>(n).fill(0));
    for (let i = 0; i < n; i += 2) {
      const b = (this.next() * 256) | 0;
      codes[i] = HEX_DIGITS[b >> 4];
      if (i + 1 < n) codes[i + 1] = HEX_DIGITS[b & 15];
    }
    return String.fromCharCode.apply(null, codes);
  }
  /** Base-36ish id as swarm uses (25 chars, lowercase alnum). */
  alnum(n: number): string {
    const a = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += a[Math.floor(this.next() * a.length)];
    return s;
  }
}

/**
 * 64 hex digits derived from a seed (FNV-1a rounds): system endpoints (and image IDs) take no draw
 * from the lab's generator, so adding them does not shift the IDs of everything created after them.
 */
export function derivedId(seed: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
