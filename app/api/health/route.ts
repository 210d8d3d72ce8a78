import { hasSessionToken } from '@/server/session';

/**
 * GET /api/health -> 200 { status: 'ok', signedIn }: liveness for a load balancer, and the
 * framework floor `bench http` measures (the session cookie is decoded, no database is read).
 */
export async function GET(): Promise<Response> {
  return Response.json({ status: 'ok', signedIn: await hasSessionToken() }, { headers: { 'cache-control': 'no-store' } });
}
