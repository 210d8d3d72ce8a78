/**
 * OpenID Connect sign-in end to end, on loopback: a mock provider (oauth2-mock-server), the real
 * server with OIDC_* pointing at it, and the authorization-code flow (PKCE + state) driven by
 * following each redirect by hand with a cookie jar, as a browser would.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { freshDatabase, type TestDatabase } from '../helpers/db';
import { startServer, type RunningServer } from '@/scripts/lib/server';
import { freePort } from '@/scripts/lib/port';
import { browser } from '../helpers/auth';

describe('OIDC sign-in against a mock provider', () => {
  let t: TestDatabase;
  let idp: OAuth2Server;
  let server: RunningServer;
  let issuer: string;

  beforeAll(async () => {
    t = freshDatabase('auth-oidc');
    idp = new OAuth2Server();
    await idp.issuer.keys.generate('RS256');
    await idp.start(await freePort(), '127.0.0.1');
    issuer = idp.issuer.url!;
    idp.service.on('beforeTokenSigning', (token) => {
      token.payload.sub = 'oidc-user-42';
      token.payload.email = 'Grace@Example.test';
      token.payload.name = 'Grace Hopper';
    });
    server = await startServer({
      DATABASE_URL: t.url,
      NEXTAUTH_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'netprep-test',
      OIDC_CLIENT_SECRET: 'netprep-test-secret',
      OIDC_NAME: 'Mock SSO',
    });
  }, 60000);
  afterAll(async () => {
    await server?.stop();
    await idp?.stop();
    await t?.close();
  });

  it('lists the provider', async () => {
    const providers = await (await fetch(server.url + '/api/auth/providers')).json();
    expect(providers.oidc).toMatchObject({ id: 'oidc', name: 'Mock SSO', type: 'oauth' });
    expect(providers.credentials).toMatchObject({ type: 'credentials' });
  });

  it('runs the authorization-code flow and establishes a session backed by User and Account rows', async () => {
    const b = browser(server.url);
    const { csrfToken } = await (await b.fetch('/api/auth/csrf')).json();
    const start = await b.fetch('/api/auth/signin/oidc', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${server.url}/account` }).toString(),
    });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(new URL(issuer).origin);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.url}/api/auth/callback/oidc`);

    // The mock provider "logs the user in" at once and sends the browser back with a code.
    const idpRes = await fetch(authorize, { redirect: 'manual' });
    expect(idpRes.status).toBe(302);
    const back = new URL(idpRes.headers.get('location')!);
    expect(back.searchParams.get('code')).toBeTruthy();

    const callback = await b.fetch(back.pathname + back.search);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`${server.url}/account`);
    expect(b.jar.sessionToken()).toBeDefined();

    const session = await (await b.fetch('/api/auth/session')).json();
    expect(session.user).toMatchObject({ email: 'grace@example.test', name: 'Grace Hopper' });

    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'grace@example.test' }, include: { accounts: true } });
    expect(session.user.id).toBe(user.id);
    expect(user.passwordHash).toBeNull();
    expect(user.accounts).toEqual([expect.objectContaining({ provider: 'oidc', providerAccountId: 'oidc-user-42', type: 'oauth' })]);

    // The account page is reachable with that session.
    const account = await b.fetch('/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('grace@example.test');
  });

  it('refuses a callback whose state does not match', async () => {
    const b = browser(server.url);
    const { csrfToken } = await (await b.fetch('/api/auth/csrf')).json();
    const start = await b.fetch('/api/auth/signin/oidc', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${server.url}/` }).toString(),
    });
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('state', 'forged-state');
    const idpRes = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(idpRes.headers.get('location')!);
    const callback = await b.fetch(back.pathname + back.search);
    expect(callback.headers.get('location')).toMatch(/error=/);
    expect(b.jar.sessionToken()).toBeUndefined();
  });
});
