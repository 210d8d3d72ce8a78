import type { QuestionType } from '@/server/web/types';

export type { QuestionType };

export const TYPE_LABELS: Record<QuestionType, string> = {
  qa: 'Q&A',
  cloze: 'Cloze',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  command: 'Command',
};

export type { TopicMastery, TopicSummary, DeckSummary, StudyBlock, StudyQuestion, StudySection, StudyNote } from '@/server/web/types';
