import 'server-only';
import { z } from 'zod';
import { CardSnapshotSchema, fromSnapshot, GradeSchema, ReviewSourceSchema, StoreError, toSnapshot } from '@/lib/srs';
import type { StoreContext } from './cards';
import { db as defaultDb } from './db';
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

/** The export document. */
export const ProgressExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: isoDate,
    settings: SettingsSchema,
    cards: z.array(ExportedCardSchema),
    logs: z.array(ExportedLogSchema),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.cards.forEach((c, i) => {
      if (ids.has(c.questionId)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'questionId'], message: `duplicate card ${c.questionId}` });
      ids.add(c.questionId);
    });
    const reviews = new Set<string>();
    doc.logs.forEach((l, i) => {
      if (reviews.has(l.clientReviewId))
        ctx.addIssue({ code: 'custom', path: ['logs', i, 'clientReviewId'], message: `duplicate review ${l.clientReviewId}` });
      reviews.add(l.clientReviewId);
    });
  });
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

/**
 * Replace the learner's settings, card states and review log with `doc`.
 * Validates everything first; on any error nothing is changed.
 * @throws StoreError 'bad-request' with the first problem's path
 */
export async function importProgress(userId: string, doc: unknown, ctx: StoreContext = {}): Promise<ImportReport> {
  const db = ctx.db ?? defaultDb;
  const parsed = ProgressExportSchema.safeParse(doc);
  if (!parsed.success) throw StoreError.fromZod('invalid progress file', parsed.error);
  const { settings, cards, logs } = parsed.data;
  const settingsRow = settingsToRow(settings);
  await db.$transaction(
    async (tx) => {
      await tx.reviewLog.deleteMany({ where: { userId } });
      await tx.cardState.deleteMany({ where: { userId } });
      await tx.userSettings.upsert({ where: { userId }, create: { userId, ...settingsRow }, update: settingsRow });
      for (let i = 0; i < cards.length; i += 500) {
        await tx.cardState.createMany({
          data: cards.slice(i, i + 500).map((c) => ({
            userId,
            questionId: c.questionId,
            deck: c.deck,
            sourceItem: c.sourceItem,
            retired: c.retired,
            ...fromSnapshot(c),
          })),
        });
      }
      for (let i = 0; i < logs.length; i += 500) {
        await tx.reviewLog.createMany({
          data: logs.slice(i, i + 500).map((l) => ({
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
          })),
        });
      }
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  forgetUser(userId); // the settings were replaced
  return { cards: cards.length, logs: logs.length };
}
