import 'server-only';
import { z } from 'zod';
import { startOfNextDay, StoreError } from '@/lib/srs';
import { loadBank, type QuestionId } from './banks';
import { db as defaultDb, type Db } from './db';
import { submitReview } from './reviews';
import { getSettings } from './settings';

/**
 * Per-card controls outside grading (Anki's suspend and bury), and "add to flashcards"
 * from an exam review. A hold hides a question from the review queue: a suspension
 * until it is lifted, a bury until the start of the learner's next day. Holds live
 * apart from CardState so a new card (no state row yet) can be held as well.
 */

export interface HoldContext {
  db?: Db;
  now?: Date;
}

export const HoldKindSchema = z.enum(['suspended', 'buried']);
export type HoldKind = z.infer<typeof HoldKindSchema>;

export const HoldInputSchema = z.object({ questionId: z.string().min(1).max(300), kind: HoldKindSchema }).strict();

export interface HoldDTO {
  questionId: QuestionId;
  kind: HoldKind;
  /** ISO end of a bury; null for a suspension. */
  until: string | null;
  /** ISO time the card was put aside. */
  since: string;
}

function knownQuestion(questionId: string): void {
  if (!loadBank().byId.has(questionId)) throw new StoreError('not-found', `no question "${questionId}" in the bank`);
}

/** Suspend a card, or bury it until the learner's next day. Holding it again replaces the hold. */
export async function holdCard(userId: string, input: unknown, ctx: HoldContext = {}): Promise<HoldDTO> {
  const parsed = HoldInputSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid hold', parsed.error);
  const { questionId, kind } = parsed.data;
  knownQuestion(questionId);
  const db = ctx.db ?? defaultDb;
  const now = ctx.now ?? new Date();
  const until = kind === 'buried' ? startOfNextDay(now, (await getSettings(userId, { db })).timezone) : null;
  await db.cardHold.upsert({
    where: { userId_questionId: { userId, questionId } },
    create: { userId, questionId, kind, until, createdAt: now },
    update: { kind, until, createdAt: now },
  });
  return { questionId: questionId as QuestionId, kind, until: until?.toISOString() ?? null, since: now.toISOString() };
}

export const ReleaseInputSchema = z.object({ questionId: z.string().min(1).max(300) }).strict();

/** Lift a suspension or a bury; true when there was one. */
export async function releaseCard(userId: string, questionId: string, ctx: HoldContext = {}): Promise<boolean> {
  const db = ctx.db ?? defaultDb;
  const { count } = await db.cardHold.deleteMany({ where: { userId, questionId } });
  return count > 0;
}

/** Lift every hold of the learner; returns how many there were. */
export async function releaseAllCards(userId: string, ctx: HoldContext = {}): Promise<number> {
  const db = ctx.db ?? defaultDb;
  return (await db.cardHold.deleteMany({ where: { userId } })).count;
}

/** The learner's holds in force at `now` (expired buries are left out). */
export async function activeHolds(userId: string, ctx: HoldContext = {}): Promise<HoldDTO[]> {
  const db = ctx.db ?? defaultDb;
  const now = ctx.now ?? new Date();
  const rows = await db.cardHold.findMany({
    where: { userId, OR: [{ until: null }, { until: { gt: now } }] },
    select: { questionId: true, kind: true, until: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r) => ({
    questionId: r.questionId as QuestionId,
    kind: r.kind === 'buried' ? 'buried' : 'suspended',
    until: r.until?.toISOString() ?? null,
    since: r.createdAt.toISOString(),
  }));
}

export const AddToFlashcardsSchema = z
  .object({
    questionId: z.string().min(1).max(300),
    /** Where it came from, so the same add twice is applied once. */
    ref: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
    /** The learner missed it (Again) or got it right but flagged it (Hard). */
    missed: z.boolean(),
  })
  .strict();

/**
 * Put a question the learner met in an exam into their flashcards, due now: recorded as an
 * exam review (Again when missed, Hard when right but flagged), so it enters (re)learning
 * and comes back within minutes. Idempotent per `ref`. A held card is released.
 */
export async function addToFlashcards(userId: string, input: unknown, ctx: HoldContext = {}): Promise<{ due: string; duplicate: boolean }> {
  const parsed = AddToFlashcardsSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid request', parsed.error);
  const { questionId, ref, missed } = parsed.data;
  knownQuestion(questionId);
  const db = ctx.db ?? defaultDb;
  const result = await submitReview(
    userId,
    { clientReviewId: `add-${ref}`.slice(0, 100), questionId, rating: missed ? 1 : 2, durationMs: 0, source: 'exam' },
    { db, now: ctx.now },
  );
  await releaseCard(userId, questionId, { db });
  return { due: result.card.due, duplicate: result.duplicate };
}
