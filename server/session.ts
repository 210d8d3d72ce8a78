import 'server-only';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { secureCookies, SESSION_MAX_AGE, sessionCookieName } from '@/auth.config';
import { authSecret, passwordVersion } from '@/auth-secret';
import { forgetUser, sharedCache } from '@/server/cache';
import { db, type Db } from '@/server/db';
import { driverFor, queryOne } from '@/server/driver';
import type { UserDTO } from '@/server/users';

/**
 * Who is asking. Every server action, route handler and page derives the user from here,
 * never from a request body, query or form field.
 *
 * Lifecycle: next-auth's encrypted JWT cookie -> decoded with the auth secret -> user id (`sub`)
 * -> the user row, re-read on each call. A session is refused when its user was deleted or when
 * the password changed after it was issued (the token's `pwv` no longer matches), or when the user's
 * session version moved on (sign-out, "sign out everywhere", password change: {@link revokeSessions}).
 *
 * Hot path (issue 15): a decoded token is kept per raw cookie value (decoding derives a key and
 * decrypts: the largest cost of a cheap request; per instance, server/cache.ts), and the user row
 * is read with one prepared statement on the driver connection (server/driver.ts).
 */

export type CurrentUser = UserDTO;

/** Thrown by {@link requireUser} when nobody is signed in. */
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  readonly kind = 'unauthorized' as const;
  readonly status = 401;
  constructor(message = 'Sign in to continue.') {
    super(message);
  }
}

/** The raw session token from the request cookies (next-auth splits big tokens into .0, .1… chunks). */
async function sessionTokenCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join('') : undefined;
}

/** Decoded tokens by raw cookie value: an entry never outlives the token's own expiry. */
const decodedTokens = sharedCache<string, JWT>('session-tokens', 60_000, 10_000);

async function decodeToken(raw: string): Promise<JWT | null> {
  const now = Date.now();
  const hit = decodedTokens.get(raw, now);
  if (hit) return hit;
  let token: JWT | null;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null; // tampered, expired or signed with another secret
  }
  if (token) decodedTokens.set(raw, token, now, typeof token.exp === 'number' ? token.exp * 1000 : undefined);
  return token;
}

async function currentToken(): Promise<JWT | null> {
  const raw = await sessionTokenCookie();
  return raw ? decodeToken(raw) : null;
}

/** The user columns the session checks need. */
interface SessionUserRow {
  id: string;
  email: string | null;
  name: string | null;
  passwordHash: string | null;
  sessionVersion: number;
}

/**
 * The user row behind a session, read on every request (so a password change, sign-out everywhere or
 * deletion made by any instance revokes at once) but through one prepared statement on the driver
 * connection (server/driver.ts) instead of a Prisma query. Null when the user was deleted.
 */
async function sessionUser(id: string): Promise<SessionUserRow | null> {
  const driver = driverFor(db);
  const row = driver
    ? ((await queryOne(driver, 'session_user', 'SELECT "id", "email", "name", "passwordHash", "sessionVersion" FROM "User" WHERE "id" = $1', [id])) as SessionUserRow | undefined)
    : await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true } });
  return row ? { ...row, sessionVersion: Number(row.sessionVersion) } : null;
}

/** The signed-in user, or null for a guest (no, invalid, expired or revoked session). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const token = await currentToken();
  const id = typeof token?.sub === 'string' ? token.sub : null;
  if (!id) return null;
  const user = await sessionUser(id);
  if (!user || !tokenMatchesUser(token!, user)) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Whether the request carries a session cookie that decodes (no database read): the framework-floor route's check. */
export async function hasSessionToken(): Promise<boolean> {
  const token = await currentToken();
  return typeof token?.sub === 'string';
}

/** Whether a decoded session token is still valid for the user row it names (password and session version). */
export function tokenMatchesUser(token: JWT, user: { passwordHash: string | null; sessionVersion: number }): boolean {
  return token.pwv === passwordVersion(user.passwordHash) && (token.sv ?? 0) === user.sessionVersion;
}

/**
 * Revoke every session of the user (every browser, including copied cookies): bumps User.sessionVersion,
 * so tokens issued before now are refused. Called on sign-out (auth.ts events), by "sign out everywhere"
 * and by a password change. Caches of session or user rows must be invalidated here.
 * @returns the new session version
 */
export async function revokeSessions(userId: string, client: Db = db): Promise<number> {
  const res = await client.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  forgetUser(userId);
  if (res.count === 0) return 0;
  const row = await client.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? 0;
}

/**
 * The signed-in user.
 * @throws UnauthorizedError when nobody is signed in
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

/**
 * After the signed-in user changed their password: give this browser a session token with the new
 * password version (other browsers' sessions stay revoked). Server actions and route handlers only.
 */
export async function refreshSessionAfterPasswordChange(userId: string): Promise<void> {
  forgetUser(userId);
  const token = await currentToken();
  if (!token || token.sub !== userId) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, sessionVersion: true } });
  if (!user) return;
  const { sub, name, email, picture } = token;
  const fresh = await encode({
    token: { sub, name, email, picture, pwv: passwordVersion(user.passwordHash), sv: user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  const jar = await cookies();
  jar.set(sessionCookieName(), fresh, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    expires: new Date(Date.now() + SESSION_MAX_AGE * 1000),
  });
}

/** Sign this browser out (after the account was deleted, or with "sign out everywhere"). Server actions and route handlers only. */
export async function clearSession(): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  for (const c of jar.getAll()) if (c.name === name || c.name.startsWith(`${name}.`)) jar.delete(c.name);
}

/** The JSON body and status route handlers answer with when nobody is signed in. */
export function unauthorizedResponse(message = 'Sign in to continue.'): Response {
  return Response.json({ error: { kind: 'unauthorized', message } }, { status: 401 });
}

/**
 * Wrap a route handler so it runs only for a signed-in user, who is passed in; guests get 401 JSON.
 * An UnauthorizedError thrown inside also becomes 401.
 * @example export const GET = withUser(async (user, req) => Response.json(await listCards(user.id)));
 */
export function withUser<Args extends unknown[]>(
  handler: (user: CurrentUser, ...args: Args) => Promise<Response> | Response,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    const user = await getCurrentUser();
    if (!user) return unauthorizedResponse();
    try {
      return await handler(user, ...args);
    } catch (err) {
      if (err instanceof UnauthorizedError) return unauthorizedResponse(err.message);
      throw err;
    }
  };
}
