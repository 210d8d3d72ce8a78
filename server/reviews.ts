import 'server-only';
import { z } from 'zod';
import {
  CardSnapshotSchema,
  fromSnapshot,
  gradeAnswer,
  GradeSchema,
  ReviewSourceSchema,
  StoreError,
  type Grade,
} from '@/lib/srs';
import { ensureBankSynced, loadBank, type LoadedBank, type Question, type QuestionId } from './banks';
import { cardDTO, type CardDTO, type StoreContext } from './cards';
import { db as defaultDb, type Db } from './db';
import { reviewWriterFor, VersionConflict } from './review-writer';
import { getSettings, schedulerFor } from './settings';

/**
 * Write side of the study store: submitting a review and undoing the last one.
 *
 * Guarantees:
 *  - idempotent: a `clientReviewId` already stored for the user is not applied again
 *    (the stored result is returned with `duplicate: true`), also when two requests
 *    race (the unique index decides, the loser reads the winner's row); the same id with a
 *    different payload is refused with 'conflict' (409);
 *  - time only moves forward: a review dated more than a minute (CLOCK_SKEW_MS) before the card's
 *    last review is logged but not applied (`stale: true`), so the card's history never runs
 *    backwards; a concurrent review a few ms behind applies at the last review's time;
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

/** A busy SQLite database (another writer holds the lock) is retried for up to this long. */
const BUSY_RETRY_MS = 5_000;

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'P2002' || code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /Unique constraint|UNIQUE constraint/i.test(String((err as Error)?.message));
}

/** A busy database (SQLite lock held by another connection): retrying later is safe. */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'SQLITE_BUSY' || /database is locked|SQLITE_BUSY/i.test(String((err as Error)?.message));
}

/** Transient contention: retrying the whole review is safe. */
function isTransient(err: unknown): boolean {
  if (err instanceof VersionConflict || isBusy(err)) return true;
  const code = (err as { code?: string })?.code;
  if (code === 'P2034' || code === 'P1008' || code === 'P2028' || code === '40001' || code === '40P01') return true;
  return /busy|could not serialize|deadlock|write conflict/i.test(String((err as Error)?.message));
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

/** The question a review names, or a 'bad-request' naming the field. */
function questionFor(bank: LoadedBank, questionId: string): Question {
  const question = bank.byId.get(questionId);
  if (!question) throw new StoreError('bad-request', `unknown question id ${JSON.stringify(questionId)}`, { questionId: ['not in the question bank'] });
  return question;
}

/**
 * Apply one review for `userId` (taken from the session, never from the body).
 * Hot path (issue 15): one bank lookup, settings from the short-lived cache, and one transaction
 * of four statements through the review writer (server/review-writer.ts); a clientReviewId seen
 * before is detected inside that transaction and only then read back (and compared).
 * @param input unvalidated body: see SubmitReviewSchema
 * @returns the card after the review; `duplicate` when the clientReviewId was seen before
 * @throws StoreError 'bad-request' (invalid input, unknown or retired question), 'conflict' (contention did not clear,
 *   or the clientReviewId was used for a different review)
 */
export async function submitReview(userId: string, input: unknown, ctx: StoreContext = {}): Promise<ReviewResultDTO> {
  const parsed = SubmitReviewSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid review', parsed.error);
  const r = parsed.data;
  const db = ctx.db ?? defaultDb;
  const bank = ctx.bank ?? loadBank();
  const question = questionFor(bank, r.questionId);
  await ensureBankSynced(bank, db);

  const grade: Grade = r.rating ?? gradeAnswer(question.type, { correct: r.outcome!.correct, durationMs: r.durationMs });
  const answer = r.answer === undefined ? null : JSON.stringify(r.answer);
  const payload: ReviewPayload = { questionId: question.id, rating: grade, source: r.source, durationMs: r.durationMs, answer };
  const scheduler = schedulerFor(await getSettings(userId, { db }));
  const writer = reviewWriterFor(db, ctx.writer);
  const started = Date.now();

  for (let attempt = 0; ; attempt++) {
    const now = ctx.now ?? new Date();
    try {
      const written = await writer.apply({
        userId,
        questionId: question.id,
        deck: question.deck,
        sourceItem: question.sourceItem,
        clientReviewId: r.clientReviewId,
        grade,
        answer,
        durationMs: r.durationMs,
        source: r.source,
        now,
        scheduler,
      });
      if (!written) {
        const stored = await storedResult(db, userId, r.clientReviewId, payload);
        if (stored) return stored;
        throw new VersionConflict('the stored review vanished'); // deleted meanwhile: apply again
      }
      return {
        clientReviewId: r.clientReviewId,
        questionId: question.id as QuestionId,
        rating: grade,
        duplicate: false,
        ...(written.stale ? { stale: true as const } : {}),
        reviewedAt: now.toISOString(),
        card: cardDTO(written.card),
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
      if (isTransient(err) && (attempt < RETRIES || (isBusy(err) && Date.now() - started < BUSY_RETRY_MS))) {
        await backoff(attempt);
        continue;
      }
      if (isTransient(err)) {
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
