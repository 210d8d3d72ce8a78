import 'server-only';
import { scaledMinutes } from '@/lib/exam';
import type { Bank } from '@/server/banks';
import { GUEST_MAX_QUESTIONS } from './repo';

/** The exams offered on the exam page. */

export interface ExamOption {
  blueprintId: string;
  title: string;
  questions: number;
  minutes: number;
  passPercent: number;
  /** Share of questions in DOMC style, 0..100. */
  domcPercent: number;
  full: boolean;
  guestAllowed: boolean;
}

/** The exams a learner can start: each blueprint in full, plus 20- and 10-question versions. */
export function examOptions(bank: Bank): ExamOption[] {
  const out: ExamOption[] = [];
  for (const bp of bank.blueprints) {
    for (const size of [bp.questions, 20, 10]) {
      if (size > bp.questions || (size !== bp.questions && out.some((o) => o.blueprintId === bp.id && o.questions === size)))
        continue;
      out.push({
        blueprintId: bp.id,
        title: size === bp.questions ? bp.title : `Short practice: ${size} questions`,
        questions: size,
        minutes: size === bp.questions ? bp.minutes : scaledMinutes(bp, size),
        passPercent: bp.passPercent,
        domcPercent: Math.round(bp.domcShare * 100),
        full: size === bp.questions,
        guestAllowed: size <= GUEST_MAX_QUESTIONS,
      });
    }
  }
  return out;
}
