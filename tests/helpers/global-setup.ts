/**
 * Once per `npm test`: generate the Prisma client, compile the content, build the
 * production app when its sources changed, and migrate a template SQLite file that
 * each store test copies (a fresh, migrated database per test file, no mocks).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePrismaClient } from '../../scripts/setup';
import { buildContent } from '../../scripts/content';
import { migrateDatabase } from '../../scripts/lib/database';
import { BUILD_STAMP, ROOT } from '../../scripts/lib/paths';
import { buildIsCurrentFor } from '../../scripts/lib/build';
import { spawnSync } from 'node:child_process';

export default async function globalSetup(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-test-'));
  const template = path.join(tmp, 'template.db');
  generatePrismaClient(`file:${template}`);
  await buildContent({ dir: path.join(ROOT, 'content'), quiet: true });
  await migrateDatabase(`file:${template}`);
  process.env.NETPREP_TEST_TMP = tmp;
  process.env.NETPREP_TEMPLATE_DB = template;

  // The hash is taken BEFORE building: a source edited while `next build` runs must leave the build stale.
  const build = buildIsCurrentFor(ROOT);
  if (process.env.NETPREP_SKIP_BUILD !== '1' && !build.current) {
    const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (res.status !== 0) throw new Error('next build failed');
    fs.writeFileSync(BUILD_STAMP, build.hash);
  }
}
