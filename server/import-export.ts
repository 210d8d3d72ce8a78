import 'server-only';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { isPostgresUrl } from '@/env';
import { CardSnapshotSchema, fromSnapshot, GradeSchema, ReviewSourceSchema, StoreError, toSnapshot } from '@/lib/srs';
import type { StoreContext } from './cards';
import { databaseUrlOf, db as defaultDb, retryBusy, type Db } from './db';
import { newRowId, openSqliteConnection, sqliteDate } from './driver';
import { forgetUser } from './cache';
import { getSettings, SettingsSchema, settingsToRow } from './settings';

/**
 * Progress export and import: one JSON document with the learner's settings, card
 * states and full review log (undone reviews included). Import validates the whole
 * document with zod first, then replaces the learner's data in one transaction, so a
 * malformed file changes nothing and export -> import -> export is lossless.
 */

export const EXPORT_FORMAT = 'netprep-progress';
export const EXPORT_VERSION = 1;

const isoDate = z.iso.datetime({ offset: true });

const ExportedCardSchema = CardSnapshotSchema.extend({
  questionId: z.string().min(1).max(300),
  deck: z.string().min(1).max(300),
  sourceItem: z.string().min(1).max(300),
  retired: z.boolean(),
}).strict();

const ExportedLogSchema = z
  .object({
    questionId: z.string().min(1).max(300),
    clientReviewId: z.string().min(1).max(100),
    rating: GradeSchema,
    prevState: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    answer: z.json().nullable(),
    durationMs: z.number().int().min(0),
    source: ReviewSourceSchema,
    stateBefore: CardSnapshotSchema,
    stateAfter: CardSnapshotSchema,
    reviewedAt: isoDate,
    undoneAt: isoDate.nullable(),
  })
  .strict();

/** Everything in the document but its items (checked at once; the items are checked in slices). */
const ProgressHeaderSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: isoDate,
    settings: SettingsSchema,
    cards: z.array(z.unknown()),
    logs: z.array(z.unknown()),
  })
  .strict();

/** The export document. */
export const ProgressExportSchema = ProgressHeaderSchema.extend({ cards: z.array(ExportedCardSchema), logs: z.array(ExportedLogSchema) });
export type ProgressExport = z.infer<typeof ProgressExportSchema>;

/** Everything the learner has, as one JSON-serialisable document. */
export async function exportProgress(userId: string, ctx: StoreContext = {}): Promise<ProgressExport> {
  const db = ctx.db ?? defaultDb;
  const now = ctx.now ?? new Date();
  const [settings, cards, logs] = await Promise.all([
    getSettings(userId, { db }),
    db.cardState.findMany({ where: { userId }, orderBy: { questionId: 'asc' } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: 'asc' }, { clientReviewId: 'asc' }] }),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings,
    cards: cards.map((c) => ({
      questionId: c.questionId,
      deck: c.deck,
      sourceItem: c.sourceItem,
      retired: c.retired,
      ...toSnapshot(c),
    })),
    logs: logs.map((l) => ({
      questionId: l.questionId,
      clientReviewId: l.clientReviewId,
      rating: l.rating as 1 | 2 | 3 | 4,
      prevState: l.prevState as 0 | 1 | 2 | 3,
      answer: l.answer === null ? null : (JSON.parse(l.answer) as z.infer<ReturnType<typeof z.json>>),
      durationMs: l.durationMs,
      source: ReviewSourceSchema.parse(l.source),
      stateBefore: CardSnapshotSchema.parse(JSON.parse(l.stateBefore)),
      stateAfter: CardSnapshotSchema.parse(JSON.parse(l.stateAfter)),
      reviewedAt: l.reviewedAt.toISOString(),
      undoneAt: l.undoneAt ? l.undoneAt.toISOString() : null,
    })),
  };
}

export interface ImportReport {
  cards: number;
  logs: number;
}

/** Work done between two returns to the event loop while an import is checked or written (other requests run in between). */
const SLICE_MS = 10;

/** Calls `tick()` often; it yields to the event loop once SLICE_MS of work has run since the last yield. */
function slicer(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** The zod failure of `items[i]` as the whole document's error (path `cards.12.due`). */
function itemError(key: 'cards' | 'logs', i: number, error: z.ZodError): StoreError {
  return StoreError.fromZod('invalid progress file', new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [key, i, ...issue.path] }))));
}

async function parseItems<T>(key: 'cards' | 'logs', items: unknown[], schema: z.ZodType<T>, tick: () => Promise<void> | undefined): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = schema.safeParse(items[i]);
    if (!r.success) throw itemError(key, i, r.error);
    out.push(r.data);
    await tick();
  }
  return out;
}

function duplicate(key: 'cards' | 'logs', i: number, what: string): StoreError {
  return new StoreError('bad-request', `invalid progress file: ${key}.${i}: duplicate ${what}`);
}

/**
 * Check a progress document as {@link ProgressExportSchema} does, item by item, returning to the event
 * loop every few milliseconds: a 50,000-review file takes seconds of zod work, which must not stall
 * other learners' requests (issue 12).
 * @throws StoreError 'bad-request' naming the first problem's path (`logs.12.rating: ...`)
 */
export async function parseProgress(doc: unknown): Promise<ProgressExport> {
  const head = ProgressHeaderSchema.safeParse(doc);
  if (!head.success) throw StoreError.fromZod('invalid progress file', head.error);
  const tick = slicer();
  const cards = await parseItems('cards', head.data.cards, ExportedCardSchema, tick);
  const logs = await parseItems('logs', head.data.logs, ExportedLogSchema, tick);
  const cardIds = new Set<string>();
  cards.forEach((c, i) => {
    if (cardIds.has(c.questionId)) throw duplicate('cards', i, `card ${c.questionId}`);
    cardIds.add(c.questionId);
  });
  const reviewIds = new Set<string>();
  logs.forEach((l, i) => {
    if (reviewIds.has(l.clientReviewId)) throw duplicate('logs', i, `review ${l.clientReviewId}`);
    reviewIds.add(l.clientReviewId);
  });
  return { ...head.data, cards, logs };
}

/**
 * Replace the learner's settings, card states and review log with `doc`.
 * Validates everything first; on any error nothing is changed. Neither the checks nor the writes hold
 * the event loop for more than a few milliseconds at a time; on SQLite the rows go in through a
 * connection of their own in batches, so other learners' reviews wait only for the write itself.
 * @throws StoreError 'bad-request' with the first problem's path
 */
export async function importProgress(userId: string, doc: unknown, ctx: StoreContext = {}): Promise<ImportReport> {
  const db = ctx.db ?? defaultDb;
  const data = await parseProgress(doc);
  const url = databaseUrlOf(db);
  if (url && !isPostgresUrl(url)) await replaceOnSqlite(url, userId, data);
  else await replaceWithPrisma(db, userId, data);
  forgetUser(userId); // the settings were replaced
  return { cards: data.cards.length, logs: data.logs.length };
}

const cardRow = (userId: string, c: ProgressExport['cards'][number]) => ({
  userId,
  questionId: c.questionId,
  deck: c.deck,
  sourceItem: c.sourceItem,
  retired: c.retired,
  ...fromSnapshot(c),
});

const logRow = (userId: string, l: ProgressExport['logs'][number]) => ({
  userId,
  questionId: l.questionId,
  clientReviewId: l.clientReviewId,
  rating: l.rating,
  prevState: l.prevState,
  answer: l.answer === null ? null : JSON.stringify(l.answer),
  durationMs: l.durationMs,
  source: l.source,
  stateBefore: JSON.stringify(l.stateBefore),
  stateAfter: JSON.stringify(l.stateAfter),
  reviewedAt: new Date(l.reviewedAt),
  undoneAt: l.undoneAt ? new Date(l.undoneAt) : null,
});

/** PostgreSQL (row locks: other learners are not held up): one Prisma transaction. */
async function replaceWithPrisma(db: Db, userId: string, { settings, cards, logs }: ProgressExport): Promise<void> {
  const settingsRow = settingsToRow(settings);
  await db.$transaction(
    async (tx) => {
      await tx.reviewLog.deleteMany({ where: { userId } });
      await tx.cardState.deleteMany({ where: { userId } });
      await tx.userSettings.upsert({ where: { userId }, create: { userId, ...settingsRow }, update: settingsRow });
      for (let i = 0; i < cards.length; i += 500) await tx.cardState.createMany({ data: cards.slice(i, i + 500).map((c) => cardRow(userId, c)) });
      for (let i = 0; i < logs.length; i += 500) await tx.reviewLog.createMany({ data: logs.slice(i, i + 500).map((l) => logRow(userId, l)) });
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

/** Rows copied per slice while the import holds the write lock. */
const SWAP_ROWS = 5000;

/** A value as better-sqlite3 binds it in Prisma's SQLite layout (dates as ISO text, booleans as 0/1). */
const sqliteValue = (v: unknown) => (v instanceof Date ? sqliteDate(v) : typeof v === 'boolean' ? Number(v) : v);

/** One INSERT statement into `table` (quoted, e.g. `temp."ImportLog"`) for the given columns. */
function insertInto(conn: Database.Database, table: string, columns: string[], conflict = ''): Database.Statement {
  return conn.prepare(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${conflict}`);
}

/** Insert `toRow(item)` for every item (with a new id), calling `tick` after each row. */
async function insertAll<T>(conn: Database.Database, table: string, items: T[], toRow: (item: T) => Record<string, unknown>, tick: () => Promise<void> | undefined): Promise<void> {
  if (items.length === 0) return;
  const columns = Object.keys(toRow(items[0]));
  const insert = insertInto(conn, table, ['id', ...columns]);
  for (const item of items) {
    const row = toRow(item);
    insert.run(newRowId(), ...columns.map((c) => sqliteValue(row[c])));
    await tick();
  }
}

/**
 * SQLite: the database has one write lock, which every other learner's review needs too. Prisma sent
 * the rows one batch at a time inside the transaction (over a minute of holding the lock for a
 * 50,000-review file). Here a connection of the import's own first writes the rows into temporary
 * tables (private to that connection: no lock on the database), returning to the event loop between
 * slices; then one short transaction swaps the learner's rows for them in SQL. Other writers retry
 * (asynchronously) while it runs.
 */
async function replaceOnSqlite(url: string, userId: string, { settings, cards, logs }: ProgressExport): Promise<void> {
  const conn = openSqliteConnection(url);
  try {
    const now = new Date();
    const tick = slicer();
    conn.exec(`CREATE TEMP TABLE "ImportCard" AS SELECT * FROM main."CardState" WHERE 0; CREATE TEMP TABLE "ImportLog" AS SELECT * FROM main."ReviewLog" WHERE 0;`);
    await insertAll(conn, 'temp."ImportCard"', cards, (c) => ({ ...cardRow(userId, c), version: 0, createdAt: now, updatedAt: now }), tick);
    await insertAll(conn, 'temp."ImportLog"', logs, (l) => ({ ...logRow(userId, l), createdAt: now }), tick);
    const settingsRow = settingsToRow(settings);
    const settingsColumns = Object.keys(settingsRow);
    const upsertSettings = insertInto(
      conn,
      'main."UserSettings"',
      ['id', 'userId', ...settingsColumns, 'createdAt', 'updatedAt'],
      ` ON CONFLICT ("userId") DO UPDATE SET ${[...settingsColumns, 'updatedAt'].map((c) => `"${c}" = excluded."${c}"`).join(', ')}`,
    );
    // The swap holds the write lock: it runs in slices of SWAP_ROWS rows with the event loop free in between.
    await retryBusy(async () => conn.exec('BEGIN IMMEDIATE'));
    try {
      conn.prepare('DELETE FROM main."ReviewLog" WHERE "userId" = ?').run(userId);
      conn.prepare('DELETE FROM main."CardState" WHERE "userId" = ?').run(userId);
      upsertSettings.run(newRowId(), userId, ...Object.values(settingsRow).map(sqliteValue), sqliteDate(now), sqliteDate(now));
      for (const [table, temp] of [['CardState', 'ImportCard'], ['ReviewLog', 'ImportLog']]) {
        const copy = conn.prepare(`INSERT INTO main."${table}" SELECT * FROM temp."${temp}" WHERE rowid > ? AND rowid <= ?`);
        const last = Number(conn.prepare(`SELECT max(rowid) FROM temp."${temp}"`).pluck().get() ?? 0);
        for (let from = 0; from < last; from += SWAP_ROWS) {
          copy.run(from, from + SWAP_ROWS);
          await new Promise((r) => setImmediate(r));
        }
      }
      conn.exec('COMMIT');
    } catch (err) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw err;
    }
  } finally {
    conn.close(); // drops the temporary tables
  }
}
