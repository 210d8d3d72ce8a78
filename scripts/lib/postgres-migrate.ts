import { SetupError } from './fail';

/** Placeholder until the store issue lands the PostgreSQL migration runner. */
export async function migratePostgres(url: string): Promise<'up-to-date' | 'migrated'> {
  throw new SetupError(`PostgreSQL (${new URL(url).host}) is not supported yet: use a file: DATABASE_URL`);
}
