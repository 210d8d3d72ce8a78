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
}

export interface StudyNote {
  sections: StudySection[];
}
