import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { db } from '@/server/db';

/**
 * Sign-in throttling. Every credentials attempt is recorded in `LoginAttempt` (one row keyed by the
 * email, kind 'email', and one keyed by the client address, kind 'ip'); before checking a
 * password, the recent failures for that email and for that client address are counted, and the
 * attempt is refused while either is over its limit. A successful sign-in resets the email's count.
 */

export const throttlePolicy = {
  /** Sliding window in which failures count. */
  windowMs: 15 * 60 * 1000,
  /** Failures per email (since its last success) inside the window before sign-in is refused. */
  perEmail: 5,
  /** Failures per client address inside the window before sign-in is refused. */
  perIp: 20,
} as const;
export type ThrottlePolicy = { windowMs: number; perEmail: number; perIp: number };

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'email' | 'ip'; retryAfterSeconds: number };

export interface AttemptKey {
  /** Normalised (trimmed, lower-case) email as typed; also for unknown emails. */
  email: string;
  /** Client address, or 'unknown'. */
  ip: string;
}

/**
 * Whether another attempt for this email/address may be checked now.
 * @param key the email and client address of the attempt
 * @param now the current time
 * @returns allowed, or which limit is hit and when the oldest counted failure leaves the window
 */
export async function checkThrottle(
  key: AttemptKey,
  now: Date,
  client: PrismaClient = db,
  policy: ThrottlePolicy = throttlePolicy,
): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - policy.windowMs);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { key: key.email, kind: 'email', success: true, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const checks = [
    { scope: 'email' as const, key: key.email, after: lastSuccess?.createdAt ?? since, limit: policy.perEmail },
    { scope: 'ip' as const, key: key.ip, after: since, limit: policy.perIp },
  ];
  for (const { scope, key: k, after, limit } of checks) {
    const failures = await client.loginAttempt.findMany({
      where: { key: k, kind: scope, success: false, createdAt: { gt: after } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
    if (failures.length >= limit) {
      // The limit-th most recent failure is the one whose expiry reopens the gate.
      const oldest = failures[limit - 1].createdAt.getTime();
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest + policy.windowMs - now.getTime()) / 1000));
      return { allowed: false, scope, retryAfterSeconds };
    }
  }
  return { allowed: true };
}

/**
 * Record the outcome of an attempt (call after the password check, not for throttled attempts,
 * so a locked-out attacker cannot extend the lock forever).
 */
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

/** Delete attempts older than the window (kept small; called opportunistically). */
export async function pruneAttempts(now: Date, client: PrismaClient = db, policy: ThrottlePolicy = throttlePolicy): Promise<number> {
  const res = await client.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - policy.windowMs) } } });
  return res.count;
}

/**
 * The client address of a request, from `x-forwarded-for` (Next sets it to the socket address when absent).
 * The right-most hop is the one the nearest proxy saw; without a proxy the client controls this header,
 * so the per-email limit is the one that cannot be dodged.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  let raw: string | string[] | undefined | null;
  if (!headers) raw = undefined;
  else if (headers instanceof Headers) raw = headers.get('x-forwarded-for') ?? headers.get('x-real-ip');
  else raw = headers['x-forwarded-for'] ?? headers['x-real-ip'];
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
  const minutes = Math.ceil(v.retryAfterSeconds / 60);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
