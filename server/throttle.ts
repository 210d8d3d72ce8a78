import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { db } from '@/server/db';

/**
 * Sign-in throttling (issue 12: atomic, and no owner lockout).
 *
 * 1. Per (email, address) pair: at most `perPair` password verifications inside the window. Each
 *    verification first takes a slot in `LoginSlot` (an INSERT of a free slot number, or a conditional
 *    UPDATE of a slot whose time left the window): the database decides, so 150 parallel requests still
 *    get at most `perPair` verifications. A success frees the pair's slots.
 * 2. Per address: at most `perIp` verifications in flight or failed inside the window (slots again;
 *    a success gives its slot back), whatever the emails.
 * 3. Per email, across addresses: never a lockout, only a slowdown. After `emailSlowAfter` failures
 *    inside the window, verifications for that email are spaced by a growing delay (doubling from
 *    `slowBaseMs` up to `slowMaxMs`) through `LoginGate`: a request waits for its turn, or, when the
 *    queue is longer than `maxWaitMs`, is told to retry in a few seconds. An attacker elsewhere can slow
 *    the owner down by seconds but cannot shut them out for 15 minutes.
 *
 * Every verified attempt is also logged in `LoginAttempt` (kind 'email' and 'ip'); the email's failures
 * there drive the slowdown. Throttled attempts are not logged.
 */

export const throttlePolicy = {
  /** Sliding window in which verifications and failures count. */
  windowMs: 15 * 60 * 1000,
  /** Verifications per (email, address) pair inside the window. */
  perPair: 5,
  /** Failed (or in-flight) verifications per client address inside the window, across emails. */
  perIp: 20,
  /** Failures per email (since its last success, inside the window) before its verifications are spaced out. */
  emailSlowAfter: 5,
  /** First spacing once the email is slowed down; doubles with each further failure. */
  slowBaseMs: 1000,
  /** Largest spacing between two verifications of one email. */
  slowMaxMs: 8000,
  /** Longest a request waits for its turn before being told to retry. */
  maxWaitMs: 15000,
} as const;
export type ThrottlePolicy = { [K in keyof typeof throttlePolicy]: number };

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'email' | 'ip' | 'pair'; retryAfterSeconds: number };

export interface AttemptKey {
  /** Normalised (trimmed, lower-case) email as typed; also for unknown emails. */
  email: string;
  /** Client address, or 'unknown'. */
  ip: string;
}

/** A verification the throttle let through: what {@link finishAttempt} releases or keeps. */
export interface AttemptTicket {
  key: AttemptKey;
  slots: { key: string; slot: number; takenAt: Date }[];
}

const pairKey = (k: AttemptKey) => `pair:${k.email} ${k.ip}`;
const ipKey = (k: AttemptKey) => `ip:${k.ip}`;
const gateKey = (k: AttemptKey) => `email:${k.email}`;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));
}

const retryAfter = (takenAt: Date, now: Date, windowMs: number) => Math.max(1, Math.ceil((takenAt.getTime() + windowMs - now.getTime()) / 1000));

/**
 * Take one of `limit` slots of `key` atomically: a free slot number is inserted, or a slot whose time left
 * the window is re-taken with a conditional update. Null (with the earliest reopening) when all are taken.
 */
async function takeSlot(
  client: PrismaClient,
  key: string,
  limit: number,
  now: Date,
  windowMs: number,
): Promise<{ slot: number; takenAt: Date } | { slot: null; retryAfterSeconds: number }> {
  const since = new Date(now.getTime() - windowMs);
  const rows = await client.loginSlot.findMany({ where: { key }, select: { slot: true, takenAt: true } });
  const taken = new Map(rows.map((r) => [r.slot, r.takenAt]));
  // Free numbers first, then expired ones; each claim is decided by the database.
  const order = [...Array(limit).keys()].sort((a, b) => Number(taken.has(a)) - Number(taken.has(b)));
  for (const slot of order) {
    const held = taken.get(slot);
    if (!held) {
      try {
        await client.loginSlot.create({ data: { key, slot, takenAt: now } });
        return { slot, takenAt: now };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        continue; // a parallel request took it
      }
    }
    if (held.getTime() > since.getTime()) continue;
    const res = await client.loginSlot.updateMany({ where: { key, slot, takenAt: { lte: since } }, data: { takenAt: now } });
    if (res.count === 1) return { slot, takenAt: now };
  }
  const fresh = await client.loginSlot.findFirst({ where: { key }, orderBy: { takenAt: 'asc' }, select: { takenAt: true } });
  return { slot: null, retryAfterSeconds: retryAfter(fresh?.takenAt ?? now, now, windowMs) };
}

async function releaseSlots(client: PrismaClient, slots: AttemptTicket['slots']): Promise<void> {
  for (const s of slots) await client.loginSlot.deleteMany({ where: { key: s.key, slot: s.slot, takenAt: s.takenAt } });
}

/** Failures of the email since its last success inside the window (drives the slowdown). */
async function emailFailures(client: PrismaClient, email: string, now: Date, policy: ThrottlePolicy): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMs);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { key: email, kind: 'email', success: true, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  return client.loginAttempt.count({ where: { key: email, kind: 'email', success: false, createdAt: { gt: lastSuccess?.createdAt ?? since } } });
}

/** The spacing between two verifications of an email with `failures` recent failures (0 = not slowed). */
export function slowdownMs(failures: number, policy: ThrottlePolicy = throttlePolicy): number {
  if (failures < policy.emailSlowAfter) return 0;
  return Math.min(policy.slowMaxMs, policy.slowBaseMs * 2 ** (failures - policy.emailSlowAfter));
}

/**
 * Reserve this request's turn at the email's gate: the earliest time after the previous reservation plus
 * `spacing`. Returns how long to wait, or null when the wait would exceed `maxWaitMs`.
 */
async function reserveTurn(client: PrismaClient, key: string, spacing: number, now: Date, maxWaitMs: number): Promise<number | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = await client.loginGate.findUnique({ where: { key } });
    if (!row) {
      try {
        await client.loginGate.create({ data: { key, nextAt: new Date(now.getTime() + spacing) } });
        return 0;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        continue;
      }
    }
    const turn = Math.max(row.nextAt.getTime(), now.getTime());
    if (turn - now.getTime() > maxWaitMs) return null;
    const res = await client.loginGate.updateMany({ where: { key, nextAt: row.nextAt }, data: { nextAt: new Date(turn + spacing) } });
    if (res.count === 1) return turn - now.getTime();
  }
  return null;
}

/**
 * Ask to verify a password for `key` now. On `allowed`, the returned ticket holds the slots taken for this
 * verification; pass it to {@link finishAttempt} with the outcome. May wait (the per-email slowdown).
 * @param sleep how to wait for the email's turn (tests pass a fake clock)
 */
export async function beginAttempt(
  key: AttemptKey,
  now: Date,
  client: PrismaClient = db,
  policy: ThrottlePolicy = throttlePolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<{ allowed: true; ticket: AttemptTicket } | Extract<ThrottleVerdict, { allowed: false }>> {
  const pair = await takeSlot(client, pairKey(key), policy.perPair, now, policy.windowMs);
  if (pair.slot === null) return { allowed: false, scope: 'pair', retryAfterSeconds: pair.retryAfterSeconds };
  const slots: AttemptTicket['slots'] = [{ key: pairKey(key), slot: pair.slot, takenAt: pair.takenAt }];
  const ip = await takeSlot(client, ipKey(key), policy.perIp, now, policy.windowMs);
  if (ip.slot === null) {
    await releaseSlots(client, slots);
    return { allowed: false, scope: 'ip', retryAfterSeconds: ip.retryAfterSeconds };
  }
  slots.push({ key: ipKey(key), slot: ip.slot, takenAt: ip.takenAt });
  const spacing = slowdownMs(await emailFailures(client, key.email, now, policy), policy);
  if (spacing > 0) {
    const wait = await reserveTurn(client, gateKey(key), spacing, now, policy.maxWaitMs);
    if (wait === null) {
      await releaseSlots(client, slots);
      return { allowed: false, scope: 'email', retryAfterSeconds: Math.ceil(policy.maxWaitMs / 1000) };
    }
    if (wait > 0) await sleep(wait);
  }
  return { allowed: true, ticket: { key, slots } };
}

/**
 * Record a verification's outcome. A success frees the pair's slots and this request's address slot (the
 * owner is back in); a failure keeps its slots until they leave the window.
 */
export async function finishAttempt(ticket: AttemptTicket, success: boolean, now: Date, client: PrismaClient = db): Promise<void> {
  await recordAttempt({ ...ticket.key, success }, now, client);
  if (!success) return;
  await client.loginSlot.deleteMany({ where: { key: pairKey(ticket.key) } });
  await releaseSlots(client, ticket.slots.filter((s) => s.key !== pairKey(ticket.key)));
  await pruneAttempts(now, client);
}

/** Log one verified attempt (kind 'email' and 'ip' rows). */
export async function recordAttempt(
  key: AttemptKey & { success: boolean },
  now: Date,
  client: PrismaClient = db,
): Promise<void> {
  await client.loginAttempt.createMany({
    data: [
      { key: key.email, kind: 'email', success: key.success, createdAt: now },
      { key: key.ip, kind: 'ip', success: key.success, createdAt: now },
    ],
  });
}

/** Delete attempts, slots and gates older than the window (kept small; called opportunistically). */
export async function pruneAttempts(now: Date, client: PrismaClient = db, policy: ThrottlePolicy = throttlePolicy): Promise<number> {
  const before = new Date(now.getTime() - policy.windowMs);
  const res = await client.loginAttempt.deleteMany({
    where: {
      OR: [
        { createdAt: { lt: before }, kind: { in: ['email', 'ip'] } },
        { createdAt: { lt: new Date(now.getTime() - signUpPolicy.windowMs) }, kind: 'signup' },
      ],
    },
  });
  await client.loginSlot.deleteMany({ where: { takenAt: { lt: before } } });
  await client.loginGate.deleteMany({ where: { nextAt: { lt: before } } });
  return res.count;
}

/**
 * The client address of a request. With `TRUST_PROXY` set, the right-most `X-Forwarded-For` hop (the
 * address the nearest proxy saw). Without it the header is the client's own word, so server/client-address.ts
 * replaces it with the socket address before Next sees the request; this then reads that value.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  let raw: string | string[] | undefined | null;
  if (!headers) raw = undefined;
  else if (headers instanceof Headers) raw = headers.get('x-forwarded-for');
  else raw = headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const hops = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ip = hops.at(-1) ?? 'unknown';
  return ip.replace(/^::ffff:/, '').slice(0, 64);
}

/** Accounts created per client address inside the window before sign-up is refused. */
export const signUpPolicy = { windowMs: 60 * 60 * 1000, perIp: 10 } as const;

/**
 * Whether this address may create another account now (each sign-up hashes a password, which is
 * deliberately expensive; this keeps one client from using sign-up to burn the server's CPU).
 */
export async function checkSignUp(ip: string, now: Date, client: PrismaClient = db): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - signUpPolicy.windowMs);
  const recent = await client.loginAttempt.findMany({
    where: { key: ip, kind: 'signup', createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: signUpPolicy.perIp,
    select: { createdAt: true },
  });
  if (recent.length < signUpPolicy.perIp) return { allowed: true };
  const oldest = recent[signUpPolicy.perIp - 1].createdAt.getTime();
  return { allowed: false, scope: 'ip', retryAfterSeconds: Math.max(1, Math.ceil((oldest + signUpPolicy.windowMs - now.getTime()) / 1000)) };
}

/** Count one account creation from this address. */
export async function recordSignUp(ip: string, now: Date, client: PrismaClient = db): Promise<void> {
  await client.loginAttempt.create({ data: { key: ip, kind: 'signup', success: true, createdAt: now } });
}

/** A human sentence for a refused attempt. */
export function throttleMessage(v: Extract<ThrottleVerdict, { allowed: false }>): string {
  if (v.retryAfterSeconds < 60) {
    const s = v.retryAfterSeconds;
    return `Too many sign-in attempts for this account right now. Try again in ${s} second${s === 1 ? '' : 's'}.`;
  }
  const minutes = Math.ceil(v.retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
