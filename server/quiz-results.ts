import 'server-only';
import { z } from 'zod';
import { StoreError } from '@/lib/srs';
import { loadBank } from './banks';
import { db as defaultDb, type Db } from './db';

/**
 * Finished quizzes, kept per learner (QuizSession rows): the history on the stats page, the
 * quiz trend, and "retry the missed".
 */

export const QuizResultInputSchema = z
  .object({
    /** Browser-made id of this run, so a retried save stores it once. */
    runId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    deck: z.string().max(200).nullable(),
    topic: z.string().max(500).nullable(),
    /** Question id -> answered right. */
    outcomes: z.array(z.object({ questionId: z.string().min(1).max(300), correct: z.boolean() }).strict()).min(1).max(100),
    startedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
/** A finished quiz as the quiz page sends it. */
export type QuizResultInput = z.infer<typeof QuizResultInputSchema>;

export interface QuizResultDTO {
  id: string;
  deck: string | null;
  deckTitle: string;
  topic: string | null;
  total: number;
  correct: number;
  /** 0..100, one decimal. */
  score: number;
  finishedAt: string;
  /** Missed questions still in the bank ("retry the missed"). */
  missed: string[];
}

/** Save a finished quiz (idempotent by `runId`). */
export async function saveQuizResult(userId: string, input: unknown, ctx: { db?: Db; now?: Date } = {}): Promise<{ id: string }> {
  const parsed = QuizResultInputSchema.safeParse(input);
  if (!parsed.success) throw StoreError.fromZod('invalid quiz result', parsed.error);
  const r = parsed.data;
  const db = ctx.db ?? defaultDb;
  const id = `quiz-${r.runId}`;
  const correct = r.outcomes.filter((o) => o.correct).length;
  const answers = Object.fromEntries(r.outcomes.map((o) => [o.questionId, o.correct]));
  const data = {
    userId,
    deck: r.deck,
    topic: r.topic === null ? null : JSON.stringify(r.topic.split(' › ')),
    questionIds: JSON.stringify(r.outcomes.map((o) => o.questionId)),
    answers: JSON.stringify(answers),
    startedAt: new Date(r.startedAt),
    finishedAt: ctx.now ?? new Date(),
    score: Math.round((correct / r.outcomes.length) * 1000) / 10,
  };
  const existing = await db.quizSession.findUnique({ where: { id }, select: { userId: true } });
  if (existing && existing.userId !== userId) throw new StoreError('conflict', 'that quiz run belongs to someone else');
  if (!existing) await db.quizSession.create({ data: { id, ...data } });
  return { id };
}

function parseJson<T>(text: string | null, fallback: T): T {
  try {
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

/** The learner's finished quizzes, newest first. */
export async function quizHistory(userId: string, ctx: { db?: Db; limit?: number } = {}): Promise<QuizResultDTO[]> {
  const db = ctx.db ?? defaultDb;
  const bank = loadBank();
  const titles = new Map(bank.bank.decks.map((d) => [d.id, d.title]));
  const rows = await db.quizSession.findMany({
    where: { userId, finishedAt: { not: null } },
    orderBy: { finishedAt: 'desc' },
    take: ctx.limit ?? 20,
  });
  return rows.map((row) => {
    const answers = parseJson<Record<string, boolean>>(row.answers, {});
    const ids = parseJson<string[]>(row.questionIds, []);
    const topic = parseJson<string[] | null>(row.topic, null);
    const correct = ids.filter((id) => answers[id] === true).length;
    return {
      id: row.id,
      deck: row.deck,
      deckTitle: row.deck ? (titles.get(row.deck) ?? row.deck) : 'All decks',
      topic: topic ? topic.join(' › ') : null,
      total: ids.length,
      correct,
      score: row.score ?? 0,
      finishedAt: (row.finishedAt ?? row.startedAt).toISOString(),
      missed: ids.filter((id) => answers[id] !== true && bank.byId.has(id)),
    };
  });
}
