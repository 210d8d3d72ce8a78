import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authPages, authSecret, secureCookies } from '@/auth.config';

/**
 * Route guard only: a signed-out visitor asking for /account is sent to sign-in (and back after).
 * This is a convenience, not the protection: every page, action and route handler checks the
 * session itself through server/session.ts.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: secureCookies() });
  if (token?.sub) return NextResponse.next();
  const url = new URL(authPages.signIn, request.url);
  url.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/account', '/account/:path*'],
};
