/**
 * A realistic progress export (the document GET /api/progress returns and POST /api/progress takes back)
 * for a learner with `cards` cards and `logs` reviews, built without a database: real bank question ids
 * (with numbered copies once the bank runs out), browser-made UUID review ids, full-precision FSRS floats,
 * and the answer mix of real use (flashcards carry none, quiz and command answers a typed string).
 *
 *   const doc = progressDocument({ cards: 2000, logs: 50_000 });
 *   Buffer.byteLength(JSON.stringify(doc)); // what a real import of that learner weighs
 */
import crypto from 'node:crypto';
import { getBank } from '@/server/banks';
import { DEFAULT_SETTINGS } from '@/server/settings';

const DAY = 86_400_000;

export function progressDocument(opts: { cards: number; logs: number; now?: Date; seed?: number }): Record<string, unknown> & { cards: unknown[]; logs: unknown[] } {
  const now = opts.now ?? new Date();
  let seed = opts.seed ?? 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const questions = getBank().questions;
  const cardOf = (i: number) => {
    const q = questions[i % questions.length];
    const copy = Math.floor(i / questions.length);
    return { questionId: copy ? `${q.id}~${copy}` : q.id, deck: q.deck, sourceItem: q.sourceItem };
  };
  const snapshot = (at: Date) => {
    const scheduled = Math.floor(rnd() * 60);
    return {
      due: new Date(at.getTime() + scheduled * DAY).toISOString(),
      stability: rnd() * 80,
      difficulty: 1 + rnd() * 9,
      elapsed_days: Math.floor(rnd() * 40),
      scheduled_days: scheduled,
      learning_steps: 0,
      reps: Math.floor(rnd() * 40),
      lapses: Math.floor(rnd() * 5),
      state: 2,
      last_review: at.toISOString(),
    };
  };
  const cards = Array.from({ length: opts.cards }, (_, i) => ({ ...cardOf(i), retired: false, ...snapshot(new Date(now.getTime() - rnd() * 30 * DAY)) }));
  const logs = Array.from({ length: opts.logs }, (_, i) => {
    const at = new Date(now.getTime() - DAY - Math.floor(rnd() * 365 * DAY));
    const kind = rnd();
    const source = kind < 0.6 ? 'flashcard' : kind < 0.85 ? 'quiz' : kind < 0.95 ? 'command' : 'exam';
    const answer = source === 'quiz' ? 'The bridge driver with --subnet 10.0.9.0/24' : source === 'command' ? 'docker network create -d overlay --attachable my-net' : null;
    return {
      questionId: cardOf(i % opts.cards).questionId,
      clientReviewId: crypto.randomUUID(),
      rating: 1 + Math.floor(rnd() * 4),
      prevState: 2,
      answer,
      durationMs: 1000 + Math.floor(rnd() * 20_000),
      source,
      stateBefore: snapshot(at),
      stateAfter: snapshot(at),
      reviewedAt: at.toISOString(),
      undoneAt: null,
    };
  });
  return { format: 'netprep-progress', version: 1, exportedAt: now.toISOString(), settings: DEFAULT_SETTINGS, cards, logs };
}
