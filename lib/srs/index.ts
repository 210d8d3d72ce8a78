/**
 * lib/srs: the scheduler behind every study mode, pure and framework-free.
 *
 * Lifecycle of a card: a bank question has no state until its first review
 * (`newCardFields(now)`), the store keeps its FSRS fields in a row, `convert.ts`
 * turns the row into a ts-fsrs Card, `createScheduler(settings).next(card, now, grade)`
 * gives the next state (the learner grades flashcards; `gradeAnswer` grades quiz,
 * command and exam answers), `buildQueue` decides what comes next today, and
 * `stats.ts` measures the retention actually achieved. `optimizer.ts` fits per-user
 * FSRS parameters from the review log.
 */
export * from './schema';
export * from './convert';
export * from './scheduler';
export * from './grading';
export * from './queue';
export * from './calendar';
export * from './stats';
export * from './errors';
export * from './optimizer';
