/**
 * Practice exams, decided on the server.
 *
 * Lifecycle: startExam draws the items (lib/exam, seeded) and a per-attempt option
 * order -> the learner answers DOMC items one option at a time (answerDomc) and choice
 * items whole (answerChoice), may flag and move between items -> submitExam (or the
 * first request after the deadline) scores it -> getExamResult reveals keys and
 * explanations. Every response is a DTO built here; before submission no DTO carries
 * a key, an explanation, or an option the learner has not been shown yet.
 *
 * Storage goes through an AttemptRepo: ExamAttempt rows, owned by a signed-in learner
 * (userRepo) or by a guest's random key (guestRepo; the guest's cookie holds only that key).
 *
 * Integrity (issue 12): a learner has at most one open attempt (a unique index on
 * (userId, openSlot) enforces it); starting another asks to resume or abandon it, and an
 * abandoned attempt is scored as it stands. While an attempt is open, the questions it holds
 * (and their sibling variants) are hidden everywhere else: see {@link openAttemptQuestionIds}.
 * Every attempt is submitted once; answers after that are refused.
 *
 * Files: operations.ts (the operations and their inputs), repo.ts (storage), dto.ts (what the
 * browser sees), options.ts (the exams offered), context.ts (the current request's repo; imported
 * directly by app/, not from here). The pure mechanics (items, DOMC steps, scoring) are lib/exam.
 */
export { ExamError, DEADLINE_GRACE_MS, type ExamErrorKind, type AttemptState, type ObjectiveScore, type ItemOutcome } from '@/lib/exam';
export {
  answerChoice,
  answerDomc,
  flagItem,
  getExamResult,
  getExamView,
  gotoItem,
  listAttempts,
  openAttempt,
  startExam,
  submitExam,
  type ExamContext,
  type StartExamInput,
  type DomcAnswerInput,
  type ChoiceAnswerInput,
  type FlagInput,
  type GotoInput,
} from './operations';
export { GUEST_ATTEMPT_TTL_MS, GUEST_COOKIE, GUEST_MAX_QUESTIONS, guestRepo, openAttemptQuestionIds, userRepo, type AttemptRepo } from './repo';
export { examOptions, type ExamOption } from './options';
export type { ExamItemDTO, ExamResultDTO, ExamSummaryDTO, ExamViewDTO } from './dto';
