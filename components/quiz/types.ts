/** The quiz's data: the server (server/quiz.ts, server/quiz-results.ts) owns these shapes. */
export type { QuizQuestionDTO as QuizQuestion, RecordAnswerInput as RecordInput } from '@/server/quiz';
export type { QuizResultInput } from '@/server/quiz-results';

/** How the learner did on one question of this run. */
export type Outcome = { correct: boolean; given: string; elapsedMs: number; feedback?: string[]; overridden?: boolean };
