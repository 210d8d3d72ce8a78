/**
 * Category of an exam failure, after libnetwork's error categories. Drawing fails with `bad-request` or
 * `unavailable`; an attempt's operations (server/exams) add the rest, which the server maps to an HTTP
 * status, a form message or a redirect.
 */
export type ExamErrorKind = 'bad-request' | 'unavailable' | 'not-found' | 'conflict' | 'expired' | 'forbidden' | 'in-progress';

/** The learner's open attempt, as an `in-progress` refusal carries it (to resume or abandon). */
export interface OpenAttemptRef {
  id: string;
  title: string;
}

/** The one exam error class: every exam failure, from drawing to answering, is an ExamError with a kind. */
export class ExamError extends Error {
  constructor(
    readonly kind: ExamErrorKind,
    message: string,
    /** kind 'in-progress': the learner's open attempt, to resume or abandon. */
    readonly openAttempt?: OpenAttemptRef,
  ) {
    super(message);
    this.name = 'ExamError';
  }
}

/** The options or the blueprint are malformed (bad seed, size, counts that do not add up). */
export class InvalidExamRequestError extends ExamError {
  constructor(message: string) {
    super('bad-request', message);
    this.name = 'InvalidExamRequestError';
  }
}

/** One objective's shortfall: how many items it needed and how many could be drawn. */
export interface ObjectiveShortfall {
  objective: string;
  needed: number;
  drawn: number;
}

/** The bank does not hold enough distinct choice questions to satisfy the (scaled) blueprint. */
export class InsufficientQuestionsError extends ExamError {
  constructor(readonly shortfalls: ObjectiveShortfall[]) {
    super(
      'unavailable',
      'The question bank cannot satisfy the exam blueprint: ' +
        shortfalls
          .map((s) => `objective "${s.objective}" needs ${s.needed} choice questions from distinct source items, only ${s.drawn} available`)
          .join('; '),
    );
    this.name = 'InsufficientQuestionsError';
  }
}
