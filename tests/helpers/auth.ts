/**
 * Signing in against the real server, for HTTP tests: next-auth's own CSRF + credentials callback,
 * exactly what the browser does. Reusable by any suite that needs a signed-in user.
 *
 *   const user = await createTestUser(t.db, 'a@example.test');
 *   const session = await signIn(server.url, user.email, user.password);
 *   const res = await session.fetch('/api/progress');
 */
import type { PrismaClient } from '@/generated/prisma/client';
import { hashPassword } from '@/server/users';

export const TEST_PASSWORD = 'Correct horse 42';

/** Create a credentials user directly in the database (argon2id hash, as sign-up would). */
export async function createTestUser(
  db: PrismaClient,
  email: string,
  password = TEST_PASSWORD,
): Promise<{ id: string; email: string; password: string }> {
  const user = await db.user.create({ data: { email, name: email.split('@')[0], passwordHash: await hashPassword(password) } });
  return { id: user.id, email, password };
}

/** A minimal cookie jar: name -> value, fed from Set-Cookie headers. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** Raw Set-Cookie headers seen, for attribute checks (Secure, HttpOnly, SameSite). */
  readonly setCookies: string[] = [];
  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  /** The next-auth session cookie's value, if any (plain or __Secure- name). */
  sessionToken(): string | undefined {
    return this.cookies.get('next-auth.session-token') ?? this.cookies.get('__Secure-next-auth.session-token');
  }
}

export interface Session {
  jar: CookieJar;
  /** fetch with this session's cookies (path relative to the server), keeping Set-Cookie updates; no redirect following. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** A cookie-keeping client for a server, signed out. */
export function browser(baseUrl: string, extraHeaders: Record<string, string> = {}): Session {
  const jar = new CookieJar();
  return {
    jar,
    async fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      for (const [k, v] of Object.entries(extraHeaders)) if (!headers.has(k)) headers.set(k, v);
      const cookie = jar.header();
      if (cookie) headers.set('cookie', cookie);
      const res = await fetch(new URL(path, baseUrl), { redirect: 'manual', ...init, headers });
      jar.absorb(res);
      return res;
    },
  };
}

export interface SignInOutcome {
  session: Session;
  /** Where next-auth sent the browser: the callbackUrl on success, the sign-in page with ?error= on failure. */
  location: string;
  status: number;
  /** The error next-auth reported (our message for credentials failures), or null. */
  error: string | null;
}

/** Try to sign in with email + password via GET /api/auth/csrf then POST /api/auth/callback/credentials. */
export async function attemptSignIn(
  baseUrl: string,
  email: string,
  password: string,
  opts: { headers?: Record<string, string>; session?: Session } = {},
): Promise<SignInOutcome> {
  const session = opts.session ?? browser(baseUrl, opts.headers);
  const csrfRes = await session.fetch('/api/auth/csrf');
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await session.fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }).toString(),
  });
  const location = res.headers.get('location') ?? '';
  let error: string | null = null;
  if (location) {
    const errorUrl = new URL(location, baseUrl);
    error = errorUrl.searchParams.get('error');
  }
  return { session, location, status: res.status, error };
}

/** Sign in, or throw with next-auth's error. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<Session> {
  const out = await attemptSignIn(baseUrl, email, password);
  if (out.error || !out.session.jar.sessionToken()) {
    throw new Error(`sign-in failed for ${email}: status ${out.status}, error ${out.error}, location ${out.location}`);
  }
  return out.session;
}

