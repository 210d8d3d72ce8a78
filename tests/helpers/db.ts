import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '@/server/db';
import type { PrismaClient } from '@/generated/prisma/client';

export interface TestDatabase {
  /** DATABASE_URL of this database (file: or postgresql://). */
  url: string;
  /** SQLite file path ('' on PostgreSQL). */
  file: string;
  kind: 'sqlite' | 'postgresql';
  db: PrismaClient;
  close(): Promise<void>;
}

let counter = 0;

/** True when the store tests run on PostgreSQL (`npm run test:postgres`). */
export const onPostgres = (): boolean => Boolean(process.env.NETPREP_TEST_PG);

/** Run SQL statements against PostgreSQL synchronously (a child node process with pg). */
function pgExec(url: string, statements: string[]): void {
  const script = `
    const { Client } = require('pg');
    (async () => {
      const c = new Client({ connectionString: process.argv[1] });
      await c.connect();
      for (const s of JSON.parse(process.argv[2])) await c.query(s);
      await c.end();
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script, url, JSON.stringify(statements)], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * A fresh migrated database with a Prisma client on it: a copy of the migrated
 * template SQLite file, or, when NETPREP_TEST_PG is set (npm run test:postgres), a
 * new PostgreSQL database created from the migrated template database.
 */
export function freshDatabase(label = 'db'): TestDatabase {
  const adminUrl = process.env.NETPREP_TEST_PG;
  if (adminUrl) {
    const template = process.env.NETPREP_PG_TEMPLATE ?? 'netprep_template';
    const name = `t_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++counter}`;
    pgExec(adminUrl, [`CREATE DATABASE "${name}" TEMPLATE "${template}"`]);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = createPrismaClient(url);
    return {
      url,
      file: '',
      kind: 'postgresql',
      db,
      async close() {
        await db.$disconnect();
        pgExec(adminUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);
      },
    };
  }
  const tmp = process.env.NETPREP_TEST_TMP;
  const template = process.env.NETPREP_TEMPLATE_DB;
  if (!tmp || !template) throw new Error('global setup did not run');
  const file = path.join(tmp, `${label}-${process.pid}-${++counter}.db`);
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  return {
    url,
    file,
    kind: 'sqlite',
    db,
    async close() {
      await db.$disconnect();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
