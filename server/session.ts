import 'server-only';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/auth';
import { findUser, type UserDTO } from '@/server/users';

/**
 * Who is asking. Every server action, route handler and page derives the user from here,
 * never from a request body, query or form field.
 *
 * Lifecycle: next-auth's JWT cookie -> `getServerSession` -> user id (`sub`) -> the user row,
 * re-read on each call so a deleted account's still-valid cookie is worth nothing.
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

/** The signed-in user, or null for a guest. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return findUser(id);
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
