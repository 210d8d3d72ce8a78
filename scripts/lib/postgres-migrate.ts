/**
 * PostgreSQL migration runner. Prisma's WASM `migrate deploy` cannot drive
 * PostgreSQL offline here, so this applies the committed SQL files under
 * prisma/postgres/migrations/<name>/migration.sql in name order, each inside its own
 * transaction, and records them in `_netprep_migrations` (name, sha256, time).
 * A session advisory lock keeps concurrent app instances from migrating at once.
 * An applied migration whose file changed afterwards is an error (fix forward with a
 * new migration instead).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { SetupError } from './fail';
import { ROOT } from './paths';

export const POSTGRES_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'postgres', 'migrations');
const LOCK_KEY = 7_346_112_901; // arbitrary, fixed: "netprep migrations"

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed PostgreSQL migrations, in order. */
export function postgresMigrations(dir: string = POSTGRES_MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Split `postgresql://…?schema=x` into a connection string and the schema (default public). */
export function splitSchema(url: string): { connectionString: string; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'public';
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Apply pending migrations to the PostgreSQL database `url` names (its `?schema=`
 * parameter selects the schema, created when missing).
 * @returns 'up-to-date' or 'migrated'
 * @throws SetupError naming the migration that failed (that migration is rolled back)
 */
export async function migratePostgres(url: string, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<'up-to-date' | 'migrated'> {
  const { connectionString, schema } = splitSchema(url);
  const client = new Client({ connectionString });
  try {
    await client.connect();
  } catch (err) {
    throw new SetupError(`cannot connect to PostgreSQL at ${new URL(url).host}: ${(err as Error).message}`);
  }
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_netprep_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_netprep_migrations"')).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    let ran = 0;
    for (const m of postgresMigrations(dir)) {
      const done = applied.get(m.name);
      if (done !== undefined) {
        if (done !== m.checksum) {
          throw new SetupError(`PostgreSQL migration ${m.name} was changed after it was applied: add a new migration instead`);
        }
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query('INSERT INTO "_netprep_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query('COMMIT');
        ran++;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new SetupError(`PostgreSQL migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
      }
    }
    return ran ? 'migrated' : 'up-to-date';
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
