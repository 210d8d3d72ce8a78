import 'server-only';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { authSecret, passwordVersion, secureCookies, SESSION_MAX_AGE, sessionCookieName } from '@/auth.config';
import { forgetUser, sharedCache } from '@/server/cache';
import { db } from '@/server/db';
import { driverFor, queryOne } from '@/server/driver';
import type { UserDTO } from '@/server/users';

/**
 * Who is asking. Every server action, route handler and page derives the user from here,
 * never from a request body, query or form field.
 *
 * Lifecycle: next-auth's encrypted JWT cookie -> decoded with the auth secret -> user id (`sub`)
 * -> the user row. A session is refused when its user was deleted or when the password changed
 * after it was issued (the token's `pwv` no longer matches).
 *
 * Hot path (issue 15): a decoded token is kept per raw cookie value (decoding derives a key and
 * decrypts: the largest cost of a cheap request; per instance, server/cache.ts), and the user row
 * is read with one prepared statement on the driver connection.
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

/** A session's user row as the checks need it: the DTO plus the password version. */
interface SessionUserRow {
  user: CurrentUser;
  pwv: string;
}

/**
 * The user row behind a session, read on every request (so a password change or deletion made by
 * any instance revokes at once) but through one prepared statement on the driver connection
 * (server/driver.ts) instead of a Prisma query. Null when the user was deleted.
 */
async function sessionUser(id: string): Promise<SessionUserRow | null> {
  const driver = driverFor(db);
  const row = (driver
    ? await queryOne(driver, 'session_user', 'SELECT * FROM "User" WHERE "id" = $1', [id])
    : await db.user.findUnique({ where: { id } })) as { id: string; email: string | null; name: string | null; passwordHash: string | null } | null | undefined;
  if (!row) return null;
  return { user: { id: row.id, email: row.email, name: row.name }, pwv: passwordVersion(row.passwordHash) };
}

/** The signed-in user, or null for a guest (no, invalid, expired or revoked session). */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const token = await currentToken();
  const id = typeof token?.sub === 'string' ? token.sub : null;
  if (!id) return null;
  const row = await sessionUser(id);
  if (!row || token?.pwv !== row.pwv) return null;
  return row.user;
}

/** Whether the request carries a session cookie that decodes (no database read): the framework-floor route's check. */
export async function hasSessionToken(): Promise<boolean> {
  const token = await currentToken();
  return typeof token?.sub === 'string';
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
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) return;
  const { sub, name, email, picture } = token;
  const fresh = await encode({ token: { sub, name, email, picture, pwv: passwordVersion(user.passwordHash) }, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  const jar = await cookies();
  jar.set(sessionCookieName(), fresh, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    expires: new Date(Date.now() + SESSION_MAX_AGE * 1000),
  });
}

/** Sign this browser out (after the account was deleted). Server actions and route handlers only. */
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
