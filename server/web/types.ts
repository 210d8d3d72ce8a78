import type { Grade } from '@/lib/srs/schema';
import type { QuestionType } from '@/lib/qbank/schema';

/**
 * The shapes server/ hands to pages and components (DTOs). The server produces them, so it
 * owns them; components take them with `import type` (usually through their folder's types.ts).
 */

export type { Grade, QuestionType };

/** What the bank says about a question (or note line) that depends on a changed Docker fact. */
export interface OutdatedInfo {
  since: string;
  note: string;
  source: string;
}

// ---- review ----

/** One flashcard as the review page shows it; all Markdown is already rendered to safe HTML. */
export interface ReviewCardView {
  /** Store card id (signed in) or question id (guest). */
  cardId: string;
  questionId: string;
  deckTitle: string;
  topic: string[];
  type: QuestionType;
  /** Card state label, e.g. "New", "Learning", "Review". */
  state: string;
  promptHtml: string;
  /** qa: the answer; cloze: the sentence with the gap filled and marked. */
  answerHtml?: string;
  choices?: { html: string; correct: boolean }[];
  /** command tasks: the setup and the reference solution shown on reveal, plus what the checker needs. */
  command?: { setup: string[]; solution: string[]; solutions: string[][]; mode: 'state' | 'output'; nodes?: string[]; columns?: string[] };
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

// ---- decks ----

/** Mastery of a topic for the signed-in learner: share of its cards in long-term review. */
export interface TopicMastery {
  /** 0..1 */
  mastered: number;
  /** Cards seen at least once. */
  seen: number;
}

export interface TopicSummary {
  /** Heading path below the deck title. */
  path: string[];
  questionCount: number;
  mastery?: TopicMastery;
}

/** One deck on the /decks page. */
export interface DeckSummary {
  id: string;
  title: string;
  description?: string;
  tags?: string[];
  questionCount: number;
  byType: Partial<Record<QuestionType, number>>;
  topics: TopicSummary[];
  /** Whole-deck mastery (signed in only). */
  mastery?: TopicMastery;
}

/** A prose block of a note (paragraph, list, code, table) with its source lines. */
export interface StudyBlock {
  line: number;
  endLine: number;
  /** Sanitised HTML, with any "Outdated since ..." notes already placed beside their lines. */
  html: string;
}

/** A question of a deck as study material: prompt and options up front, the key kept for the reveal. */
export interface StudyQuestion {
  id: string;
  type: QuestionType;
  line: number;
  promptHtml: string;
  choices?: { html: string; correct: boolean }[];
  /** qa: the answer; cloze: the sentence with the gap filled. */
  answerHtml?: string;
  command?: { setup: string[]; solutions: string[][]; nodes: string[] };
  explanationHtml?: string;
  docs?: string[];
  /** The bank marks the fact this question tests as changed (issue 13). */
  outdated?: { since: string; note: string; source: string };
}

/** A `##`/`###` section of a note: its prose, then its questions. The part before the first heading has an empty title. */
export interface StudySection {
  id: string;
  title: string;
  depth: 2 | 3;
  line: number;
  blocks: StudyBlock[];
  questions: StudyQuestion[];
  /**
   * For a section the note gives no prose: its key points, drawn from the explanations of its
   * questions (one paragraph per source item, in note order), and the docs they cite.
   */
  digest?: { html: string; docs: string[] };
}

export interface StudyNote {
  sections: StudySection[];
}

// ---- stats and dashboard ----

/** Figures the /stats page charts; built on the server from the store's numbers. */
export interface ChartSeries {
  /** Category labels on the x axis (YYYY-MM-DD dates or week starts). */
  dates: string[];
  values: Array<number | null>;
}

export interface StatsCharts {
  reviewsPerDay: ChartSeries;
  /** True retention (share of review-state cards recalled), 0..1, per week. */
  retention: ChartSeries;
  /** Cards falling due on each of the next 30 days. */
  forecast: ChartSeries;
  /** Desired retention from settings, drawn as a reference line on the retention chart. */
  target: number;
}

/** One day of review activity. `date` is a local calendar day, YYYY-MM-DD. */
export interface DayCount {
  date: string;
  count: number;
}
