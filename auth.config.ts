/**
 * The light part of the auth setup: what `proxy.ts` needs without pulling in next-auth's providers,
 * Prisma, the password hasher or any file I/O: the auth pages, the guarded prefixes, cookie naming
 * and the session lifetime. The session secret (read from the environment or a file) is in
 * auth-secret.ts.
 */
import { env } from './env';

/** Paths of the auth pages (next-auth `pages` and the route guard share them). */
export const authPages = {
  signIn: '/signin',
  signUp: '/signup',
  account: '/account',
} as const;

/** Route prefixes a signed-out visitor is sent away from by `proxy.ts` (a convenience; pages and actions check again). */
export const protectedPrefixes = ['/account'] as const;

/**
 * Whether session cookies get the `Secure` flag and the `__Secure-` prefix:
 * yes when the public URL is https (production behind TLS), no on plain http (local use, tests).
 */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

/** Name of the session cookie next-auth sets, as chosen by {@link secureCookies}. */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

/**
 * With no NEXTAUTH_URL, let next-auth take the public origin from the request's Host header, so
 * `npm start` on any port or address works without configuration. next-auth reads this flag from
 * process.env itself. Production deployments set NEXTAUTH_URL, which wins.
 */
export function trustHostWhenNoUrl(): void {
  if (!env().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= '1';
}

/** How long a session lasts (seconds); the JWT's expiry and the cookie's. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
