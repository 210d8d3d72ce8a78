import type { OutdatedInfo } from '@/components/ui';

/** Grades in FSRS order; the keyboard keys 1-4 map onto them. */
export const GRADES = [
  { grade: 1, key: '1', label: 'Again', tone: 'again' },
  { grade: 2, key: '2', label: 'Hard', tone: 'hard' },
  { grade: 3, key: '3', label: 'Good', tone: 'good' },
  { grade: 4, key: '4', label: 'Easy', tone: 'easy' },
] as const;
export type Grade = (typeof GRADES)[number]['grade'];

/** One flashcard as the review page shows it; all Markdown is already rendered to safe HTML. */
export interface ReviewCardView {
  /** Store card id (signed in) or question id (guest). */
  cardId: string;
  questionId: string;
  deckTitle: string;
  topic: string[];
  type: 'qa' | 'cloze' | 'single-choice' | 'multiple-choice' | 'command';
  /** Card state label, e.g. "New", "Learning", "Review". */
  state: string;
  promptHtml: string;
  /** qa: the answer; cloze: the sentence with the gap filled and marked. */
  answerHtml?: string;
  choices?: { html: string; correct: boolean }[];
  /** command tasks: the setup and the reference solution shown on reveal, plus what the checker needs. */
  command?: { setup: string[]; solution: string[]; solutions: string[][]; mode: 'state' | 'output'; nodes?: string[] };
  /** Choice questions: 'pick' = answer by picking the options (machine-graded); 'reveal' = front only, options on the back. */
  choiceMode?: 'pick' | 'reveal';
  explanationHtml?: string;
  /** Set when the question depends on a Docker fact that has changed (banner). */
  outdated?: OutdatedInfo;
  /** Link to the source line in the deck's note, e.g. /decks/net#L42. */
  sourceHref: string;
  /** Next interval per grade, already formatted ("10m", "3d"). */
  previews: Record<Grade, string>;
}

/** What the server answers to a grade. */
export type GradeResult =
  | { ok: true; /** The card again when it falls due within this session (learning steps). */ requeue: ReviewCardView | null }
  | { ok: false; message: string; /** The server could not save it now (disk full, database busy): send the same grade again later. */ retry?: boolean };

export type UndoResult = { ok: true } | { ok: false; message: string };

export interface GradeInput {
  cardId: string;
  grade: Grade;
  /** crypto.randomUUID() made once per grade in the browser: retries are idempotent. */
  clientReviewId: string;
  /** Milliseconds from showing the card to grading it. */
  durationMs: number;
}
