import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// Prisma config for the derived PostgreSQL schema, used by scripts/derive-postgres-schema.ts
// (`migrate diff` between two datamodels needs no connection) and `prisma generate`.
// JS schema engine: no native binary is downloaded. Migrations are applied by
// scripts/lib/postgres-migrate.ts, not by `prisma migrate deploy`.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost:1/unused' });
  },
});
