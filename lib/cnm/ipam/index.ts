/**
 * Default IPAM: Docker's predefined address pools and a per-network address allocator.
 * IPv4 addresses are handled as unsigned 32-bit numbers; ipaddr.js parses and validates input.
 * Local scope: 172.17.0.0/16 .. 172.31.0.0/16, then 192.168.0.0/16 carved into /20s.
 * Global scope (swarm): 10.0.0.0/8 carved into /24s, `ingress` takes 10.0.0.0/24 first.
 */
import ipaddr from 'ipaddr.js';

/** One allocated pool of a network (an IPAM Config entry) with its used addresses. */
export interface PoolState {
  subnet: string;
  base: number;
  bits: number;
  ipRange?: string;
  rangeStart: number;
  rangeEnd: number;
  gateway?: string;
  aux: Record<string, string>;
  /** Addresses in use (numbers), including gateway and aux addresses. */
  used: number[];
  /** True when the subnet was given by the user (docker shows IPAM config only then... and always for Subnet). */
  userSubnet: boolean;
}

export function ipToNum(ip: string): number {
  // A dotted quad of 1-3 digit parts (every address the engine holds) is read in place.
  let n = 0;
  let part = 0;
  let digits = 0;
  let v = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c >= 48 && c <= 57 && digits < 3) {
      v = v * 10 + (c - 48);
      digits++;
    } else if (c === 46 && digits > 0 && part < 3) {
      n = (n << 8) | v;
      part++;
      digits = 0;
      v = 0;
    } else return ipToNumSlow(ip);
  }
  if (part !== 3 || digits === 0) return ipToNumSlow(ip);
  return ((n << 8) | v) >>> 0;
}
function ipToNumSlow(ip: string): number {
  const p = ip.split('.');
  return ((+p[0] << 24) | (+p[1] << 16) | (+p[2] << 8) | +p[3]) >>> 0;
}
export function numToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
/** Dotted-quad IPv4: four parts of 1-3 digits, each below 256 (hot path: a scan, not ipaddr.js). */
export function isIPv4(s: string): boolean {
  let part = 0;
  let digits = 0;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
      v = v * 10 + (c - 48);
    } else if (c === 46) {
      if (digits === 0 || v > 255 || ++part > 3) return false;
      digits = 0;
      v = 0;
    } else return false;
  }
  return part === 3 && digits > 0 && v <= 255;
}
export function isIP(s: string): boolean {
  return isIPv4(s) || (s.includes(':') && ipaddr.IPv6.isValid(s));
}
export function isIPv6(s: string): boolean {
  return !s.includes('.') && ipaddr.IPv6.isValid(s);
}

export interface Cidr {
  base: number;
  bits: number;
  /** base masked to the prefix */
  masked: number;
}
/** Parse an IPv4 CIDR, or null. */
export function parseCidr4(s: string): Cidr | null {
  const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\/(\d{1,2})$/.exec(s);
  if (!m || !isIPv4(m[1])) return null;
  const bits = +m[2];
  if (bits > 32) return null;
  const base = ipToNum(m[1]);
  return { base, bits, masked: mask(base, bits) };
}
export function isCidr6(s: string): boolean {
  try {
    const [addr, len] = ipaddr.parseCIDR(s);
    return addr.kind() === 'ipv6' && len >= 0 && len <= 128;
  } catch {
    return false;
  }
}
export function mask(n: number, bits: number): number {
  return bits === 0 ? 0 : (n & (~0 << (32 - bits))) >>> 0;
}
export function size(bits: number): number {
  return 2 ** (32 - bits);
}
export function contains(cidr: { base: number; bits: number }, ip: number): boolean {
  return mask(ip, cidr.bits) === mask(cidr.base, cidr.bits);
}
export function overlaps(a: { base: number; bits: number }, b: { base: number; bits: number }): boolean {
  const bits = Math.min(a.bits, b.bits);
  return mask(a.base, bits) === mask(b.base, bits);
}
export function cidrString(base: number, bits: number): string {
  return `${numToIp(base)}/${bits}`;
}

/** The predefined pools as a lazy sequence of candidate subnets for a scope. */
/** A swarm's default address pools (`swarm init --default-addr-pool`, `--default-addr-pool-mask-length`). */
export interface AddressPools {
  pools: string[];
  size: number;
}
export const DEFAULT_SWARM_POOLS: AddressPools = { pools: ['10.0.0.0/8'], size: 24 };

export function* candidateSubnets(scope: 'local' | 'global', swarmPools: AddressPools = DEFAULT_SWARM_POOLS): Generator<{ base: number; bits: number }> {
  if (scope === 'global') {
    // Each pool carved into subnets of `size` bits, in order.
    for (const p of swarmPools.pools) {
      const c = parseCidr4(p);
      if (!c || swarmPools.size < c.bits) continue;
      const n = 2 ** Math.min(swarmPools.size - c.bits, 20);
      for (let i = 0; i < n; i++) yield { base: (c.masked + i * size(swarmPools.size)) >>> 0, bits: swarmPools.size };
    }
    return;
  }
  for (let i = 17; i <= 31; i++) yield { base: ipToNum(`172.${i}.0.0`), bits: 16 };
  const g = ipToNum('192.168.0.0');
  for (let i = 0; i < 16; i++) yield { base: (g + i * 4096) >>> 0, bits: 20 };
}

export interface PoolRequest {
  subnet?: string;
  ipRange?: string;
  gateway?: string;
  aux?: Record<string, string>;
}

/**
 * Build a pool. `taken` are subnets already in use in the same address space; a requested subnet
 * that overlaps one fails, a default one skips them. Returns null when every pool is used.
 */
export function createPool(
  req: PoolRequest,
  scope: 'local' | 'global',
  taken: { base: number; bits: number }[],
  swarmPools?: AddressPools,
): PoolState | 'overlap' | 'exhausted' {
  let base: number;
  let bits: number;
  let userSubnet = false;
  if (req.subnet) {
    const c = parseCidr4(req.subnet)!;
    base = c.masked;
    bits = c.bits;
    userSubnet = true;
    if (taken.some((t) => overlaps(t, c))) return 'overlap';
  } else {
    let found: { base: number; bits: number } | null = null;
    for (const cand of candidateSubnets(scope, swarmPools)) {
      if (!taken.some((t) => overlaps(t, cand))) {
        found = cand;
        break;
      }
    }
    if (!found) return 'exhausted';
    base = found.base;
    bits = found.bits;
  }
  const n = size(bits);
  let rangeStart = bits >= 31 ? base : base + 1;
  let rangeEnd = bits >= 31 ? base + n - 1 : base + n - 2;
  if (req.ipRange) {
    const r = parseCidr4(req.ipRange)!;
    rangeStart = Math.max(rangeStart, r.masked);
    rangeEnd = Math.min(rangeEnd, r.masked + size(r.bits) - 1);
  }
  const pool: PoolState = {
    subnet: cidrString(base, bits),
    base,
    bits,
    rangeStart,
    rangeEnd,
    aux: { ...(req.aux ?? {}) },
    used: [],
    userSubnet,
  };
  if (req.ipRange) pool.ipRange = cidrString(parseCidr4(req.ipRange)!.masked, parseCidr4(req.ipRange)!.bits);
  for (const a of Object.values(pool.aux)) if (isIPv4(a)) markUsed(pool, ipToNum(a));
  if (req.gateway) {
    pool.gateway = req.gateway;
    markUsed(pool, ipToNum(req.gateway));
  }
  return pool;
}

/** Allocate the gateway when none was configured (the first free address of the subnet). */
export function allocateGateway(pool: PoolState): void {
  if (pool.gateway) return;
  const start = pool.bits >= 31 ? pool.base : pool.base + 1;
  const ip = lowestFree(pool, start, pool.base + size(pool.bits) - 1);
  if (ip !== null) {
    pool.gateway = numToIp(ip);
    markUsed(pool, ip);
  }
}

function lowestFree(pool: PoolState, start: number, end: number): number | null {
  // used is sorted; walk it once.
  let candidate = start;
  for (const u of pool.used) {
    if (u < candidate) continue;
    if (u === candidate) candidate++;
    else break;
  }
  return candidate <= end ? candidate : null;
}

export function markUsed(pool: PoolState, ip: number): void {
  const u = pool.used;
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid] < ip) lo = mid + 1;
    else hi = mid;
  }
  if (u[lo] !== ip) u.splice(lo, 0, ip);
}
export function release(pool: PoolState, ip: string): void {
  const n = ipToNum(ip);
  const i = pool.used.indexOf(n);
  if (i >= 0 && pool.gateway !== ip) pool.used.splice(i, 1);
}

/** Next free address in the range (lowest first), or null. */
export function allocate(pool: PoolState): string | null {
  const ip = lowestFree(pool, pool.rangeStart, pool.rangeEnd);
  if (ip === null) return null;
  markUsed(pool, ip);
  return numToIp(ip);
}

/** True when the static address is inside the subnet and usable. */
export function inSubnet(pool: PoolState, ip: string): boolean {
  if (!isIPv4(ip)) return false;
  return contains(pool, ipToNum(ip));
}

/**
 * Daemon-side IPAM config check (daemon/network.go validateIpamConfig): subnets and ip-ranges must
 * be given in canonical form, and a range must fit its subnet.
 * @returns the problems, one line each (empty when the config is valid)
 */
export function validateIpamConfig(ipam: { subnet: string; ipRange?: string }[]): string[] {
  const errs: string[] = [];
  for (const cfg of ipam) {
    const c = parseCidr4(cfg.subnet);
    if (!c) continue;
    if (c.masked !== c.base) errs.push(`invalid subnet ${cfg.subnet}: it should be ${cidrString(c.masked, c.bits)}`);
    if (cfg.ipRange) {
      const r = parseCidr4(cfg.ipRange);
      if (r) {
        if (r.bits < c.bits) errs.push(`invalid ip-range ${cfg.ipRange}: CIDR block is bigger than its parent subnet ${cfg.subnet}`);
        if (r.masked !== r.base) errs.push(`invalid ip-range ${cfg.ipRange}: it should be ${cidrString(r.masked, r.bits)}`);
      }
    }
  }
  return errs;
}
