/** `npm run db:migrate`: apply pending migrations to the database DATABASE_URL names. */
import { env } from '../env';
import { checkDataDir, migrateDatabase } from './lib/database';
import { runMain } from './lib/fail';

void runMain(async () => {
  const { DATABASE_URL } = env();
  checkDataDir(DATABASE_URL);
  console.log(`netprep: database: ${await migrateDatabase(DATABASE_URL)}`);
});
