import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authPages, protectedPrefixes, secureCookies } from '@/auth.config';
import { authSecret } from '@/auth-secret';

/**
 * Largest server action request body, in bytes: Next's `serverActions.bodySizeLimit` default (1 MB;
 * next.config.js keeps it). Next enforces it too, but answers a breach with a 500; checked here first
 * so the client gets a 413 with a message (issue 12).
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A server action request (`Next-Action` header) whose body is too large: 413 (or 411 without a
 * length; browsers always send one), as `text/plain`, which Next's action client shows as the error
 * message. Null when the request may go on.
 */
export function oversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const header = request.headers.get('content-length');
  const length = header === null ? NaN : Number(header);
  const text = (status: number, message: string) => new NextResponse(message, { status, headers: { 'content-type': 'text/plain' } });
  if (header === null && request.body) return text(411, 'This request has no Content-Length: send the body with its length.');
  if (Number.isFinite(length) && length > ACTION_BODY_LIMIT_BYTES) {
    return text(413, `The request is too large (${length} bytes; the limit is ${ACTION_BODY_LIMIT_BYTES} bytes). Send less at once.`);
  }
  return null;
}

/**
 * Runs before the matched routes:
 *  - every server action: its body size is checked ({@link oversizedAction});
 *  - /account: a signed-out visitor is sent to sign-in (and back after). This is a convenience, not
 *    the protection: every page, action and route handler checks the session itself through
 *    server/session.ts.
 */
export async function proxy(request: NextRequest) {
  const refused = oversizedAction(request);
  if (refused) return refused;
  const path = request.nextUrl.pathname;
  if (!protectedPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) return NextResponse.next();
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookies() });
  if (token?.sub) return NextResponse.next();
  const url = new URL(authPages.signIn, request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/account', '/account/:path*', { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }],
};
