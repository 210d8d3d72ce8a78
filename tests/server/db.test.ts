import { freshDatabase, type TestDatabase } from '../helpers/db';
import { migrationNames } from '../../scripts/lib/database';
import { postgresMigrations } from '../../scripts/lib/postgres-migrate';
import { databaseKind, SQLITE_BUSY_TIMEOUT_MS } from '@/server/db';

describe('database through Prisma (SQLite, or PostgreSQL under test:postgres)', () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = freshDatabase('foundation');
  });
  afterAll(async () => {
    await t.close();
  });

  it('selects the adapter from the URL', () => {
    expect(databaseKind('file:./data/app.db')).toBe('sqlite');
    expect(databaseKind('postgresql://u@h/db')).toBe('postgresql');
    expect(databaseKind('postgres://u@h/db')).toBe('postgresql');
    expect(databaseKind(t.url)).toBe(t.kind);
  });

  it('applies every committed migration', async () => {
    if (t.kind === 'sqlite') {
      const rows = await t.db.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(migrationNames());
    } else {
      const rows = await t.db.$queryRawUnsafe<{ name: string }[]>('SELECT name FROM "_netprep_migrations" ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(postgresMigrations().map((m) => m.name));
    }
  });

  it('runs SQLite in WAL mode with a short busy timeout (waits are retried asynchronously) and synchronous=NORMAL', async () => {
    if (t.kind !== 'sqlite') return;
    const [mode] = await t.db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [busy] = await t.db.$queryRawUnsafe<{ timeout: bigint | number }[]>('PRAGMA busy_timeout');
    const [sync] = await t.db.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
    expect(mode.journal_mode).toBe('wal');
    expect(Number(busy.timeout)).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(SQLITE_BUSY_TIMEOUT_MS).toBeLessThanOrEqual(100); // issue 12: a long synchronous wait freezes the server
    expect(Number(sync.synchronous)).toBe(1); // NORMAL
  });

  it('writes a user and reads it back', async () => {
    const created = await t.db.user.create({ data: { email: 'ada@example.com', name: 'Ada' } });
    const found = await t.db.user.findUnique({ where: { email: 'ada@example.com' } });
    expect(found?.id).toBe(created.id);
    expect(found?.name).toBe('Ada');
  });

  it('enforces the unique email constraint', async () => {
    await expect(t.db.user.create({ data: { email: 'ada@example.com' } })).rejects.toThrow(/Unique constraint/);
  });

  it('answers the queue from indexes: next due cards without a sort, today\'s counts without reading log rows (issue 15)', async () => {
    if (t.kind !== 'sqlite') return;
    const plan = async (sql: string) =>
      (await t.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, 'u', '2026-11-30T00:00:00.000+00:00')).map((r) => r.detail).join(' | ');
    // server/cards.ts getQueue: the next due cards, in due order.
    const due = await plan(`SELECT "questionId", "due" FROM "CardState" WHERE "userId" = ? AND "retired" = 0 AND "due" <= ? AND "state" <> 0 ORDER BY "due" ASC LIMIT 100`);
    expect(due).toMatch(/USING INDEX CardState_userId_retired_due_state_idx/);
    expect(due).not.toMatch(/TEMP B-TREE/);
    // server/cards.ts todayCounts: today's reviews (not undone), their prevState and questionId.
    const today = await plan(`SELECT "questionId", "prevState" FROM "ReviewLog" WHERE "userId" = ? AND "reviewedAt" >= ? AND "undoneAt" IS NULL`);
    expect(today).toMatch(/USING COVERING INDEX ReviewLog_userId_reviewedAt_undoneAt_prevState_questionId_idx/);
  });
});
