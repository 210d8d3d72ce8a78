import 'server-only';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { Pool, types, type CustomTypesConfig } from 'pg';
import { isPostgresUrl } from '@/env';
import { sqlitePath } from './sqlite-path';
import { databaseUrlOf, SQLITE_PRAGMAS, type Db } from './db';

/**
 * Raw driver connections next to the Prisma client, for the few hot statements issue 15 moved
 * off Prisma (the review write, the session's user row): one better-sqlite3 connection or one
 * pg pool per database URL, opened on first use and kept for the process. Everything else stays
 * on Prisma.
 */

export type Driver = { kind: 'sqlite'; conn: Database.Database } | { kind: 'postgresql'; pool: Pool };

const TIMESTAMP_OID = 1114;
/** Prisma's DateTime is `timestamp(3)` without a zone, holding UTC: read it as UTC (pg would assume local time). */
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary' ? (v: string) => new Date(v.replace(' ', 'T') + 'Z') : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

function openDriver(url: string): Driver {
  if (isPostgresUrl(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema');
    u.searchParams.delete('schema');
    const pool = new Pool({
      connectionString: u.toString(),
      max: 10,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
      types: utcTimestamps,
    });
    pool.on('error', () => {}); // an idle client dropped by the server; the next checkout reconnects
    return { kind: 'postgresql', pool };
  }
  return { kind: 'sqlite', conn: openSqliteConnection(url) };
}

/**
 * A new better-sqlite3 connection to the SQLite database at `url`, with the app's pragmas. It never
 * waits synchronously for the lock (that would block the event loop, and so the Prisma transaction
 * holding it): a busy database throws SQLITE_BUSY at once, and callers retry asynchronously.
 */
export function openSqliteConnection(url: string): Database.Database {
  const conn = new Database(sqlitePath(url), { timeout: 0 });
  conn.exec(SQLITE_PRAGMAS);
  conn.pragma('busy_timeout = 0');
  return conn;
}

/** How Prisma's SQLite adapter stores a DateTime (ISO 8601 with an explicit +00:00). */
export const sqliteDate = (d: Date) => d.toISOString().replace('Z', '+00:00');

/** A new row id for rows written outside Prisma (the schema's cuid() is generated client-side too; any unique string works). */
export const newRowId = () => `c${crypto.randomUUID().replace(/-/g, '')}`;

// On globalThis, like the Prisma client: the bundler may copy this module into several chunks.
const drivers = ((globalThis as unknown as { __netprepDrivers?: Map<string, Driver> }).__netprepDrivers ??= new Map());

/** The driver connection for the database `db` talks to, or null when its URL is unknown. */
export function driverFor(db: Db): Driver | null {
  const url = databaseUrlOf(db);
  if (!url) return null;
  let d = drivers.get(url);
  if (!d) drivers.set(url, (d = openDriver(url)));
  return d;
}

/** The first row of a read-only statement (text and `$n` parameters in PostgreSQL style). */
export async function queryOne(driver: Driver, name: string, text: string, values: unknown[]): Promise<Record<string, unknown> | undefined> {
  if (driver.kind === 'postgresql') return (await driver.pool.query({ name, text, values })).rows[0] as Record<string, unknown> | undefined;
  const { stmt, args } = sqliteStatement(driver.conn, text);
  return stmt.get(...args(values)) as Record<string, unknown> | undefined;
}

/** Every row of a read-only statement (text and `$n` parameters in PostgreSQL style; a `$n` may appear several times). */
export async function queryAll(driver: Driver, name: string, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  if (driver.kind === 'postgresql') return (await driver.pool.query({ name, text, values })).rows as Record<string, unknown>[];
  const { stmt, args } = sqliteStatement(driver.conn, text);
  return stmt.all(...args(values)) as Record<string, unknown>[];
}

/** A statement prepared once per connection and text; `$n` become `?`, and `args` puts the values in their order. */
interface SqliteStatement {
  stmt: Database.Statement;
  args: (values: unknown[]) => unknown[];
}
const sqliteStatements = new WeakMap<Database.Database, Map<string, SqliteStatement>>();
function sqliteStatement(conn: Database.Database, text: string): SqliteStatement {
  let byText = sqliteStatements.get(conn);
  if (!byText) sqliteStatements.set(conn, (byText = new Map()));
  let entry = byText.get(text);
  if (!entry) {
    const order = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
    const inOrder = order.every((n, i) => n === i);
    const stmt = conn.prepare(text.replace(/\$\d+/g, '?'));
    byText.set(text, (entry = { stmt, args: inOrder ? (v) => v : (v) => order.map((n) => v[n]) }));
  }
  return entry;
}
