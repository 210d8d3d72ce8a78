import 'server-only';
import { StoreError } from '@/lib/srs';
import { getCurrentUser } from '@/server/session';

/**
 * Shared edge of the store's route handlers: session-derived user, size-limited
 * JSON bodies, and typed errors turned into JSON with the right 4xx status.
 */

/** Read a JSON body of at most `maxBytes`; StoreError 'too-large' / 'bad-request' otherwise. */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
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
  try {
    return JSON.parse(text);
  } catch {
    throw new StoreError('bad-request', 'request body is not valid JSON');
  }
}

/** JSON error response for a thrown value (StoreError keeps its kind; others are 500 without details). */
export function errorResponse(err: unknown): Response {
  if (err instanceof StoreError) return Response.json(err.toJSON(), { status: err.status });
  const status = (err as { status?: number })?.status;
  const kind = (err as { kind?: string })?.kind;
  if (status === 401 || kind === 'unauthorized') {
    return Response.json({ error: { kind: 'unauthorized', message: 'Sign in to continue.' } }, { status: 401 });
  }
  if ((err as { name?: string })?.name === 'BankUnavailableError') {
    return Response.json({ error: { kind: 'unavailable', message: (err as Error).message } }, { status: 503 });
  }
  console.error(err);
  return Response.json({ error: { kind: 'internal', message: 'internal error' } }, { status: 500 });
}

/** Run `handler` for the signed-in user; 401 JSON for guests, typed errors as JSON. */
export async function asUser(handler: (userId: string) => Promise<Response>): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: { kind: 'unauthorized', message: 'Sign in to continue.' } }, { status: 401 });
    return await handler(user.id);
  } catch (err) {
    return errorResponse(err);
  }
}
