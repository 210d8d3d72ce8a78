/**
 * The light part of the auth setup: what `proxy.ts` and `scripts/setup.ts` need without
 * pulling in next-auth's providers, Prisma or the password hasher.
 *
 * Lifecycle of the session secret: `NEXTAUTH_SECRET` when set; otherwise `npm start`
 * (scripts/setup.ts) generates 48 random bytes once, keeps them in `data/.nextauth-secret`
 * (mode 600) and exports them to the server process, so sessions survive restarts.
 * A server started some other way (tests, `next start` by hand) reads or creates the same file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

/** Where the generated secret lives, relative to the project folder. */
export const SECRET_FILE = path.join('data', '.nextauth-secret');

/** Paths of the auth pages (next-auth `pages` and the route guard share them). */
export const authPages = {
  signIn: '/signin',
  signUp: '/signup',
  account: '/account',
} as const;

/** Route prefixes a signed-out visitor is sent away from by `proxy.ts` (a convenience; pages and actions check again). */
export const protectedPrefixes = ['/account'] as const;

/**
 * Read the secret from `file`, creating it with a fresh random value (mode 600) when missing.
 * Concurrent first starts agree: the file is created exclusively and a loser reads the winner's value.
 * @param file absolute path of the secret file
 * @returns the secret (base64url, 64 characters)
 */
export function readOrCreateSecretFile(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Someone created it between our read and write (or it was too short): take the file's value if usable.
    const raced = fs.readFileSync(file, 'utf8').trim();
    if (raced.length >= 32) return raced;
    fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  }
  fs.chmodSync(file, 0o600);
  return secret;
}

let cachedSecret: string | undefined;

/**
 * The secret that signs and encrypts session tokens: `NEXTAUTH_SECRET`, else the generated one in the data folder.
 * @param root project folder (the server's working directory)
 */
export function authSecret(root: string = process.cwd()): string {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  cachedSecret ??= readOrCreateSecretFile(path.resolve(root, SECRET_FILE));
  return cachedSecret;
}

/**
 * Whether session cookies get the `Secure` flag and the `__Secure-` prefix:
 * yes when the public URL is https (production behind TLS), no on plain http (local use, tests).
 */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

/** Name of the session cookie next-auth sets, as chosen by {@link secureCookies}. */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

/**
 * With no NEXTAUTH_URL, let next-auth take the public origin from the request's Host header, so
 * `npm start` on any port or address works without configuration. next-auth reads this flag from
 * process.env itself. Production deployments set NEXTAUTH_URL, which wins.
 */
export function trustHostWhenNoUrl(): void {
  if (!env().NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= '1';
}

/**
 * For `npm start`/`npm run dev` (scripts/setup.ts): make sure the server process gets a secret.
 * When NEXTAUTH_SECRET is unset, the data folder's secret is read or created and exported into
 * `target` (the environment the server is spawned with).
 * @returns where the secret came from
 */
export function exportAuthSecret(root: string, target: Record<string, string | undefined>): 'environment' | 'created' | 'kept' {
  if (env().NEXTAUTH_SECRET) return 'environment';
  const file = path.resolve(root, SECRET_FILE);
  const existed = fs.existsSync(file);
  target.NEXTAUTH_SECRET = readOrCreateSecretFile(file);
  return existed ? 'kept' : 'created';
}

/** How long a session lasts (seconds); the JWT's expiry and the cookie's. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * A keyed fingerprint of the user's password hash, carried inside the (encrypted) session token.
 * Changing the password changes it, so sessions issued before the change stop being accepted.
 * Accounts without a password have a constant fingerprint.
 */
export function passwordVersion(passwordHash: string | null | undefined, secret: string = authSecret()): string {
  return crypto.createHmac('sha256', secret).update(`pw:${passwordHash ?? ''}`).digest('base64url').slice(0, 22);
}
