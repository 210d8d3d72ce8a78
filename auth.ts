/**
 * next-auth (v4) set-up: JWT sessions; email + password through the Credentials provider;
 * optional OpenID Connect and GitHub providers, switched on by their environment variables and
 * stored through the Prisma adapter (User/Account rows).
 *
 * Used by app/api/auth/[...nextauth]/route.ts and server/session.ts (`getServerSession(authOptions)`).
 */
import 'server-only';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import type { OAuthConfig, Provider } from 'next-auth/providers/index';
import { env } from '@/env';
import { authPages, secureCookies, SESSION_MAX_AGE, trustHostWhenNoUrl } from '@/auth.config';
import { authSecret, passwordVersion } from '@/auth-secret';
import { SIGN_IN_FAILED, signInSchema } from '@/lib/auth/schema';
import { db } from '@/server/db';
import { revokeSessions, tokenMatchesUser } from '@/server/session';
import { clientIp } from '@/server/throttle';
import { authenticate } from '@/server/users';

trustHostWhenNoUrl();

/** Claims an OpenID Connect provider returns that we use. */
interface OidcProfile {
  sub: string;
  email?: string | null;
  name?: string | null;
  preferred_username?: string | null;
  picture?: string | null;
}

/** The generic OpenID Connect provider, configured from its issuer's discovery document. */
export function oidcProvider(o: { issuer: string; clientId: string; clientSecret: string; name: string }): OAuthConfig<OidcProfile> {
  const issuer = o.issuer.replace(/\/$/, '');
  return {
    id: 'oidc',
    name: o.name,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    profile(p) {
      return { id: p.sub, name: p.name ?? p.preferred_username ?? null, email: p.email?.toLowerCase() ?? null, image: p.picture ?? null };
    },
  };
}

/** The providers the environment switches on; the credentials provider is always there. */
export function configuredProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        // Malformed input gets the same message as a wrong password.
        if (!parsed.success) throw new Error(SIGN_IN_FAILED);
        const result = await authenticate({ ...parsed.data, ip: clientIp(req?.headers) }, new Date());
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push(oidcProvider({ issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }));
  }
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  return providers;
}

/** The OAuth/OIDC providers shown as buttons on the sign-in page. */
export function oauthProviderButtons(): { id: string; name: string }[] {
  return configuredProviders()
    .filter((p) => p.type === 'oauth')
    .map((p) => ({ id: p.id, name: p.name }));
}

export const authOptions: NextAuthOptions = {
  // The generated Prisma client has the same model API as @prisma/client's; only the import path differs.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter,
  providers: configuredProviders(),
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  useSecureCookies: secureCookies(),
  pages: { signIn: authPages.signIn, error: authPages.signIn },
  events: {
    // Signing out revokes the session everywhere (a copied cookie stops working too): see server/session.ts.
    async signOut({ token }) {
      if (typeof token?.sub === 'string') await revokeSessions(token.sub);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // Sign-in: bind the session to the user's current password (see server/session.ts).
        token.sub = user.id;
        const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } });
        token.pwv = passwordVersion(row?.passwordHash);
        token.sv = row?.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      // /api/auth/session (what next-auth/react sees) applies the same checks as getCurrentUser.
      const row = token.sub ? await db.user.findUnique({ where: { id: token.sub }, select: { passwordHash: true, sessionVersion: true } }) : null;
      if (!row || !tokenMatchesUser(token, row)) return { expires: session.expires } as typeof session;
      if (session.user) session.user.id = token.sub!;
      return session;
    },
  },
};
