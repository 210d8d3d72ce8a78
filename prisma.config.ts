import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { env } from './env';
import { sqlitePath } from './server/sqlite-path';

// Prisma 6.19 with the JavaScript schema engine: no native binary is downloaded,
// so generate / migrate diff / migrate deploy work on an offline machine.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url: sqlitePath(env().DATABASE_URL) });
  },
});
