import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { PrismaClient as PgPrismaClient } from '@/generated/prisma-pg/client';
import { env, isPostgresUrl, sqlitePath } from '@/env';

/**
 * The one PrismaClient of the process, with the driver adapter the DATABASE_URL
 * selects at run time:
 *  - `file:` -> SQLite through better-sqlite3, in WAL mode with a 5 s busy timeout
 *    and synchronous=NORMAL (durable across process crashes; WAL + NORMAL can only
 *    lose the last commits on power loss);
 *  - `postgresql://` -> PostgreSQL through node-postgres (`@prisma/adapter-pg`).
 * Prisma 6.19 clients refuse an adapter of another provider, so PostgreSQL uses the
 * client generated from the derived schema (generated/prisma-pg). Both clients are
 * generated from the same models, so they share one TypeScript API: `Db`.
 */

/** The store's Prisma client type (same API on SQLite and PostgreSQL). */
export type Db = PrismaClient;

/** Pragmas applied to every SQLite connection the adapter opens. */
export const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';

class WalSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
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
    const adapter = new WalSQLite3({ url: sqlitePath(databaseUrl), timeout: 5000 });
    client = new PrismaClient({ adapter });
  }
  clientUrls.set(client, databaseUrl);
  return client;
}

const globalForPrisma = globalThis as unknown as { prisma?: Db };

/** The process's PrismaClient. */
export const db: Db = (globalForPrisma.prisma ??= createPrismaClient());
