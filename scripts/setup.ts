/**
 * Everything the app needs before `next build` / `next start`:
 * data folder check -> Prisma client -> migrations -> content bank.
 * Each step is skipped when its output is already current.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportAuthSecret, SECRET_FILE } from '../auth-secret';
import { env } from '../env';
import { buildContent } from './content';
import { checkDataDir, migrateDatabase, prisma } from './lib/database';
import { runMain } from './lib/fail';
import { hashTree } from './lib/hash';
import { GENERATED_DIR, ROOT } from './lib/paths';

const CLIENT_STAMP = path.join(GENERATED_DIR, 'prisma', '.schema-hash');

/**
 * Regenerate the Prisma clients when a schema or Prisma itself changed: the SQLite
 * client (generated/prisma) and the PostgreSQL one from the derived schema
 * (generated/prisma-pg); server/db.ts picks one at run time.
 */
export function generatePrismaClient(databaseUrl: string): 'up-to-date' | 'generated' {
  const hash = hashTree(ROOT, ['prisma/schema.prisma', 'prisma/postgres/schema.prisma', 'node_modules/prisma/package.json']);
  if (fs.existsSync(CLIENT_STAMP) && fs.readFileSync(CLIENT_STAMP, 'utf8') === hash) return 'up-to-date';
  prisma(['generate'], databaseUrl);
  // The URL only has to be a valid postgresql:// one for the schema to parse; nothing connects.
  prisma(['generate', '--schema', path.join('prisma', 'postgres', 'schema.prisma')], 'postgresql://localhost:5432/generate');
  fs.writeFileSync(CLIENT_STAMP, hash);
  return 'generated';
}

export interface SetupReport {
  client: string;
  database: string;
  content: string;
  authSecret: string;
}

/** Run every set-up step in order; throws SetupError / EnvError with a one-line message. */
export async function setup(log: (line: string) => void = (l) => console.log(l)): Promise<SetupReport> {
  const { DATABASE_URL, CONTENT_DIR } = env();
  checkDataDir(DATABASE_URL);
  const client = generatePrismaClient(DATABASE_URL);
  log(`prisma client: ${client}`);
  const database = await migrateDatabase(DATABASE_URL);
  log(`database: ${database}`);
  const content = await buildContent({ dir: path.resolve(ROOT, CONTENT_DIR), quiet: true });
  log(`content: ${content}`);
  // Sessions need a stable secret: NEXTAUTH_SECRET, else one generated once into data/ (mode 600).
  const authSecret = exportAuthSecret(ROOT, process.env);
  log(`auth secret: ${authSecret === 'environment' ? 'NEXTAUTH_SECRET' : `${SECRET_FILE} (${authSecret})`}`);
  return { client, database, content, authSecret };
}

if (require.main === module) {
  void runMain(async () => {
    await setup();
  });
}
