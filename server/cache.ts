import 'server-only';

/**
 * Short-lived, size-bounded, per-process caches for the hot request path (issue 15): the
 * decoded session token, the session's user row and the learner's settings.
 *
 * Each cache is per instance: an entry lives at most `ttlMs`, and the writer that changes the
 * underlying row drops the entry in its own instance at once (see `forgetUser`). Another
 * instance sharing the database sees the change within `ttlMs` at worst (README, "Running
 * several instances").
 */

/** A map whose entries expire `ttlMs` after they were set; the oldest entry goes when `max` is reached. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    /** How long an entry is served after it was set. */
    readonly ttlMs: number,
    /** Most entries kept; inserting one more evicts the oldest. */
    readonly max: number,
  ) {}

  /** The live value for `key`, or undefined (missing or expired). */
  get(key: K, now: number = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Keep `value` for `key` until `expiresAt` (default now + ttlMs; never later than that). */
  set(key: K, value: V, now: number = Date.now(), expiresAt: number = now + this.ttlMs): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, expires: Math.min(expiresAt, now + this.ttlMs) });
  }

  /** Drop `key` (after a write that changed it). */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drop everything. */
  clear(): void {
    this.entries.clear();
  }
}

/** How long a user row or settings row is trusted without re-reading it (per instance). */
export const USER_CACHE_TTL_MS = 5_000;

/**
 * The process's caches by name, kept on globalThis: the bundler may copy one server module into
 * several route chunks, and every copy must see (and invalidate) the same entries.
 */
const registry = ((globalThis as unknown as { __netprepCaches?: Map<string, TtlCache<unknown, unknown>> }).__netprepCaches ??= new Map());

/**
 * The process-wide cache called `name` (created on first use).
 * @param userKeyed true when its keys are user ids: `forgetUser` then drops their entries
 */
export function sharedCache<K, V>(name: string, ttlMs: number, max: number, userKeyed = false): TtlCache<K, V> {
  let cache = registry.get(name);
  if (!cache) {
    cache = new TtlCache<unknown, unknown>(ttlMs, max);
    if (userKeyed) userKeyedCaches().add(name);
    registry.set(name, cache);
  }
  return cache as TtlCache<K, V>;
}

function userKeyedCaches(): Set<string> {
  return ((globalThis as unknown as { __netprepUserCaches?: Set<string> }).__netprepUserCaches ??= new Set());
}

/**
 * Drop everything this instance caches about `userId`: call it after any change to the user's
 * row, password, session version or settings (password change, sign-out everywhere, deletion).
 */
export function forgetUser(userId: string): void {
  for (const name of userKeyedCaches()) registry.get(name)?.delete(userId);
}
