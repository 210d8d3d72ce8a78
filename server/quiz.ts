import 'server-only';
import { z } from 'zod';
import type { Bank, Question } from '@/server/banks';
import { QuestionTypeSchema } from '@/lib/qbank/schema';
import { mulberry32 } from '@/lib/random';
import { StoreError } from '@/lib/srs';
import { submitReview } from './reviews';
import type { StoreContext } from './cards';

/**
 * Quizzes: a scope (all decks, a deck, or a topic inside a deck) and a length give a
 * shuffled run of questions, at most one per source item. Quizzes are practice, so the
 * questions go to the browser whole and are judged there; what counts for the learner
 * (the scheduler) is recorded through the store by the quiz actions.
 */

/** A guided lab scenario: one command task of the bank, with what the browser needs to run and check it. */
export interface ScenarioDTO {
  id: string;
  deck: string;
  deckTitle: string;
  topic: string;
  prompt: string;
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
  /** the table columns an output task asks for (lib/cli/projection) */
  columns?: string[];
  explanation?: string;
  line: number;
}

export const QUIZ_LENGTHS = [5, 10, 20] as const;

export const QuizOptionsSchema = z.object({
  deck: z.string().max(200).optional(),
  /** Heading path below the deck title, joined with " › ". */
  topic: z.string().max(500).optional(),
  length: z.coerce.number().int().refine((n) => (QUIZ_LENGTHS as readonly number[]).includes(n)).default(10),
  /** Exactly these questions, in this order (a retry of missed ones, a shared link); other filters are ignored. */
  ids: z.array(z.string().min(1).max(300)).max(50).optional(),
  /** Question types to include; all when omitted. */
  types: z.array(QuestionTypeSchema).optional(),
});

export const TOPIC_SEPARATOR = ' › ';

/** What the quiz page shows for one question (the whole question: quizzes are judged in the browser). */
export type QuizQuestionDTO = Pick<Question, 'id' | 'deck' | 'type' | 'prompt' | 'answer' | 'choices' | 'command' | 'explanation' | 'source' | 'outdated'> & {
  topic: string;
  deckTitle: string;
};

export interface QuizScopeDTO {
  deck: string;
  title: string;
  count: number;
  topics: { topic: string; count: number }[];
}

function topicKey(q: Question): string {
  return q.topic.slice(1).join(TOPIC_SEPARATOR);
}

/** Decks and their topics with question counts, for the picker. */
export function quizScopes(bank: Bank): QuizScopeDTO[] {
  return bank.decks.map((d) => {
    const qs = bank.questions.filter((q) => q.deck === d.id);
    const counts = new Map<string, number>();
    for (const q of qs) {
      const t = q.topic.slice(1, 2).join(TOPIC_SEPARATOR);
      if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return { deck: d.id, title: d.title, count: qs.length, topics: [...counts].map(([topic, count]) => ({ topic, count })) };
  });
}

function toDTO(q: Question, decks: Map<string, string>): QuizQuestionDTO {
  return {
    id: q.id,
    deck: q.deck,
    deckTitle: decks.get(q.deck) ?? q.deck,
    topic: topicKey(q),
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.choices,
    command: q.command,
    explanation: q.explanation,
    source: q.source,
    ...(q.outdated ? { outdated: q.outdated } : {}),
  };
}

/**
 * Pick a quiz. Questions in scope are shuffled with `seed`, siblings (same sourceItem)
 * are skipped, and at least one command task is included when the scope has one.
 */
export function buildQuiz(bank: Bank, input: unknown, seed: number): QuizQuestionDTO[] {
  const opts = QuizOptionsSchema.parse(input);
  const decks = new Map(bank.decks.map((d) => [d.id, d.title]));
  if (opts.ids) {
    const byId = new Map(bank.questions.map((q) => [q.id, q]));
    return opts.ids.flatMap((id) => (byId.has(id) ? [toDTO(byId.get(id)!, decks)] : []));
  }
  const inScope = bank.questions.filter(
    (q) =>
      (!opts.deck || q.deck === opts.deck) &&
      (!opts.topic || topicKey(q) === opts.topic || topicKey(q).startsWith(opts.topic + TOPIC_SEPARATOR)) &&
      (!opts.types || opts.types.includes(q.type)),
  );
  const next = mulberry32(seed);
  const pool = inScope.map((q) => ({ q, k: next() })).sort((a, b) => a.k - b.k).map((x) => x.q);
  const picked: Question[] = [];
  const items = new Set<string>();
  const take = (q: Question) => {
    if (picked.length >= opts.length || items.has(q.sourceItem)) return;
    items.add(q.sourceItem);
    picked.push(q);
  };
  const command = pool.find((q) => q.type === 'command');
  if (command) take(command);
  for (const q of pool) take(q);
  // Open with something quick: move the first non-command question to the front.
  const quick = picked.findIndex((q) => q.type !== 'command');
  if (quick > 0) [picked[0], picked[quick]] = [picked[quick], picked[0]];
  return picked.map((q) => toDTO(q, decks));
}

/** Every command task of the bank as a lab scenario, in deck order. */
export function labScenarios(bank: Bank): ScenarioDTO[] {
  const decks = new Map(bank.decks.map((d) => [d.id, d.title]));
  return bank.questions
    .filter((q) => q.type === 'command' && q.command)
    .map((q) => ({
      id: q.id,
      deck: q.deck,
      deckTitle: decks.get(q.deck) ?? q.deck,
      topic: topicKey(q),
      prompt: q.prompt,
      setup: q.command!.setup,
      solutions: q.command!.solutions,
      mode: q.command!.mode,
      ...(q.command!.nodes ? { nodes: q.command!.nodes } : {}),
      ...(q.command!.columns ? { columns: q.command!.columns } : {}),
      ...(q.explanation ? { explanation: q.explanation } : {}),
      line: q.source.line,
    }));
}

export const RecordAnswerInputSchema = z.object({
  /** Made by the browser per answer, so a retried request applies once. */
  clientReviewId: z.string().min(8).max(100),
  questionId: z.string().min(1).max(300),
  correct: z.boolean(),
  elapsedMs: z.number().int().min(0).max(24 * 3600 * 1000),
  source: z.enum(['quiz', 'command']),
  answer: z.string().max(2000),
});
export type RecordAnswerInput = z.infer<typeof RecordAnswerInputSchema>;

/**
 * Record a quiz answer for a signed-in learner: it goes through the store's review
 * submission as a machine-judged outcome, which grades it by correctness and time
 * (lib/srs gradeAnswer) like any other review.
 */
export async function recordQuizAnswerFor(userId: string, input: unknown, ctx: StoreContext = {}): Promise<{ ok: boolean; message?: string }> {
  const parsed = RecordAnswerInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That answer could not be recorded.' };
  const a = parsed.data;
  try {
    await submitReview(
      userId,
      {
        clientReviewId: a.clientReviewId,
        questionId: a.questionId,
        outcome: { correct: a.correct },
        durationMs: a.elapsedMs,
        source: a.source,
        answer: a.answer,
      },
      ctx,
    );
    return { ok: true };
  } catch (e) {
    if (e instanceof StoreError) return { ok: false, message: e.message };
    throw e;
  }
}
