/**
 * Seedable generator (mulberry32). Its whole state is one 32-bit number so it serializes with
 * the lab; ids, MACs and ephemeral ports all come from here.
 */
import { MULBERRY32_STEP, mulberry32Output } from '../random';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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
    let s = '';
    for (let i = 0; i < n; i += 2) s += HEX[(this.next() * 256) | 0];
    return s.length === n ? s : s.slice(0, n);
  }
  /** Base-36ish id as swarm uses (25 chars, lowercase alnum). */
  alnum(n: number): string {
    const a = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += a[Math.floor(this.next() * a.length)];
    return s;
  }
}
