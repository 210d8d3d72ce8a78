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

/**
 * The FSRS fields as a database driver returns them (server/review-writer.ts, server/queue-reads.ts):
 * dates are Date objects (pg) or ISO text (SQLite).
 */
export type StoredCardFields = Omit<CardFields, 'due' | 'last_review'> & { due: Date | string; last_review?: Date | string | null };

/** Driver row, ts-fsrs Card or JSON snapshot -> row fields (fresh Date objects, null when never reviewed). */
export function fromStored(row: StoredCardFields): CardFields {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    last_review: row.last_review ? new Date(row.last_review) : null,
  };
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
  const f = fromStored(row);
  return { ...f, state: f.state as State, last_review: f.last_review ?? undefined };
}

/** ts-fsrs Card -> row fields (only the FSRS columns). */
export function fromCard(card: Card): CardFields {
  return fromStored(card);
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
  return fromStored(s);
}
