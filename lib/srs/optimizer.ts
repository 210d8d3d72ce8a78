/**
 * Per-user FSRS parameter optimisation, the pure half: turn a learner's review log
 * into the training set the FSRS optimizer (`@open-spaced-repetition/binding`,
 * called from server/settings.ts) expects, and decide whether there is enough data.
 *
 * A training item is one card's review history up to and including one review after
 * the first: [{ rating, deltaT }] with deltaT in whole days since the previous review
 * (0 for the first). Same-day reviews (deltaT 0 after the first) are kept: the
 * optimizer's short-term model uses them.
 */

/** The fields of a review-log row the optimizer reads, in any order. */
export interface OptimizerLog {
  questionId: string;
  rating: number;
  reviewedAt: Date;
}

export interface TrainingReview {
  rating: number;
  deltaT: number;
}

/** Minimum reviews before optimising is offered (FSRS needs a few hundred to beat defaults). */
export const MIN_REVIEWS_FOR_OPTIMIZATION = 400;
/** Minimum training items that include a review after at least one day. */
export const MIN_LONG_TERM_ITEMS = 100;

const DAY_MS = 86_400_000;

/** Whole days between two instants, counted on UTC day boundaries (as FSRS's delta_t). */
function daysBetween(a: Date, b: Date): number {
  return Math.max(0, Math.floor(b.getTime() / DAY_MS) - Math.floor(a.getTime() / DAY_MS));
}

/**
 * Training items from review logs: per card, chronological, one item per review
 * after the first (each item = the history up to that review).
 */
export function buildTrainingSet(logs: Iterable<OptimizerLog>): TrainingReview[][] {
  const byCard = new Map<string, OptimizerLog[]>();
  for (const l of logs) {
    const list = byCard.get(l.questionId);
    if (list) list.push(l);
    else byCard.set(l.questionId, [l]);
  }
  const items: TrainingReview[][] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const history: TrainingReview[] = [];
    for (let i = 0; i < list.length; i++) {
      history.push({ rating: list[i].rating, deltaT: i === 0 ? 0 : daysBetween(list[i - 1].reviewedAt, list[i].reviewedAt) });
      if (i > 0) items.push(history.slice());
    }
  }
  return items;
}

/** Whether a training set is big enough to optimise, and why not. */
export function optimizationReadiness(reviews: number, items: TrainingReview[][]): { ready: boolean; reason?: string } {
  if (reviews < MIN_REVIEWS_FOR_OPTIMIZATION) {
    return { ready: false, reason: `needs at least ${MIN_REVIEWS_FOR_OPTIMIZATION} reviews (has ${reviews})` };
  }
  const longTerm = items.filter((it) => it.some((r, i) => i > 0 && r.deltaT > 0)).length;
  if (longTerm < MIN_LONG_TERM_ITEMS) {
    return { ready: false, reason: `needs at least ${MIN_LONG_TERM_ITEMS} reviews a day or more after the previous one (has ${longTerm})` };
  }
  return { ready: true };
}
