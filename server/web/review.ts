import 'server-only';
import { createScheduler, newCardFields, startOfNextDay } from '@/lib/srs';
import { getBank, getQuestion } from '@/server/banks';
import { getQueue, heldIds, learningCardAt, type StudyCounts } from '@/server/cards';
import { db } from '@/server/db';
import { getSettings } from '@/server/settings';
import type { ReviewCardView } from '@/server/web/types';
import { cardView, previewRecord } from './cards';

/** How many cards a review page loads at once. */
export const SESSION_SIZE = 50;
/** Cards a guest gets to try. */
export const GUEST_SIZE = 12;
/** A learning card due within this long comes back in the same session (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface ReviewSessionView {
  cards: ReviewCardView[];
  /** The store's counts (signed in) for the header and the "done" panel. */
  counts: StudyCounts | null;
}

function deckTitles(): Map<string, string> {
  return new Map(getBank().decks.map((d) => [d.id, d.title]));
}

/**
 * The cards for one review session.
 * @param userId signed-in learner, or null for a guest (first cards of the chosen decks, nothing saved)
 * @param decks deck ids; [] means the learner's saved deck filter (all decks for guests)
 * @param hidden question ids left out (those of an exam in progress: server/exam-guard.ts)
 */
export async function reviewSession(
  userId: string | null,
  decks: string[],
  now = new Date(),
  hidden: ReadonlySet<string> = new Set(),
): Promise<ReviewSessionView> {
  const titles = deckTitles();
  if (userId) {
    const queue = await getQueue(userId, { decks: decks.length ? decks : undefined, limit: SESSION_SIZE });
    const cards = await Promise.all(
      queue.items.flatMap((item) => {
        if (hidden.has(item.questionId)) return [];
        const q = getQuestion(item.questionId);
        return q ? [cardView(q, titles.get(q.deck) ?? q.deck, item.state, previewRecord(item.previews))] : [];
      }),
    );
    return { cards, counts: queue.counts };
  }
  const chosen = new Set(decks);
  const seen = new Set<string>();
  const picked = getBank().questions.filter((q) => {
    if (q.outdated || (chosen.size > 0 && !chosen.has(q.deck))) return false;
    if (hidden.has(q.id)) return false;
    if (seen.has(q.sourceItem)) return false; // one card per source item, as the store buries siblings
    seen.add(q.sourceItem);
    return true;
  });
  const previews = previewRecord(createScheduler().preview(newCardFields(now), now));
  const cards = await Promise.all(picked.slice(0, GUEST_SIZE).map((q) => cardView(q, titles.get(q.deck) ?? q.deck, 'new', previews)));
  return { cards, counts: null };
}

/**
 * After a grade: the card again, with fresh previews, when it falls due within the learn-ahead
 * limit (learning steps), else null. Previews are the store's, computed at the card's due time.
 * No queue rebuild: a card beyond the limit costs nothing, one within it a single row read.
 */
export async function requeuedCard(userId: string, questionId: string, due: string, now = new Date()): Promise<ReviewCardView | null> {
  const dueAt = new Date(due);
  if (dueAt.getTime() - now.getTime() > LEARN_AHEAD_MS) return null;
  const q = getQuestion(questionId);
  if (!q) return null;
  const at = dueAt > now ? dueAt : now;
  const item = await learningCardAt(userId, questionId, at);
  if (!item) return null;
  return cardView(q, deckTitles().get(q.deck) ?? q.deck, item.state, previewRecord(item.previews));
}

/** What the end of a session can truthfully say: cards due now, and learning cards coming back later today. */
export interface SessionStatus {
  /** Cards due now (the session resumes with them). */
  cards: ReviewCardView[];
  /** Learning/relearning cards due later today (learner's day). */
  laterToday: number;
  /** ISO time the first of them is due, or null. */
  nextDue: string | null;
  /** Cards due tomorrow. */
  dueTomorrow: number;
}

export async function sessionStatus(userId: string, decks: string[], now = new Date(), hidden: ReadonlySet<string> = new Set()): Promise<SessionStatus> {
  const { cards, counts } = await reviewSession(userId, decks, now, hidden);
  const settings = await getSettings(userId);
  const held = await heldIds(db, userId, now);
  const end = startOfNextDay(now, settings.timezone);
  const later = await db.cardState.findMany({
    where: { userId, retired: false, state: { in: [1, 3] }, due: { gt: now, lt: end }, ...(decks.length ? { deck: { in: decks } } : {}) },
    select: { questionId: true, due: true },
    orderBy: { due: 'asc' },
    take: 500,
  });
  const open = later.filter((r) => !held.has(r.questionId));
  return { cards, laterToday: open.length, nextDue: open[0]?.due.toISOString() ?? null, dueTomorrow: counts?.dueTomorrow ?? 0 };
}
