/** Category of an exam-drawing failure, after libnetwork's error categories. */
export type ExamErrorKind = 'bad-request' | 'unavailable';

/** Base class of every error lib/exam throws. */
export class ExamError extends Error {
  constructor(
    readonly kind: ExamErrorKind,
    message: string,
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
