import 'server-only';
import { getProgress } from '@/server/progress';
import { getForecast, getMastery } from '@/server/cards';
import { getSettings } from '@/server/settings';
import { getBank } from '@/server/banks';
import type { StatsCharts } from '@/server/web/types';

/** Days of history in the reviews-per-day chart. */
export const HISTORY_DAYS = 60;
/** Days ahead in the due forecast. */
export const FORECAST_DAYS = 30;

export interface MasteryRow {
  deck: string;
  deckTitle: string;
  topic: string;
  total: number;
  seen: number;
  mature: number;
  /** Mean probability of recall now over seen cards, 0..1. */
  recall: number | null;
}

export interface StatsView {
  charts: StatsCharts;
  totals: { reviews: number; last30: number; retention: number | null; retentionReviews: number; streak: number; dueNext7: number };
  mastery: MasteryRow[];
}

/** Shortest readable span of the reviews-per-day chart. */
const MIN_CHART_DAYS = 14;

/**
 * Reviews per day from the first day with a review (at least the last MIN_CHART_DAYS days), so a
 * new learner sees a few wide bars instead of one hairline on a 60-day axis.
 */
export function recentDays(days: { day: string; reviews: number }[]): { dates: string[]; values: number[] } {
  const first = days.findIndex((d) => d.reviews > 0);
  const start = Math.max(0, Math.min(first === -1 ? days.length : first, days.length - MIN_CHART_DAYS));
  const shown = days.slice(start);
  return { dates: shown.map((d) => d.day), values: shown.map((d) => d.reviews) };
}

/** The /stats figures for one learner, from the store. */
export async function statsFor(userId: string): Promise<StatsView> {
  const [progress, forecast, mastery, settings] = await Promise.all([
    getProgress(userId, { days: HISTORY_DAYS, period: 'week' }),
    getForecast(userId, { days: FORECAST_DAYS }),
    getMastery(userId),
    getSettings(userId),
  ]);
  const titles = new Map(getBank().decks.map((d) => [d.id, d.title]));
  return {
    charts: {
      reviewsPerDay: recentDays(progress.days),
      retention: { dates: progress.retentionOverTime.map((b) => b.period), values: progress.retentionOverTime.map((b) => b.retention) },
      forecast: { dates: forecast.map((f) => f.day), values: forecast.map((f) => f.count) },
      target: settings.desiredRetention,
    },
    totals: {
      reviews: progress.totalReviews,
      last30: progress.days.slice(-30).reduce((s, d) => s + d.reviews, 0),
      retention: progress.retention.retention,
      retentionReviews: progress.retention.reviews,
      streak: progress.streak,
      dueNext7: forecast.slice(0, 7).reduce((s, f) => s + f.count, 0),
    },
    mastery: mastery
      .filter((m) => m.total > 0)
      .map((m) => ({ deck: m.deck, deckTitle: titles.get(m.deck) ?? m.deck, topic: m.topic.join(' › ') || `${titles.get(m.deck) ?? m.deck}: overview`, total: m.total, seen: m.seen, mature: m.mature, recall: m.recall })),
  };
}
