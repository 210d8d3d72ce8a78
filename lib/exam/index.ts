/**
 * lib/exam: draws practice exams from the compiled question bank, following a blueprint.
 *
 * Lifecycle: the caller loads a `Bank` and one of its `blueprints` (lib/qbank), then calls
 * `drawExam(bank, blueprint, { seed, size? })` and stores the returned items; the same seed gives the
 * same exam, so an exam can be re-created from (blueprint id, seed, size). `scaleBlueprint` shows
 * the objective counts a shorter exam will use. An attempt (attempt.ts) stores the drawn items with a
 * seeded option order; score.ts judges DOMC steps and choice answers and scores the attempt.
 * server/exams persists attempts. Pure and framework-free: randomness comes only from the seed.
 */
export { drawExam } from './draw';
export { scaleBlueprint } from './scale';
export { nearDuplicates, similarityGroups } from './similar';
export { createRng, shuffle, type Rng } from './rng';
export { ExamError, InvalidExamRequestError, InsufficientQuestionsError, type ExamErrorKind, type ObjectiveShortfall, type OpenAttemptRef } from './errors';
export {
  AttemptStateSchema,
  DEADLINE_GRACE_MS,
  ItemsSchema,
  attemptItems,
  blueprintOf,
  questionMap,
  questionOf,
  scaledMinutes,
  type AttemptBank,
  type AttemptBlueprint,
  type AttemptState,
  type ObjectiveScore,
  type StoredAnswer,
  type StoredItem,
} from './attempt';
export { domcProgress, finalize, isOverdue, itemOutcome, itemStatus, scoreAttempt, type DomcProgress, type ItemOutcome, type ItemStatus } from './score';
export {
  DOMC_TAG,
  DRAWABLE_TYPES,
  DrawOptionsSchema,
  ExamBankInputSchema,
  ExamBlueprintInputSchema,
  ExamFormatSchema,
  ExamItemSchema,
  ExamObjectiveInputSchema,
  ExamQuestionInputSchema,
  type DrawOptions,
  type ExamBankInput,
  type ExamBlueprintInput,
  type ExamFormat,
  type ExamItem,
  type ExamObjectiveInput,
  type ExamQuestionInput,
} from './schema';
