import { freshDatabase, type TestDatabase } from '../helpers/db';

describe('SQLite database through Prisma', () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = freshDatabase('foundation');
  });
  afterAll(async () => {
    await t.close();
  });

  it('applies every committed migration', async () => {
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toContain('0001_init');
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
});
