import 'server-only';
import { env } from '@/env';
import { StoreError } from '@/lib/srs';
import { BankUnavailableError } from '@/server/banks';
import { storeFault } from '@/server/db';
import { getCurrentUser, unauthorizedResponse } from '@/server/session';

/**
 * Shared edge of the store's route handlers: session-derived user, size-limited
 * JSON bodies, and typed errors turned into JSON with the right 4xx status.
 */

/** Deepest nesting accepted in a JSON body (real payloads are a few levels deep; deeper ones only burn stack). */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion (stops early past `limit`). */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Cross-site request forgery guard for state-changing routes (as server actions do): a request whose
 * `Origin` (or, without one, `Sec-Fetch-Site: cross-site`) names another site is refused with 403.
 * The own origin is NEXTAUTH_URL's when set, else the request's Host.
 */
export function checkSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (origin === null) {
    if (req.headers.get('sec-fetch-site') === 'cross-site') throw new StoreError('forbidden', 'cross-site requests are not accepted');
    return;
  }
  const own = env().NEXTAUTH_URL ? new URL(env().NEXTAUTH_URL!).host : req.headers.get('host');
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    /* "null" or garbage: foreign */
  }
  if (!host || host !== own) throw new StoreError('forbidden', `requests from origin ${origin} are not accepted`);
}

/** Read a JSON body of at most `maxBytes`; StoreError 'too-large' / 'bad-request' otherwise. */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new StoreError('unsupported-media-type', `send the body as Content-Type: application/json (got ${type ? JSON.stringify(type) : 'none'})`);
  }
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new StoreError('too-large', `request body is ${declared} bytes; the limit is ${maxBytes}`);
  }
  if (!req.body) throw new StoreError('bad-request', 'request body is empty: send JSON');
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new StoreError('too-large', `request body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) throw new StoreError('bad-request', 'request body is empty: send JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError('bad-request', 'request body is not valid JSON');
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) throw new StoreError('bad-request', `request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  return value;
}

/** JSON error response for a thrown value (StoreError keeps its kind; others are 500 without details). */
export function errorResponse(err: unknown): Response {
  if (err instanceof StoreError) return Response.json(err.toJSON(), { status: err.status });
  const status = (err as { status?: number })?.status;
  const kind = (err as { kind?: string })?.kind;
  if (status === 401 || kind === 'unauthorized') {
    return unauthorizedResponse();
  }
  const fault = storeFault(err);
  if (fault) return Response.json({ error: { kind: 'unavailable', message: fault } }, { status: 503, headers: { 'retry-after': '30' } });
  if (err instanceof BankUnavailableError) {
    return Response.json({ error: { kind: 'unavailable', message: (err as Error).message } }, { status: 503 });
  }
  console.error(err);
  return Response.json({ error: { kind: 'internal', message: 'internal error' } }, { status: 500 });
}

/** {@link asUser} for a state-changing request: a foreign Origin is refused first. */
export function asUserWrite(req: Request, handler: (userId: string) => Promise<Response>): Promise<Response> {
  try {
    checkSameOrigin(req);
  } catch (err) {
    return Promise.resolve(errorResponse(err));
  }
  return asUser(handler);
}

/** Run `handler` for the signed-in user; 401 JSON for guests, typed errors as JSON. */
export async function asUser(handler: (userId: string) => Promise<Response>): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return unauthorizedResponse();
    return await handler(user.id);
  } catch (err) {
    return errorResponse(err);
  }
}
