import 'server-only';
import { getCounts, type StudyCounts } from '@/server/cards';
import { getProgress } from '@/server/progress';
import { getBank } from '@/server/banks';
import type { DayCount } from '@/server/web/types';

/** Weeks of history on the dashboard heatmap. */
export const HEATMAP_WEEKS = 20;

export interface DashboardView {
  counts: StudyCounts;
  streak: number;
  totalReviews: number;
  /** True retention over the heatmap's range, 0..1, null before any review of a learned card. */
  retention: number | null;
  /** Local calendar day of the learner. */
  today: string;
  activity: DayCount[];
  deckCount: number;
  questionCount: number;
}

/** Everything the signed-in dashboard shows, from the store. */
export async function dashboardFor(userId: string): Promise<DashboardView> {
  const [counts, progress] = await Promise.all([getCounts(userId), getProgress(userId, { days: HEATMAP_WEEKS * 7 })]);
  const bank = getBank();
  return {
    counts,
    streak: progress.streak,
    totalReviews: progress.totalReviews,
    retention: progress.retention.retention,
    today: progress.days.at(-1)?.day ?? new Date().toISOString().slice(0, 10),
    activity: progress.days.map((d) => ({ date: d.day, count: d.reviews })),
    deckCount: bank.decks.length,
    questionCount: bank.questions.length,
  };
}

/** How big the bank is, for the visitors' landing page. */
export interface BankTotals {
  decks: number;
  questions: number;
  commands: number;
}

export function bankTotals(): BankTotals {
  const bank = getBank();
  return { decks: bank.decks.length, questions: bank.questions.length, commands: bank.questions.filter((q) => q.type === 'command').length };
}
