/**
 * Once per `npm run test:e2e`: everything `npm test`'s global setup does (Prisma client,
 * question bank, migrated template SQLite, production build when stale), plus a check
 * that Debian's Chromium is installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import baseSetup from '../../helpers/global-setup';
import { ROOT } from '../../../scripts/lib/paths';
import { CHROMIUM_PATH } from './browser';

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (.ci/run does this).`);
  }
  await baseSetup();
  // Until the content compiler is on main, a prebuilt bank can stand in (dev only).
  const bank = process.env.NETPREP_E2E_BANK;
  if (bank) fs.copyFileSync(bank, path.join(ROOT, 'generated', 'bank.json'));
}
