/**
 * The session secret, and what is derived from it.
 *
 * Lifecycle: `NEXTAUTH_SECRET` when set; otherwise `npm start` (scripts/setup.ts) generates 48 random
 * bytes once, keeps them in `data/.nextauth-secret` (mode 600) and exports them to the server process,
 * so sessions survive restarts. A server started some other way (tests, `next start` by hand) reads or
 * creates the same file. Node only (file I/O): auth.config.ts holds the light, I/O-free part.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

/** Where the generated secret lives, relative to the project folder. */
export const SECRET_FILE = path.join('data', '.nextauth-secret');

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

/**
 * A keyed fingerprint of the user's password hash, carried inside the (encrypted) session token.
 * Changing the password changes it, so sessions issued before the change stop being accepted.
 * Accounts without a password have a constant fingerprint.
 */
export function passwordVersion(passwordHash: string | null | undefined, secret: string = authSecret()): string {
  return crypto.createHmac('sha256', secret).update(`pw:${passwordHash ?? ''}`).digest('base64url').slice(0, 22);
}
