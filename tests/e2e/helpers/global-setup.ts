/**
 * Once per `npm run test:e2e`: everything `npm test`'s global setup does (Prisma client,
 * question bank, migrated template SQLite, production build when stale), plus a check
 * that Debian's Chromium is installed.
 */
import fs from 'node:fs';
import baseSetup from '../../helpers/global-setup';
import { CHROMIUM_PATH } from './browser';

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (.ci/run does this).`);
  }
  await baseSetup();
}
