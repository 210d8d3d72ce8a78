import { State, type Card } from 'ts-fsrs';
import type { CardSnapshot, CardStateKind } from './schema';

/**
 * The only place a stored row becomes a ts-fsrs `Card` and back. Rows keep the
 * ts-fsrs field names (CardState in prisma/schema.prisma), so this is a copy with
 * types made canonical (Date objects, integer state).
 */

/** The FSRS fields of a CardState row, as Prisma returns them. */
export interface CardFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: Date | null;
}

/** A fresh, never-reviewed card due at `now` (FSRS "New"). */
export function newCardFields(now: Date): CardFields {
  return {
    due: new Date(now.getTime()),
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
    state: State.New,
    last_review: null,
  };
}

/** Row fields -> ts-fsrs Card. */
export function toCard(row: CardFields): Card {
  return {
    due: new Date(row.due.getTime()),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.last_review ? new Date(row.last_review.getTime()) : undefined,
  };
}

/** ts-fsrs Card -> row fields (only the FSRS columns). */
export function fromCard(card: Card): CardFields {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? new Date(card.last_review) : null,
  };
}

/** Row fields -> JSON snapshot (review log, export). */
export function toSnapshot(f: CardFields): CardSnapshot {
  return {
    due: f.due.toISOString(),
    stability: f.stability,
    difficulty: f.difficulty,
    elapsed_days: f.elapsed_days,
    scheduled_days: f.scheduled_days,
    learning_steps: f.learning_steps,
    reps: f.reps,
    lapses: f.lapses,
    state: f.state as CardStateKind,
    last_review: f.last_review ? f.last_review.toISOString() : null,
  };
}

/** JSON snapshot -> row fields. */
export function fromSnapshot(s: CardSnapshot): CardFields {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.last_review ? new Date(s.last_review) : null,
  };
}
