import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/generated/prisma/client';
import { env, sqlitePath } from '@/env';

/**
 * The one PrismaClient of the process, created with the driver adapter the
 * DATABASE_URL selects. Kept on globalThis so dev-mode hot reloads reuse it.
 */
export function createPrismaClient(databaseUrl: string = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath(databaseUrl), timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = (globalForPrisma.prisma ??= createPrismaClient());
