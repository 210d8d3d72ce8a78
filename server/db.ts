import 'server-only';
import fs from 'node:fs';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { PrismaClient as PgPrismaClient } from '@/generated/prisma-pg/client';
import { env, isPostgresUrl } from '@/env';
import { sqlitePath } from './sqlite-path';

/**
 * The one PrismaClient of the process, with the driver adapter the DATABASE_URL
 * selects at run time:
 *  - `file:` -> SQLite through better-sqlite3, in WAL mode with synchronous=NORMAL (durable
 *    across process crashes; WAL + NORMAL can only lose the last commits on power loss), a short
 *    busy timeout with asynchronous retries, and recovery from failed commits ({@link resilientSqlite});
 *    the database files are created with mode 600;
 *  - `postgresql://` -> PostgreSQL through node-postgres (`@prisma/adapter-pg`).
 * Prisma 6.19 clients refuse an adapter of another provider, so PostgreSQL uses the
 * client generated from the derived schema (generated/prisma-pg). Both clients are
 * generated from the same models, so they share one TypeScript API: `Db`.
 */

/** The store's Prisma client type (same API on SQLite and PostgreSQL). */
export type Db = PrismaClient;

/**
 * Pragmas applied to every SQLite connection the adapter opens. The busy timeout is short on purpose:
 * better-sqlite3 waits synchronously, freezing the whole server (pages, static files) while another
 * process holds the write lock. Longer waits happen asynchronously in {@link resilientSqlite}.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 50;
export const SQLITE_PRAGMAS = `PRAGMA journal_mode = WAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;`;
/** How long a statement keeps retrying (asynchronously) while the database is locked by someone else. */
export const SQLITE_LOCK_WAIT_MS = 10_000;

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>;
type Query = Parameters<SqliteAdapter['queryRaw']>[0];

/** The SQLite result code behind a driver adapter error (e.g. 'SQLITE_BUSY', 'SQLITE_FULL'), if any. */
function sqliteCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { originalCode?: unknown } };
  const code = e?.cause?.originalCode ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Run `op`, retrying with growing pauses (not blocking the event loop) while SQLite answers SQLITE_BUSY (for up to SQLITE_LOCK_WAIT_MS). */
export async function retryBusy<T>(op: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      // SQLITE_BUSY_SNAPSHOT cannot clear by waiting: the caller restarts its transaction.
      if (sqliteCode(err) !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      await sleep(Math.min(200, 5 * 2 ** attempt) + Math.random() * 5);
    }
  }
}

/**
 * Make the better-sqlite3 adapter survive faults (issue 12):
 *  - a failed COMMIT or ROLLBACK (SQLITE_FULL on a full disk, an I/O error) used to leave the transaction
 *    open and the adapter's transaction lock held: Prisma does not call `commit()`/`rollback()` (which
 *    release that lock) after the statement throws, so every later transaction waited forever. Here the
 *    transaction is rolled back and the lock released, and the error goes on to the caller (503);
 *  - statements that meet another process's lock retry asynchronously (see {@link SQLITE_PRAGMAS}).
 */
export function resilientSqlite(adapter: SqliteAdapter): SqliteAdapter {
  const client = (adapter as unknown as { client: { inTransaction: boolean; exec(sql: string): unknown } }).client;
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (q: Query) => retryBusy(() => queryRaw(q));
  adapter.executeRaw = (q: Query) => retryBusy(() => executeRaw(q));
  adapter.startTransaction = async (isolationLevel) => {
    const tx: SqliteTransaction = await startTransaction(isolationLevel);
    const txQuery = tx.queryRaw.bind(tx);
    const txExecute = tx.executeRaw.bind(tx);
    tx.queryRaw = (q: Query) => retryBusy(() => txQuery(q));
    tx.executeRaw = async (q: Query) => {
      try {
        return await retryBusy(() => txExecute(q));
      } catch (err) {
        if (/^\s*(COMMIT|ROLLBACK)\b/i.test(q.sql)) {
          try {
            if (client.inTransaction) client.exec('ROLLBACK');
          } catch {
            /* nothing more to undo */
          }
          await tx.rollback(); // releases the adapter's transaction lock
        }
        throw err;
      }
    };
    return tx;
  };
  return adapter;
}

class WalSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return resilientSqlite(adapter);
  }
}

/** True for an error caused by a full disk (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full). */
export function isDiskFull(err: unknown): boolean {
  const code = sqliteCode(err);
  if (code === 'SQLITE_FULL' || code === '53100') return true;
  return /database or disk is full|SQLITE_FULL|No space left on device|could not extend file/i.test(String((err as Error)?.message ?? err));
}

/**
 * A learner-facing sentence for a storage fault the caller cannot fix (full disk, database locked too
 * long), or null for any other error. Route handlers answer these with 503, actions with a retryable result.
 */
export function storeFault(err: unknown): string | null {
  if (isDiskFull(err)) return "The server's disk is full, so nothing can be saved right now. Try again later.";
  if (isDatabaseBusy(err)) return 'The database is busy. Try again in a moment.';
  return null;
}

/** True for an error caused by a lock another process kept too long. */
export function isDatabaseBusy(err: unknown): boolean {
  const code = sqliteCode(err);
  if (code?.startsWith('SQLITE_BUSY')) return true;
  return /database is locked|SQLITE_BUSY/i.test(String((err as Error)?.message ?? err));
}

/**
 * Database files readable by the owner only (mode 600), like the session secret: the file, its WAL and
 * shared-memory files. Creates the main file that way when it is missing; existing files are tightened.
 */
export function restrictDatabaseFiles(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  } catch {
    return; // missing folder or read-only: the adapter reports it
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      /* not there yet */
    }
  }
}

/** Which database a URL selects. */
export function databaseKind(databaseUrl: string): 'sqlite' | 'postgresql' {
  return isPostgresUrl(databaseUrl) ? 'postgresql' : 'sqlite';
}

// On globalThis: the bundler may copy this module into several chunks, all sharing `db`.
const clientUrls = ((globalThis as unknown as { __netprepClientUrls?: WeakMap<Db, string> }).__netprepClientUrls ??= new WeakMap());

/** The DATABASE_URL a client made by {@link createPrismaClient} talks to (the review path opens its own driver connection there). */
export function databaseUrlOf(client: Db): string | undefined {
  return clientUrls.get(client);
}

/** A new PrismaClient for `databaseUrl` (tests and scripts; the app uses `db`). */
export function createPrismaClient(databaseUrl: string = env().DATABASE_URL): Db {
  let client: Db;
  if (isPostgresUrl(databaseUrl)) {
    const url = new URL(databaseUrl);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    const adapter = new PrismaPg({ connectionString: url.toString(), max: 10 }, schema ? { schema } : undefined);
    client = new PgPrismaClient({ adapter }) as unknown as Db;
  } else {
    const file = sqlitePath(databaseUrl);
    restrictDatabaseFiles(file);
    const adapter = new WalSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    client = new PrismaClient({ adapter });
  }
  clientUrls.set(client, databaseUrl);
  return client;
}

const globalForPrisma = globalThis as unknown as { prisma?: Db };

/** The process's PrismaClient. */
export const db: Db = (globalForPrisma.prisma ??= createPrismaClient());
