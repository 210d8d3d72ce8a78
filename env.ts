import { z } from 'zod';

/**
 * The one reader of `process.env`. Every setting the app knows is declared here,
 * parsed once with zod, and handed out typed. `.env.example` lists the same keys.
 * Light: zod only, no Node module (auth.config.ts and proxy.ts import it); where the SQLite
 * file of a `file:` URL lies on disk is server/sqlite-path.ts.
 */

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

const databaseUrl = z
  .string()
  .trim()
  .min(1)
  .refine((v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), e.g. file:./data/app.db',
  })
  .refine((v) => !/^postgres/.test(v) || URL.canParse(v), { message: 'is not a valid postgresql:// URL' });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: databaseUrl.default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default('0.0.0.0'),
  CONTENT_DIR: z.string().min(1).default('content'),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  // Issue 12: X-Forwarded-For is believed only behind a proxy that sets it; otherwise the socket address counts.
  TRUST_PROXY: z
    .enum(['1', 'true', 'yes', '0', 'false', 'no'], { error: 'must be 1/true/yes or 0/false/no' })
    .default('0')
    .transform((v) => v === '1' || v === 'true' || v === 'yes'),
  // Optional sign-in providers (issue 6): each is switched on when all of its variables are set.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('Single sign-on'),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** How a review is written: `driver` (prepared statements, the default) or `prisma` (for comparison, issue 15). */
  NETPREP_REVIEW_WRITER: z.enum(['driver', 'prisma']).default('driver'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parse an environment record; throws EnvError whose message names the bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue.path[0] ?? 'environment');
    throw new EnvError(`${key}=${JSON.stringify(source[key] ?? '')} ${issue.message}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The parsed process environment, cached after the first call. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when the URL selects PostgreSQL rather than the embedded SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
