/** Grades in FSRS order; the keyboard keys 1-4 map onto them. */
export const GRADES = [
  { grade: 1, key: '1', label: 'Again', tone: 'again' },
  { grade: 2, key: '2', label: 'Hard', tone: 'hard' },
  { grade: 3, key: '3', label: 'Good', tone: 'good' },
  { grade: 4, key: '4', label: 'Easy', tone: 'easy' },
] as const;
export type Grade = (typeof GRADES)[number]['grade'];

export type { ReviewCardView, GradeResult, UndoResult, GradeInput } from '@/server/web/types';
