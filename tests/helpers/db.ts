import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '@/server/db';
import type { PrismaClient } from '@/generated/prisma/client';

export interface TestDatabase {
  url: string;
  file: string;
  db: PrismaClient;
  close(): Promise<void>;
}

let counter = 0;

/** A fresh copy of the migrated template SQLite file, with a Prisma client on it. */
export function freshDatabase(label = 'db'): TestDatabase {
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
    db,
    async close() {
      await db.$disconnect();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
