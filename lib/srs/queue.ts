/**
 * The daily study queue: which cards to show next, in what order.
 *
 * Inputs come from the store (due rows, new questions, today's counts); the rules:
 *  - learning/relearning cards that are due come first and are never limited or buried;
 *  - review cards are limited by maxReviewsPerDay minus the reviews done today;
 *  - new cards are limited by newPerDay minus the new cards studied today;
 *  - a card whose `sourceItem` was reviewed today, or is already in the queue, is buried
 *    (siblings generated from one source item never show on the same day);
 *  - decks are interleaved round-robin, and new cards are spread evenly among reviews.
 */

export interface QueueCandidate {
  questionId: string;
  deck: string;
  sourceItem: string;
  /** ts-fsrs State (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  due: Date;
}

export interface QueueLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
}

/** What the learner already did today (from today's review log). */
export interface TodayCounts {
  /** Reviews today of cards that were new before the review. */
  newStudied: number;
  /** Reviews today of cards that were in the Review state before the review. */
  reviewsDone: number;
  /** Source items with any review today. */
  sourceItems: ReadonlySet<string>;
}

export interface QueueInput {
  limits: QueueLimits;
  today: TodayCounts;
  /** Cards with a state row that are due, oldest due first. */
  due: readonly QueueCandidate[];
  /** New questions (no state row yet), in bank order. */
  fresh: readonly QueueCandidate[];
  /** Maximum number of cards to return. */
  size: number;
}

export interface QueueResult {
  cards: QueueCandidate[];
  /** Review cards left today after the limit (for counts). */
  reviewsAvailable: number;
  /** New cards left today after the limit. */
  newAvailable: number;
  /** Cards left out because a sibling was reviewed today or queued first. */
  buried: number;
}

/** Build the next `size` cards of the queue (see the module comment for the rules). */
export function buildQueue(input: QueueInput): QueueResult {
  const seen = new Set(input.today.sourceItems);
  let buried = 0;
  const learning: QueueCandidate[] = [];
  const reviews: QueueCandidate[] = [];
  const fresh: QueueCandidate[] = [];
  const reviewRoom = Math.max(0, input.limits.maxReviewsPerDay - input.today.reviewsDone);
  const newRoom = Math.max(0, input.limits.newPerDay - input.today.newStudied);

  for (const c of input.due) {
    if (c.state === 1 || c.state === 3) {
      learning.push(c);
      seen.add(c.sourceItem);
    }
  }
  for (const c of input.due) {
    if (c.state === 1 || c.state === 3) continue;
    if (reviews.length >= reviewRoom) break;
    if (seen.has(c.sourceItem)) {
      buried++;
      continue;
    }
    seen.add(c.sourceItem);
    reviews.push(c);
  }
  for (const c of input.fresh) {
    if (fresh.length >= newRoom) break;
    if (seen.has(c.sourceItem)) {
      buried++;
      continue;
    }
    seen.add(c.sourceItem);
    fresh.push(c);
  }

  const mixed = spread(interleaveDecks(reviews), interleaveDecks(fresh));
  return {
    cards: [...learning, ...mixed].slice(0, Math.max(0, input.size)),
    reviewsAvailable: reviews.length,
    newAvailable: fresh.length,
    buried,
  };
}

/** Round-robin over decks, keeping each deck's own order; decks in order of first appearance. */
export function interleaveDecks<T extends { deck: string }>(cards: readonly T[]): T[] {
  const byDeck = new Map<string, T[]>();
  for (const c of cards) {
    const list = byDeck.get(c.deck);
    if (list) list.push(c);
    else byDeck.set(c.deck, [c]);
  }
  const lists = [...byDeck.values()];
  const out: T[] = [];
  for (let i = 0; out.length < cards.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/** Spread `b` evenly through `a` (new cards among reviews), keeping both orders. */
export function spread<T>(a: readonly T[], b: readonly T[]): T[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: T[] = [];
  const step = (a.length + b.length) / b.length;
  let bi = 0;
  let ai = 0;
  for (let i = 0; ai < a.length || bi < b.length; i++) {
    const wantB = bi < b.length && (ai >= a.length || i + 1 >= Math.round((bi + 1) * step));
    if (wantB) out.push(b[bi++]);
    else out.push(a[ai++]);
  }
  return out;
}
