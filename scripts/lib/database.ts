import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from '../../env';
import { sqlitePath } from '../../server/sqlite-path';
import { SetupError } from './fail';
import { PRISMA_BIN, ROOT } from './paths';

/**
 * Make sure the folder that holds the SQLite file exists and is writable.
 * A probe file is written because access(2) lies for root.
 */
export function checkDataDir(databaseUrl: string): void {
  if (isPostgresUrl(databaseUrl)) return;
  const file = sqlitePath(databaseUrl, ROOT);
  const dir = path.dirname(file);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new SetupError(
      `data folder ${dir} does not exist: create it (mkdir -p ${dir}) or set DATABASE_URL to a file in a writable folder`,
    );
  }
  if (!st.isDirectory()) {
    throw new SetupError(`data folder ${dir} is not a folder: set DATABASE_URL to a file in a writable folder`);
  }
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new SetupError(
      `data folder ${dir} is not writable (${(err as NodeJS.ErrnoException).code}): fix its permissions or set DATABASE_URL to a writable location`,
    );
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new SetupError(`DATABASE_URL points at ${file}, which is a folder: name a file instead, e.g. file:./data/app.db`);
  }
}

/** Run the Prisma CLI quietly; on failure throw a SetupError with its most telling line. */
export function prisma(args: string[], databaseUrl: string): string {
  const res = spawnSync(process.execPath, [PRISMA_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    const lines = `${res.stderr}\n${res.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
    const telling = lines.find((l) => /error|P\d{4}/i.test(l)) ?? lines.at(-1) ?? 'unknown error';
    throw new SetupError(`prisma ${args[0]} failed: ${telling}`);
  }
  return res.stdout;
}

/** Names of the committed migrations, in order. */
export function migrationNames(dir = path.join(ROOT, 'prisma', 'migrations')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** True when every committed migration is recorded as finished in the SQLite file. */
function sqliteUpToDate(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = conn
      .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationNames().every((m) => applied.has(m));
  } catch {
    return false;
  } finally {
    conn.close();
  }
}

/** Apply pending migrations to the database DATABASE_URL names. Returns what it did. */
export async function migrateDatabase(databaseUrl: string): Promise<'up-to-date' | 'migrated'> {
  if (isPostgresUrl(databaseUrl)) {
    const { migratePostgres } = await import('./postgres-migrate');
    return migratePostgres(databaseUrl);
  }
  const file = sqlitePath(databaseUrl, ROOT);
  if (sqliteUpToDate(file)) return 'up-to-date';
  prisma(['migrate', 'deploy'], databaseUrl);
  return 'migrated';
}
