import type { Grade } from './schema';

/**
 * Quiz, command and exam answers are graded by the machine, not the learner: the
 * grade comes from correctness and the time taken.
 *
 *   wrong                 -> Again (1)
 *   right, slower than slowMs -> Hard (2)
 *   right                 -> Good (3)
 *   right, faster than fastMs -> Easy (4)
 *
 * Thresholds per question type (milliseconds). They reflect reading plus acting
 * time: a single choice is read and clicked, a multiple choice needs every option
 * judged, a typed answer (qa/cloze) needs recall plus typing, and a command task
 * needs composing a docker command line (often several).
 */
export const GRADING_THRESHOLDS = {
  qa: { fastMs: 8_000, slowMs: 30_000 },
  cloze: { fastMs: 6_000, slowMs: 25_000 },
  'single-choice': { fastMs: 8_000, slowMs: 30_000 },
  'multiple-choice': { fastMs: 12_000, slowMs: 45_000 },
  command: { fastMs: 20_000, slowMs: 90_000 },
} as const satisfies Record<string, { fastMs: number; slowMs: number }>;

export type GradedQuestionType = keyof typeof GRADING_THRESHOLDS;

/** The outcome of an answer the machine judged. */
export interface AnswerOutcome {
  correct: boolean;
  durationMs: number;
}

/** Map a judged answer to an FSRS grade (see the table above). */
export function gradeAnswer(type: GradedQuestionType, outcome: AnswerOutcome): Grade {
  if (!outcome.correct) return 1;
  const t = GRADING_THRESHOLDS[type];
  if (outcome.durationMs > t.slowMs) return 2;
  if (outcome.durationMs < t.fastMs) return 4;
  return 3;
}
