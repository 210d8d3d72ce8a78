/**
 * Security through the real production server: headers, cookies, the sign-in messages, throttling
 * and that one user's session never reaches another user's data.
 */
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { attemptSignIn, browser, createTestUser, signIn, TEST_PASSWORD } from '../helpers/auth';
import { SIGN_IN_FAILED } from '@/lib/auth/schema';
import { changePassword, deleteUser } from '@/server/users';
import { getBank } from '@/server/banks';
import { startExam, submitExam, userRepo } from '@/server/exams';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

describe('auth over HTTP (next start)', () => {
  let t: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    t = freshDatabase('auth-http');
    // Behind a (simulated) proxy: the address throttles read X-Forwarded-For. Without TRUST_PROXY the header is
    // ignored (tests/auth/fixed/integrity.test.ts).
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: SECRET, TRUST_PROXY: '1' });
  }, 60000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  describe('security headers', () => {
    it.each(['/', '/signin', '/api/auth/csrf', '/definitely-not-a-page'])('%s carries them', async (path) => {
      const res = await fetch(server.url + path, { redirect: 'manual' });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('pages load only same-origin scripts and styles (what the CSP allows)', async () => {
      const html = await (await fetch(server.url + '/signin')).text();
      const srcs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(srcs.length).toBeGreaterThan(0);
      for (const src of srcs) expect(src.startsWith('/') && !src.startsWith('//')).toBe(true);
    });
  });

  describe('sign-in', () => {
    beforeAll(async () => {
      await createTestUser(t.db, 'ada@example.test');
    });

    it('signs in with the right password; the session cookie is HttpOnly, SameSite=Lax, not Secure on http', async () => {
      const session = await signIn(server.url, 'ada@example.test');
      const cookie = session.jar.setCookies.find((c) => c.startsWith('next-auth.session-token='))!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
      const me = await (await session.fetch('/api/auth/session')).json();
      expect(me.user).toMatchObject({ email: 'ada@example.test' });
      expect(typeof me.user.id).toBe('string');
    });

    it('answers an unknown email and a wrong password identically', async () => {
      const unknown = await attemptSignIn(server.url, 'nobody@example.test', TEST_PASSWORD, { headers: { 'x-forwarded-for': '192.0.2.1' } });
      const wrong = await attemptSignIn(server.url, 'ada@example.test', 'Wrong password 1', { headers: { 'x-forwarded-for': '192.0.2.1' } });
      for (const r of [unknown, wrong]) {
        expect(r.error).toBe(SIGN_IN_FAILED);
        expect(r.session.jar.sessionToken()).toBeUndefined();
      }
      expect(unknown.status).toBe(wrong.status);
      expect(unknown.location).toBe(wrong.location);
      // The error page the browser lands on shows the message.
      const page = await fetch(new URL(wrong.location, server.url), { redirect: 'follow' });
      expect(await page.text()).toContain(SIGN_IN_FAILED);
    });

    it('refuses a CSRF-less credentials post', async () => {
      const res = await fetch(server.url + '/api/auth/callback/credentials', {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'ada@example.test', password: TEST_PASSWORD }).toString(),
      });
      expect(res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(false);
    });

    it('throttles an (email, address) pair after 5 failures, even with the right password afterwards', async () => {
      await createTestUser(t.db, 'bea@example.test');
      const from = { headers: { 'x-forwarded-for': '198.51.100.7' } };
      for (let i = 0; i < 5; i++) {
        const r = await attemptSignIn(server.url, 'bea@example.test', `Wrong password ${i}`, from);
        expect(r.error).toBe(SIGN_IN_FAILED);
      }
      const blocked = await attemptSignIn(server.url, 'bea@example.test', TEST_PASSWORD, from);
      expect(blocked.error).toMatch(/^Too many failed sign-in attempts\. Try again in 1[45] minutes\.$/);
      expect(blocked.session.jar.sessionToken()).toBeUndefined();
    });

    it('no owner lockout: failures from other addresses only slow the owner down (issue 12)', async () => {
      await createTestUser(t.db, 'bo@example.test');
      for (let i = 0; i < 5; i++) {
        const r = await attemptSignIn(server.url, 'bo@example.test', `Wrong password ${i}`, { headers: { 'x-forwarded-for': `198.51.100.${20 + i}` } });
        expect(r.error).toBe(SIGN_IN_FAILED);
      }
      const owner = await attemptSignIn(server.url, 'bo@example.test', TEST_PASSWORD, { headers: { 'x-forwarded-for': '192.0.2.200' } });
      expect(owner.error).toBeNull();
      expect(owner.session.jar.sessionToken()).toBeDefined();
    }, 60000);

    it('throttles an address after 20 failures across emails', async () => {
      await createTestUser(t.db, 'cy@example.test');
      const ip = { 'x-forwarded-for': '203.0.113.50' };
      for (let i = 0; i < 20; i++) {
        const r = await attemptSignIn(server.url, `guess${i}@example.test`, 'Wrong password 1', { headers: ip });
        expect(r.error).toBe(SIGN_IN_FAILED);
      }
      const blocked = await attemptSignIn(server.url, 'cy@example.test', TEST_PASSWORD, { headers: ip });
      expect(blocked.error).toMatch(/^Too many failed sign-in attempts/);
      const elsewhere = await attemptSignIn(server.url, 'cy@example.test', TEST_PASSWORD, { headers: { 'x-forwarded-for': '203.0.113.51' } });
      expect(elsewhere.error).toBeNull();
      expect(elsewhere.session.jar.sessionToken()).toBeDefined();
    }, 60000);
  });

  describe('each user sees only their own data', () => {
    it('guests are sent away from /account and get 401 from the export', async () => {
      const guest = browser(server.url);
      const page = await guest.fetch('/account');
      expect(page.status).toBe(307);
      expect(page.headers.get('location')).toMatch(/\/signin\?callbackUrl=%2Faccount$/);
      const exp = await guest.fetch('/account/export');
      expect([307, 401]).toContain(exp.status);
    });

    it('a forged or foreign session cookie is worth nothing', async () => {
      const forged = browser(server.url);
      forged.jar.cookies.set('next-auth.session-token', 'not-a-jwe');
      const me = await (await forged.fetch('/api/auth/session')).json();
      expect(me).toEqual({});
    });

    it('changing the password revokes sessions issued before; deleting the account revokes all', async () => {
      const u = await createTestUser(t.db, 'fay@example.test');
      const laptop = await signIn(server.url, u.email);
      const phone = await signIn(server.url, u.email);
      expect((await laptop.fetch('/account/export')).status).toBe(200);
      await changePassword(u.id, { current: TEST_PASSWORD, password: 'Brand new pass 7', confirm: 'Brand new pass 7' }, t.db);
      for (const s of [laptop, phone]) {
        expect((await s.fetch('/account/export')).status).toBe(401);
        expect((await (await s.fetch('/api/auth/session')).json()).user).toBeUndefined();
      }
      const again = await signIn(server.url, u.email, 'Brand new pass 7');
      expect((await again.fetch('/account/export')).status).toBe(200);
      await deleteUser(u.id, u.email, t.db);
      expect((await again.fetch('/account/export')).status).toBe(401);
    });

    it('two users: neither can read or change the other\'s progress or settings through the store API', async () => {
      await createTestUser(t.db, 'gil@example.test');
      await createTestUser(t.db, 'hal@example.test');
      const gil = await signIn(server.url, 'gil@example.test');
      const hal = await signIn(server.url, 'hal@example.test');
      const gilId = (await t.db.user.findUniqueOrThrow({ where: { email: 'gil@example.test' } })).id;
      const halId = (await t.db.user.findUniqueOrThrow({ where: { email: 'hal@example.test' } })).id;
      const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

      // Gil saves his progress: his own settings (newPerDay 7).
      const gilDoc = await (await gil.fetch('/api/progress')).json();
      expect((await gil.fetch('/api/progress', json({ ...gilDoc, settings: { ...gilDoc.settings, newPerDay: 7 } }))).status).toBe(200);

      // Hal reads: only his own (defaults), whatever he names in the query or headers.
      const halView = await hal.fetch(`/api/progress?userId=${gilId}`, { headers: { 'x-user-id': gilId } });
      expect(halView.status).toBe(200);
      expect((await halView.json()).settings.newPerDay).toBe(20);

      // Hal writes with Gil's id in the body: refused (strict schemas) or applied to Hal only.
      const halDoc = await (await hal.fetch('/api/progress')).json();
      const forged = await hal.fetch('/api/progress', json({ ...halDoc, userId: gilId, settings: { ...halDoc.settings, newPerDay: 99 } }));
      expect([400, 200]).toContain(forged.status);
      const review = await hal.fetch('/api/reviews', json({ userId: gilId, clientReviewId: 'forged-review-1', questionId: 'x', rating: 3, durationMs: 1, source: 'flashcard' }));
      expect(review.status).toBe(400);
      expect((await hal.fetch('/api/reviews/undo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: gilId }) })).status).not.toBe(500);

      // Gil's data is as he left it; Hal's changes (if any) are Hal's.
      const gilAfter = await (await gil.fetch('/api/progress')).json();
      expect(gilAfter.settings.newPerDay).toBe(7);
      expect(await t.db.userSettings.findUnique({ where: { userId: gilId } })).toMatchObject({ newPerDay: 7 });
      const halRow = await t.db.userSettings.findUnique({ where: { userId: halId } });
      expect(halRow?.newPerDay ?? 20).not.toBe(7);
      expect(await t.db.reviewLog.count({ where: { userId: gilId } })).toBe(0);

      // Guests get 401 from the store's API.
      const guest = browser(server.url);
      for (const path of ['/api/progress', '/api/reviews']) expect((await guest.fetch(path)).status).toBe(401);
    });

    it('two users: neither can open the other\'s exam attempt or result', async () => {
      await createTestUser(t.db, 'ivy@example.test');
      await createTestUser(t.db, 'jon@example.test');
      const ivyId = (await t.db.user.findUniqueOrThrow({ where: { email: 'ivy@example.test' } })).id;
      const bank = getBank();
      const ctx = { repo: userRepo(t.db, ivyId), bank, now: new Date() };
      const done = await startExam(ctx, { blueprintId: bank.blueprints[0].id, size: 5 });
      await submitExam(ctx, { attemptId: done.id });
      const running = await startExam(ctx, { blueprintId: bank.blueprints[0].id, size: 5 });
      const ivy = await signIn(server.url, 'ivy@example.test');
      const jon = await signIn(server.url, 'jon@example.test');
      // The exam page streams (it has a loading state), so "not found" can arrive with status 200: Next then marks
      // the page noindex and streams the not-found UI instead of the attempt (no runner, no result).
      const notFoundPage = async (res: Response) => {
        const body = await res.text();
        const showsAttempt = body.includes('id="item-heading"') || body.includes('id="result-heading"');
        const notFound = res.status === 404 || body.includes('<meta name="robots" content="noindex"/>');
        return notFound && !showsAttempt;
      };
      // Ivy sees her attempt and her result...
      for (const path of [`/exam/${running.id}`, `/exam/${done.id}/result`]) {
        const res = await ivy.fetch(path);
        expect(res.status).toBe(200);
        expect(await notFoundPage(res)).toBe(false);
      }
      // ...Jon, signed in, gets "not found" for both, and his export lists no exams.
      for (const path of [`/exam/${running.id}`, `/exam/${done.id}/result`]) expect(await notFoundPage(await jon.fetch(path))).toBe(true);
      const jonExport = await (await jon.fetch('/account/export')).json();
      expect(jonExport.exams).toEqual([]);
      const ivyExport = await (await ivy.fetch('/account/export')).json();
      expect(ivyExport.exams.map((e: { id: string }) => e.id).sort()).toEqual([running.id, done.id].sort());
      // A guest neither.
      expect(await notFoundPage(await browser(server.url).fetch(`/exam/${running.id}`))).toBe(true);
    });

    it('two users: each export holds only their own account', async () => {
      await createTestUser(t.db, 'dee@example.test');
      await createTestUser(t.db, 'eve@example.test');
      const dee = await signIn(server.url, 'dee@example.test');
      const eve = await signIn(server.url, 'eve@example.test');
      for (const [s, mine, theirs] of [
        [dee, 'dee@example.test', 'eve@example.test'],
        [eve, 'eve@example.test', 'dee@example.test'],
      ] as const) {
        const res = await s.fetch('/account/export?userId=someone-else', { headers: { 'x-user-id': 'someone-else' } });
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body).toContain(mine);
        expect(body).not.toContain(theirs);
      }
    });
  });
});

describe('cookies in production behind https', () => {
  let t: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    t = freshDatabase('auth-https');
    server = await startServer({ DATABASE_URL: t.url, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: 'https://netprep.example.test' });
    await createTestUser(t.db, 'ada@example.test');
  }, 60000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('sets __Secure-/__Host- cookies with Secure and HttpOnly', async () => {
    const out = await attemptSignIn(server.url, 'ada@example.test', TEST_PASSWORD);
    const session = out.session.jar.setCookies.find((c) => c.startsWith('__Secure-next-auth.session-token='));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/HttpOnly/i);
    const csrf = out.session.jar.setCookies.find((c) => c.startsWith('__Host-next-auth.csrf-token='));
    expect(csrf).toMatch(/;\s*Secure/i);
    expect(csrf).toMatch(/HttpOnly/i);
    for (const c of out.session.jar.setCookies) expect(c).toMatch(/;\s*Secure/i);
  });
});
