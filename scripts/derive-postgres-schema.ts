/**
 * `tsx scripts/derive-postgres-schema.ts [--migration NAME] [--check]`
 *
 * prisma/schema.prisma (SQLite) is the single source of truth. This script derives
 * prisma/postgres/schema.prisma from it: provider swap and a generator writing the
 * PostgreSQL client to generated/prisma-pg (a Prisma 6.19 client refuses an adapter
 * of another provider, so each database gets its own generated client; both share
 * the same models and so the same TypeScript API).
 *
 * With --migration NAME, when the derived schema changed, the SQL between the
 * previously committed derived schema and the new one is written to
 * prisma/postgres/migrations/NAME/migration.sql (prisma migrate diff between two
 * datamodels; the JS schema engine still wants a live server, so a throwaway one is
 * started like test:postgres does). With --check it only reports whether the committed
 * derived schema is current (exit 1 when stale).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from './test-postgres';

const ROOT = path.resolve(__dirname, '..');
export const SQLITE_SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
export const POSTGRES_DIR = path.join(ROOT, 'prisma', 'postgres');
export const POSTGRES_SCHEMA = path.join(POSTGRES_DIR, 'schema.prisma');
export const POSTGRES_MIGRATIONS = path.join(POSTGRES_DIR, 'migrations');
const PRISMA_BIN = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts: do not edit.
// Run \`npx tsx scripts/derive-postgres-schema.ts --migration NNNN_name\` after changing the SQLite schema.
`;

/** Derive the PostgreSQL schema text from the SQLite one. */
export function derivePostgresSchema(sqlite: string): string {
  let out = sqlite;
  const swaps: [RegExp, string][] = [
    [/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/generated\/prisma"/, '$1"../../generated/prisma-pg"'],
  ];
  for (const [re, to] of swaps) {
    if (!re.test(out)) throw new Error(`derive-postgres-schema: pattern ${re} not found in prisma/schema.prisma`);
    out = out.replace(re, to);
  }
  // Drop the SQLite file's own header comment lines and put ours.
  out = out.replace(/^(\/\/[^\n]*\n)+/, '');
  return HEADER + out;
}

function diff(from: string | null, to: string, databaseUrl: string): string {
  const args = [
    PRISMA_BIN,
    'migrate',
    'diff',
    ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']),
    '--to-schema-datamodel',
    to,
    '--script',
    '--config',
    path.join(POSTGRES_DIR, 'prisma.config.ts'),
  ];
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', DATABASE_URL: databaseUrl },
  });
  if (res.status !== 0) throw new Error(`prisma migrate diff failed:\n${res.stderr}${res.stdout}`);
  return res.stdout;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const check = argv.includes('--check');
  const mi = argv.indexOf('--migration');
  const migration = mi >= 0 ? argv[mi + 1] : undefined;
  const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  const previous = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, 'utf8') : null;
  if (check) {
    if (previous !== derived) {
      console.error('prisma/postgres/schema.prisma is stale: run npx tsx scripts/derive-postgres-schema.ts --migration NNNN_name');
      process.exit(1);
    }
    console.log('prisma/postgres/schema.prisma is current');
    return;
  }
  if (previous === derived) {
    console.log('prisma/postgres/schema.prisma already current');
    return;
  }
  if (migration) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'derive-pg-'));
    try {
      const from = previous ? path.join(tmp, 'from.prisma') : null;
      if (from && previous) fs.writeFileSync(from, previous);
      const to = path.join(tmp, 'to.prisma');
      fs.writeFileSync(to, derived);
      // The JS schema engine wants a live PostgreSQL even for a datamodel-to-datamodel diff: use a throwaway one.
      const pg = await startPostgres();
      let sql: string;
      try {
        sql = diff(from, to, pg.adminUrl);
      } finally {
        pg.stop();
      }
      const dir = path.join(POSTGRES_MIGRATIONS, migration);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
      console.log(`wrote prisma/postgres/migrations/${migration}/migration.sql`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } else if (previous) {
    console.error('the derived schema changed: pass --migration NNNN_name to write the PostgreSQL migration too');
    process.exit(1);
  }
  fs.mkdirSync(POSTGRES_DIR, { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, derived);
  console.log('wrote prisma/postgres/schema.prisma');
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`derive-postgres-schema: ${(err as Error).message}`);
    process.exit(1);
  });
}
