export type QuestionType = 'qa' | 'cloze' | 'single-choice' | 'multiple-choice' | 'command';

export const TYPE_LABELS: Record<QuestionType, string> = {
  qa: 'Q&A',
  cloze: 'Cloze',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command',
};

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

/** One question in a deck page's list. */
export interface QuestionListItem {
  id: string;
  type: QuestionType;
  /** Plain-text first line of the prompt. */
  title: string;
  line: number;
}
