import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { env } from '@/env';
import { db } from './db';

/**
 * STUB by the store helper so its routes build before the auth helper lands; the auth
 * helper's server/session.ts replaces this file (same exports). It reads next-auth's
 * JWT session cookie, signed with NEXTAUTH_SECRET, and re-reads the user row.
 */

export interface CurrentUser {
  id: string;
  email: string | null;
  name: string | null;
}

export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
  readonly kind = 'unauthorized' as const;
  readonly status = 401;
  constructor(message = 'Sign in to continue.') {
    super(message);
  }
}

const COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The signed-in user, or null for a guest. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return null;
  const jar = await cookies();
  const raw = COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret }).catch(() => null);
  const id = token?.sub;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
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
