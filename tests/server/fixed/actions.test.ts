/**
 * Regression tests for issue 12, server actions over HTTP against `next start`:
 *  - "oversized action bodies give 500": a server action POST over the body limit gets 413 with a
 *    message (proxy.ts), not Next's 500, and so does a request that hides its length;
 *  - "a guest calling claim gives 500": `claimGuestSession` (app/(auth)/actions.ts) called without a
 *    session answers 401; a signed-in learner's call still imports the answers.
 * Actions are called the way Next's client calls them: POST to a page that uses the action, with the
 * `Next-Action` id from the build's server reference manifest and the arguments as a JSON array.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freshDatabase, type TestDatabase } from '../../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { sessionCookie, TEST_SECRET } from '@/scripts/lib/session';
import { getBank } from '@/server/banks';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LIMIT = 1024 * 1024; // proxy.ts ACTION_BODY_LIMIT_BYTES (Next's serverActions.bodySizeLimit)

/** The id Next gave the server action `name` exported by `file` (relative to the project), from the build. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`no server action ${name} in ${file} in the build`);
  return hit[0];
}

describe('server actions (issue 12)', () => {
  let t: TestDatabase;
  let server: RunningServer;
  let claim: string;
  const guestSession = () => ({
    guestId: 'guest-claim-test',
    answers: [{ questionId: getBank().questions[0].id, rating: 3, durationMs: 1200, source: 'flashcard', answeredAt: new Date(Date.now() - 60_000).toISOString() }],
  });
  const callAction = (id: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/signin`, {
      method: 'POST',
      headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: server.url, ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    });

  beforeAll(async () => {
    t = freshDatabase('actions');
    claim = actionId('app/(auth)/actions.ts', 'claimGuestSession');
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: TEST_SECRET });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('a guest (no session) calling claim gets 401, not 500; a signed-in learner imports', async () => {
    const guest = await callAction(claim, JSON.stringify([guestSession()]));
    expect(guest.status).toBe(401);
    expect(await t.db.reviewLog.count()).toBe(0);

    const user = await t.db.user.create({ data: { email: 'claim@example.test', name: 'claim' } });
    const signedIn = await callAction(claim, JSON.stringify([guestSession()]), { cookie: await sessionCookie(user.id) });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('"imported":1');
    expect(await t.db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it('an action body over the limit gets 413 with a message, not 500', async () => {
    const big = JSON.stringify([{ guestId: 'guest-claim-test', answers: [], pad: 'x'.repeat(LIMIT + 10) }]);
    const res = await callAction(claim, big);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.text()).toMatch(/too large \(\d+ bytes; the limit is 1048576 bytes\)/);
    // A body just under the limit still reaches the action (a guest: 401).
    const fits = JSON.stringify([{ guestId: 'guest-claim-test', answers: [], pad: 'x'.repeat(LIMIT - 200) }]);
    expect((await callAction(claim, fits)).status).toBe(401);
  });

  it('an oversized action body sent without a length (chunked) gets a 4xx, not 500', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${server.url}/signin`,
        { method: 'POST', headers: { 'next-action': claim, 'content-type': 'text/plain;charset=UTF-8', origin: server.url, 'transfer-encoding': 'chunked' }, timeout: 20_000 },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
      req.on('timeout', () => req.destroy(new Error('timed out')));
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});
