import 'server-only';
import { z } from 'zod';
import {
  CardSnapshotSchema,
  createScheduler,
  fromSnapshot,
  gradeAnswer,
  GradeSchema,
  newCardFields,
  ReviewSourceSchema,
  StoreError,
  toSnapshot,
  type CardFields,
  type Grade,
} from '@/lib/srs';
import { ensureBankSynced, loadBank, type QuestionId } from './banks';
import { cardDTO, type CardDTO, type StoreContext } from './cards';
import { db as defaultDb, type Db } from './db';
import { getSettings, schedulerSettings } from './settings';

/**
 * Write side of the study store: submitting a review and undoing the last one.
 *
 * Guarantees:
 *  - idempotent: a `clientReviewId` already stored for the user is not applied again
 *    (the stored result is returned with `duplicate: true`), also when two requests
 *    race (the unique index decides, the loser reads the winner's row); the same id with a
 *    different payload is refused with 'conflict' (409);
 *  - time only moves forward: a review dated before the card's last review is logged but not
 *    applied (`stale: true`), so the card's history never runs backwards;
 *  - transactional: the card state and its log row change together or not at all;
 *  - no lost updates: each review first takes the card's write lock (a no-op UPDATE: a
 *    row lock on PostgreSQL, the write lock on SQLite), and the card row carries a
 *    `version` that the update checks; a failed check, a first-review insert race or a
 *    busy database recomputes the whole review and retries it (two tabs reviewing the
 *    same card each apply exactly once, in order).
 */

/** Largest accepted `answer` payload, serialized. */
export const MAX_ANSWER_BYTES = 16 * 1024;

const answerSchema = z.json().refine((v) => JSON.stringify(v).length <= MAX_ANSWER_BYTES, {
  message: `answer must serialize to at most ${MAX_ANSWER_BYTES} bytes`,
});

/** A review as a client submits it. Exactly one of `rating` (self-graded) or `outcome` (machine-judged). */
export const SubmitReviewSchema = z
  .object({
    clientReviewId: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be 8-100 characters of A-Z a-z 0-9 _ -' }),
    questionId: z.string().min(1).max(300),
    rating: GradeSchema.optional(),
    outcome: z.object({ correct: z.boolean() }).strict().optional(),
    durationMs: z.number().int().min(0).max(24 * 3_600_000),
    source: ReviewSourceSchema,
    answer: answerSchema.optional(),
  })
  .strict()
  .refine((v) => (v.rating === undefined) !== (v.outcome === undefined), {
    message: 'give exactly one of rating (1-4) or outcome ({ correct })',
    path: ['rating'],
  });
export type SubmitReviewInput = z.input<typeof SubmitReviewSchema>;

/** The result of a submission. */
export interface ReviewResultDTO {
  clientReviewId: string;
  questionId: QuestionId;
  rating: Grade;
  /** True when this clientReviewId had already been applied (nothing changed now). */
  duplicate: boolean;
  /** Present when the review is older than the card's last review: kept in the log, the card unchanged. */
  stale?: true;
  reviewedAt: string;
  card: CardDTO;
}

const RETRIES = 8;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));
}

/** Transient contention: retrying the whole review is safe. */
function isTransient(err: unknown): boolean {
  if (err instanceof VersionConflict) return true;
  const code = (err as { code?: string })?.code;
  if (code === 'P2034' || code === 'P1008' || code === 'P2028') return true;
  return /database is locked|SQLITE_BUSY|busy|could not serialize|deadlock|write conflict/i.test(String((err as Error)?.message));
}

class VersionConflict extends Error {
  override name = 'VersionConflict';
}

const backoff = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.min(50, 2 ** attempt) + Math.floor(Math.random() * 3)));

/** What a stored log row must match for a resubmission with the same clientReviewId to be the same review. */
interface ReviewPayload {
  questionId: string;
  rating: Grade;
  source: string;
  durationMs: number;
  answer: string | null;
}

/**
 * The stored result of `clientReviewId`, or null when it is new.
 * @throws StoreError 'conflict' when the id was used for a different review (a client bug or a forged retry)
 */
async function storedResult(db: Db, userId: string, clientReviewId: string, expect?: ReviewPayload): Promise<ReviewResultDTO | null> {
  const log = await db.reviewLog.findUnique({ where: { userId_clientReviewId: { userId, clientReviewId } } });
  if (!log) return null;
  if (expect) {
    const differs = (['questionId', 'rating', 'source', 'durationMs', 'answer'] as const).filter((k) => log[k] !== expect[k]);
    if (differs.length)
      throw new StoreError(
        'conflict',
        `clientReviewId ${clientReviewId} was already used for a different review (${differs.join(', ')} differ${differs.length === 1 ? 's' : ''}): send a new id for a new review`,
        { clientReviewId: ['already used for a different review'] },
      );
  }
  const row = await db.cardState.findUnique({
    where: { userId_questionId: { userId, questionId: log.questionId } },
    select: { deck: true, sourceItem: true, retired: true },
  });
  const after = fromSnapshot(CardSnapshotSchema.parse(JSON.parse(log.stateAfter)));
  return {
    clientReviewId,
    questionId: log.questionId as QuestionId,
    rating: log.rating as Grade,
    duplicate: true,
    reviewedAt: log.reviewedAt.toISOString(),
    card: cardDTO({ ...after, questionId: log.questionId, deck: row?.deck ?? '', sourceItem: row?.sourceItem ?? '', retired: row?.retired ?? false }),
  };
}

/**
 * Apply one review for `userId` (taken from the session, never from the body).
 * @param input unvalidated body: see SubmitReviewSchema
 * @returns the card after the review; `duplicate` when the clientReviewId was seen before
 * @throws StoreError 'bad-request' (invalid input, unknown or retired question), 'conflict' (contention did not clear)
 */
export async function submitReview(userId: string, input: unknown, ctx: StoreContext = {}): Promise<ReviewResultDTO> {
  const parsed = SubmitReviewSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid review', parsed.error);
  const r = parsed.data;
  const db = ctx.db ?? defaultDb;
  const bank = ctx.bank ?? loadBank();
  const question = bank.byId.get(r.questionId);
  if (!question) throw new StoreError('bad-request', `unknown question id ${JSON.stringify(r.questionId)}`, { questionId: ['not in the question bank'] });
  await ensureBankSynced(bank, db);

  const grade: Grade = r.rating ?? gradeAnswer(question.type, { correct: r.outcome!.correct, durationMs: r.durationMs });
  const answer = r.answer === undefined ? null : JSON.stringify(r.answer);
  const payload: ReviewPayload = { questionId: question.id, rating: grade, source: r.source, durationMs: r.durationMs, answer };
  const existing = await storedResult(db, userId, r.clientReviewId, payload);
  if (existing) return existing;

  const settings = await getSettings(userId, { db });
  const scheduler = createScheduler(schedulerSettings(settings));

  for (let attempt = 0; ; attempt++) {
    const now = ctx.now ?? new Date();
    try {
      const row = await db.$transaction(
        async (tx) => {
          // Take the card's write lock first (a row lock on PostgreSQL, the database write lock on
          // SQLite), so concurrent reviews of one card queue up instead of failing the version check.
          await tx.$executeRaw`UPDATE "CardState" SET "version" = "version" WHERE "userId" = ${userId} AND "questionId" = ${question.id}`;
          const current = await tx.cardState.findUnique({ where: { userId_questionId: { userId, questionId: question.id } } });
          const before: CardFields = current ?? newCardFields(now);
          // A review older than the card's last one (an imported guest answer, a late retry) is kept in the
          // log only: applying it would move the card's history backwards (or make the scheduler throw).
          const stale = Boolean(current?.last_review && now.getTime() < current.last_review.getTime());
          const after = stale ? before : scheduler.next(before, now, grade);
          let saved;
          if (stale) {
            saved = current!;
          } else if (current) {
            const res = await tx.cardState.updateMany({
              where: { id: current.id, version: current.version },
              data: { ...after, deck: question.deck, sourceItem: question.sourceItem, retired: false, version: { increment: 1 } },
            });
            if (res.count !== 1) throw new VersionConflict('card changed underneath');
            saved = { ...current, ...after, deck: question.deck, sourceItem: question.sourceItem, retired: false };
          } else {
            saved = await tx.cardState.create({
              data: { userId, questionId: question.id, deck: question.deck, sourceItem: question.sourceItem, ...after },
            });
          }
          await tx.reviewLog.create({
            data: {
              userId,
              questionId: question.id,
              clientReviewId: r.clientReviewId,
              rating: grade,
              prevState: before.state,
              answer,
              durationMs: r.durationMs,
              source: r.source,
              stateBefore: JSON.stringify(toSnapshot(before)),
              stateAfter: JSON.stringify(toSnapshot(after)),
              reviewedAt: now,
            },
          });
          return { saved, stale };
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
      return {
        clientReviewId: r.clientReviewId,
        questionId: question.id as QuestionId,
        rating: grade,
        duplicate: false,
        ...(row.stale ? { stale: true as const } : {}),
        reviewedAt: now.toISOString(),
        card: cardDTO(row.saved),
      };
    } catch (err) {
      if (isUniqueViolation(err)) {
        // Either the same clientReviewId won a race (-> duplicate) or another tab created the card row first (-> retry).
        const stored = await storedResult(db, userId, r.clientReviewId, payload);
        if (stored) return stored;
        if (attempt < RETRIES) {
          await backoff(attempt);
          continue;
        }
      }
      if (isTransient(err) && attempt < RETRIES) {
        await backoff(attempt);
        continue;
      }
      if (err instanceof VersionConflict || isTransient(err)) {
        throw new StoreError('conflict', 'the card kept changing during this review: try again');
      }
      throw err;
    }
  }
}

/** What an undo restored. */
export interface UndoResultDTO {
  clientReviewId: string;
  questionId: QuestionId;
  /** The card as it was before the undone review, or null when it was new. */
  card: CardDTO | null;
}

/**
 * Undo the learner's most recent review that is not undone yet: the card returns to
 * its state before that review (a first review removes the card row: the question is
 * new again) and the log row is marked `undoneAt` (kept, ignored by counts and stats).
 * Refused with 'conflict' when the card was reviewed again since (only the latest
 * review of a card can be undone).
 * @returns null when there is nothing to undo
 */
export async function undoLastReview(userId: string, ctx: StoreContext = {}): Promise<UndoResultDTO | null> {
  const db = ctx.db ?? defaultDb;
  const now = ctx.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const log = await tx.reviewLog.findFirst({
        where: { userId, undoneAt: null },
        orderBy: [{ reviewedAt: 'desc' }, { createdAt: 'desc' }],
      });
      if (!log) return null;
      const row = await tx.cardState.findUnique({ where: { userId_questionId: { userId, questionId: log.questionId } } });
      const after = JSON.parse(log.stateAfter) as { due: string; reps: number };
      if (!row || row.due.toISOString() !== after.due || row.reps !== after.reps) {
        throw new StoreError('conflict', 'this card was reviewed again since: only its latest review can be undone');
      }
      const before = fromSnapshot(CardSnapshotSchema.parse(JSON.parse(log.stateBefore)));
      let card: CardDTO | null = null;
      if (before.state === 0 && before.reps === 0) {
        await tx.cardState.delete({ where: { id: row.id } });
      } else {
        const res = await tx.cardState.updateMany({
          where: { id: row.id, version: row.version },
          data: { ...before, version: { increment: 1 } },
        });
        if (res.count !== 1) throw new StoreError('conflict', 'the card changed during the undo: try again');
        card = cardDTO({ ...row, ...before });
      }
      await tx.reviewLog.update({ where: { id: log.id }, data: { undoneAt: now } });
      return { clientReviewId: log.clientReviewId, questionId: log.questionId as QuestionId, card };
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
