import 'server-only';
import {
  buildQueue,
  dayKey,
  GRADE_NAMES,
  interleaveDecks,
  newCardFields,
  startOfDay,
  startOfNextDay,
  STATE_NAMES,
  type CardFields,
  type CardStateKind,
  type Grade,
  type GradeName,
  type GradePreview,
  type QueueCandidate,
  type TodayCounts,
} from '@/lib/srs';
import { ensureBankSynced, loadBank, type LoadedBank, type Question, type QuestionId } from './banks';
import { db as defaultDb, type Db } from './db';
import { CARD_SELECT, queueReadsFor } from './queue-reads';
import type { ReviewWriterKind } from './review-writer';
import { getSettings, schedulerFor, type Settings } from './settings';
import { dueDates, failedInLastDay, liveCards } from './stats-reads';

/**
 * Read side of the study store: the due queue with interval previews, counts,
 * forecasts and mastery. Every function takes the user id from the session (callers
 * use server/session.ts) and returns plain DTOs.
 */

/** Overrides for tests and benches: database, clock and bank. */
export interface StoreContext {
  db?: Db;
  now?: Date;
  bank?: LoadedBank;
  /** How submitReview writes (server/review-writer.ts); default NETPREP_REVIEW_WRITER. For the bench's A/B. */
  writer?: ReviewWriterKind;
}

export type CardStateName = (typeof STATE_NAMES)[CardStateKind];

/** One learner's state of one question. */
export interface CardDTO {
  questionId: QuestionId;
  deck: string;
  state: CardStateName;
  /** ISO time the card is due. */
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  retired: boolean;
}

/** The outcome one grade would have, shown on its button. */
export interface PreviewDTO {
  grade: Grade;
  name: GradeName;
  /** Compact interval ("10m", "1d", "3.2mo"). */
  interval: string;
  due: string;
}

export interface QueueItemDTO {
  questionId: QuestionId;
  deck: string;
  state: CardStateName;
  due: string;
  previews: PreviewDTO[];
}

export interface StudyCounts {
  /** Review cards due by the end of today (after the daily limit). */
  dueToday: number;
  /** Learning / relearning cards due now. */
  learning: number;
  /** New cards that may still be introduced today. */
  newAvailable: number;
  /** Cards due tomorrow (learner's calendar). */
  dueTomorrow: number;
  reviewsDoneToday: number;
  newStudiedToday: number;
}

export interface QueueDTO {
  items: QueueItemDTO[];
  counts: StudyCounts;
}

export interface QueueOptions {
  /** Deck ids to study; omitted -> the learner's deck filter; [] -> every deck. */
  decks?: string[];
  /** Cards to return (1..200, default 20). */
  limit?: number;
}

/** The card columns DTOs are built from. */
export type CardRow = CardFields & { questionId: string; deck: string; sourceItem: string; retired: boolean };

/** Row -> DTO. */
export function cardDTO(row: CardRow): CardDTO {
  return {
    questionId: row.questionId as QuestionId,
    deck: row.deck,
    state: STATE_NAMES[row.state as CardStateKind],
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.last_review ? row.last_review.toISOString() : null,
    retired: row.retired,
  };
}

function previewDTOs(previews: GradePreview[]): PreviewDTO[] {
  return previews.map((p) => ({ grade: p.grade, name: GRADE_NAMES[p.grade], interval: p.interval, due: p.due.toISOString() }));
}

interface Resolved {
  db: Db;
  now: Date;
  bank: LoadedBank;
}

async function resolve(ctx: StoreContext): Promise<Resolved> {
  const db = ctx.db ?? defaultDb;
  const bank = ctx.bank ?? loadBank();
  await ensureBankSynced(bank, db);
  return { db, now: ctx.now ?? new Date(), bank };
}

function deckList(bank: LoadedBank, settings: Settings, decks: string[] | undefined): string[] | null {
  const chosen = decks ?? settings.deckFilter;
  if (chosen.length === 0) return null;
  const known = new Set(bank.bank.decks.map((d) => d.id));
  return chosen.filter((d) => known.has(d));
}

/** What the learner did today, counted from today's review log in their time zone. */
export async function todayCounts(
  db: Db,
  userId: string,
  now: Date,
  timeZone: string,
  bank: LoadedBank,
): Promise<TodayCounts> {
  const logs = await queueReadsFor(db).todayLogs(userId, startOfDay(now, timeZone));
  const sourceItems = new Set<string>();
  let newStudied = 0;
  let reviewsDone = 0;
  for (const l of logs) {
    if (l.prevState === 0) newStudied++;
    else if (l.prevState === 2) reviewsDone++;
    const q = bank.byId.get(l.questionId);
    if (q) sourceItems.add(q.sourceItem);
  }
  return { newStudied, reviewsDone, sourceItems };
}

/**
 * Question ids the learner suspended, or buried until a time after `now` (server/holds.ts
 * writes them); the queue leaves them out. Usually a handful of rows.
 */
export async function heldIds(db: Db, userId: string, now: Date): Promise<Set<string>> {
  return new Set(await queueReadsFor(db).heldIds(userId, now));
}

/**
 * The bank's current questions in `decks` (null: all), decks interleaved from the start so a small
 * new-card limit still spans decks. Built once per bank and deck list: a 20,000-question bank
 * takes milliseconds to filter and interleave, too much to repeat on every queue read.
 */
function newCardPool(bank: LoadedBank, decks: string[] | null): readonly Question[] {
  let byDecks = pools.get(bank);
  if (!byDecks) pools.set(bank, (byDecks = new Map()));
  const key = decks ? [...decks].sort().join('\n') : '*';
  let pool = byDecks.get(key);
  if (!pool) {
    const deckSet = decks ? new Set(decks) : null;
    pool = interleaveDecks(bank.bank.questions.filter((q) => !q.outdated && (!deckSet || deckSet.has(q.deck))));
    if (byDecks.size >= 64) byDecks.clear(); // deck lists come from the learner: keep the memo bounded
    byDecks.set(key, pool);
  }
  return pool;
}
const pools = new WeakMap<LoadedBank, Map<string, readonly Question[]>>();

/** New questions (no state row) in `decks`, bank order, at most `want`; plus how many exist. Outdated and held ones are left out. */
async function freshCandidates(
  db: Db,
  userId: string,
  bank: LoadedBank,
  decks: string[] | null,
  want: number,
  now: Date,
  held: ReadonlySet<string> = new Set(),
): Promise<{ fresh: QueueCandidate[]; total: number }> {
  const reads = queueReadsFor(db);
  const all = newCardPool(bank, decks);
  const deckSet = decks ? new Set(decks) : null;
  let heldInPool = 0;
  for (const id of held) {
    const q = bank.byId.get(id);
    if (q && !q.outdated && (!deckSet || deckSet.has(q.deck))) heldInPool++;
  }
  const total = Math.max(0, all.length - heldInPool - (await reads.seenCount(userId, decks)));
  const fresh: QueueCandidate[] = [];
  if (total === 0 || want === 0) return { fresh, total };
  let i = 0;
  while (i < all.length && fresh.length < want) {
    const chunk: Question[] = [];
    for (; i < all.length && chunk.length < 500; i++) if (!held.has(all[i].id)) chunk.push(all[i]);
    const seen = new Set(await reads.seenAmong(userId, chunk.map((q) => q.id)));
    for (const q of chunk) {
      if (fresh.length >= want) break;
      if (!seen.has(q.id)) fresh.push({ questionId: q.id, deck: q.deck, sourceItem: q.sourceItem, state: 0, due: now });
    }
  }
  return { fresh, total };
}

/**
 * The next cards to study for `userId`, each with the interval every grade would
 * give, plus today's counts. Learning cards first, then due reviews and new cards
 * interleaved across decks, within the daily limits, siblings buried.
 */
export async function getQueue(userId: string, opts: QueueOptions = {}, ctx: StoreContext = {}): Promise<QueueDTO> {
  const { db, now, bank } = await resolve(ctx);
  const settings = await getSettings(userId, { db });
  const limit = Math.min(200, Math.max(1, Math.trunc(opts.limit ?? 20)));
  const decks = deckList(bank, settings, opts.decks);
  const today = await todayCounts(db, userId, now, settings.timezone, bank);
  const reviewRoom = Math.max(0, settings.maxReviewsPerDay - today.reviewsDone);
  const newPerDay = settings.newPerDay + extraNewToday(settings, now);
  const newRoom = Math.max(0, newPerDay - today.newStudied);
  const held = await heldIds(db, userId, now);

  // Over-fetch to leave room for buried siblings and held cards.
  const dueRows = (await queueReadsFor(db).dueCards(userId, now, decks, Math.min(reviewRoom, limit) + limit + held.size)).filter((r) => !held.has(r.questionId));
  // Extra candidates make room for buried siblings.
  const { fresh, total: freshTotal } = await freshCandidates(db, userId, bank, decks, newRoom > 0 ? Math.min(newRoom, limit) + limit : 0, now, held);
  const queue = buildQueue({
    limits: { newPerDay, maxReviewsPerDay: settings.maxReviewsPerDay },
    today,
    due: dueRows,
    fresh,
    size: limit,
  });
  const byId = new Map<string, CardRow>(dueRows.map((r) => [r.questionId, r]));
  const scheduler = schedulerFor(settings);
  const items = queue.cards.map((c): QueueItemDTO => {
    const row = byId.get(c.questionId);
    const fields: CardFields = row ?? newCardFields(now);
    return {
      questionId: c.questionId as QuestionId,
      deck: c.deck,
      state: STATE_NAMES[fields.state as CardStateKind],
      due: fields.due.toISOString(),
      previews: previewDTOs(scheduler.preview(fields, now)),
    };
  });
  const counts = await countsFor(db, userId, now, settings, decks, today, freshTotal, held);
  return { items, counts };
}

/** Custom study: extra new cards the learner allowed for today (UserSettings.extraNewToday). */
function extraNewToday(settings: Settings, now: Date): number {
  return settings.extraNewDay === dayKey(now, settings.timezone) ? settings.extraNewToday : 0;
}

async function countsFor(
  db: Db,
  userId: string,
  now: Date,
  settings: Settings,
  decks: string[] | null,
  today: TodayCounts,
  freshTotal: number,
  held: ReadonlySet<string> = new Set(),
): Promise<StudyCounts> {
  const tomorrow = startOfNextDay(now, settings.timezone);
  const dayAfter = startOfNextDay(tomorrow, settings.timezone);
  const { dueReviews, learning, dueTomorrow } = await queueReadsFor(db).dueCounts(userId, { now, tomorrow, dayAfter }, decks, [...held]);
  return {
    dueToday: Math.min(dueReviews, Math.max(0, settings.maxReviewsPerDay - today.reviewsDone)),
    learning,
    newAvailable: Math.min(freshTotal, Math.max(0, settings.newPerDay + extraNewToday(settings, now) - today.newStudied)),
    dueTomorrow,
    reviewsDoneToday: today.reviewsDone,
    newStudiedToday: today.newStudied,
  };
}

/**
 * One card as the queue would show it at `at`, without building the queue: a card just graded
 * comes back in the same session only while it is learning or relearning (those are never limited
 * or buried; a review card graded today is buried by its own source item). One indexed read.
 * @returns null when the card has no row, is retired, held (suspended/buried) or not in a learning step
 */
export async function learningCardAt(userId: string, questionId: string, at: Date, ctx: Pick<StoreContext, 'db'> = {}): Promise<QueueItemDTO | null> {
  const db = ctx.db ?? defaultDb;
  const reads = queueReadsFor(db);
  const row = await reads.card(userId, questionId);
  if (!row || row.retired || (row.state !== 1 && row.state !== 3)) return null;
  if (await reads.isHeld(userId, questionId, at)) return null; // suspended or buried meanwhile
  const scheduler = schedulerFor(await getSettings(userId, { db }));
  return {
    questionId: row.questionId as QuestionId,
    deck: row.deck,
    state: STATE_NAMES[row.state as CardStateKind],
    due: row.due.toISOString(),
    previews: previewDTOs(scheduler.preview(row, at)),
  };
}

/** Today's counts for the dashboard and deck pages. */
export async function getCounts(userId: string, opts: Pick<QueueOptions, 'decks'> = {}, ctx: StoreContext = {}): Promise<StudyCounts> {
  const { db, now, bank } = await resolve(ctx);
  const settings = await getSettings(userId, { db });
  const decks = deckList(bank, settings, opts.decks);
  const today = await todayCounts(db, userId, now, settings.timezone, bank);
  const held = await heldIds(db, userId, now);
  const { total } = await freshCandidates(db, userId, bank, decks, 0, now, held);
  return countsFor(db, userId, now, settings, decks, today, total, held);
}

/** Cards coming due per day for the next `days` days (day 0 = today, overdue included). */
export async function getForecast(
  userId: string,
  opts: { days?: number; decks?: string[] } = {},
  ctx: StoreContext = {},
): Promise<{ day: string; count: number }[]> {
  const { db, now, bank } = await resolve(ctx);
  const settings = await getSettings(userId, { db });
  const days = Math.min(365, Math.max(1, Math.trunc(opts.days ?? 30)));
  const decks = deckList(bank, settings, opts.decks);
  const tz = settings.timezone;
  const first = dayKey(now, tz);
  let end = startOfDay(now, tz);
  for (let i = 0; i < days; i++) end = startOfNextDay(end, tz);
  const counts = new Map<string, number>();
  for (const due of await dueDates(db, userId, end, decks)) {
    const key = due < now ? first : dayKey(due, tz);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: { day: string; count: number }[] = [];
  let cursor = startOfDay(now, tz);
  for (let i = 0; i < days; i++) {
    const key = dayKey(cursor, tz);
    out.push({ day: key, count: counts.get(key) ?? 0 });
    cursor = startOfNextDay(cursor, tz);
  }
  return out;
}

/** Mastery of one topic (deck + section heading path). */
export interface TopicMasteryDTO {
  deck: string;
  /** Heading path below the deck title, e.g. ["Overlay networks"]. */
  topic: string[];
  total: number;
  /** Questions reviewed at least once. */
  seen: number;
  /** Questions with stability of 21 days or more. */
  mature: number;
  /** Mean probability of recall now over seen questions (0..1), null when none seen. */
  recall: number | null;
}

/**
 * Mastery per deck section (topic[1]) for the learner, over the current bank.
 * With `opts.recall` false (the deck pages show no recall) `recall` is null and neither FSRS nor the
 * last day's log is consulted.
 */
export async function getMastery(userId: string, ctx: StoreContext = {}, opts: { recall?: boolean } = {}): Promise<TopicMasteryDTO[]> {
  const withRecall = opts.recall ?? true;
  const { db, now, bank } = await resolve(ctx);
  const settings = await getSettings(userId, { db });
  const scheduler = schedulerFor(settings);
  const [rows, failed] = await Promise.all([liveCards(db, userId), withRecall ? failedInLastDay(db, userId, now) : new Set<string>()]);
  const byId = new Map(rows.map((r) => [r.questionId, r]));
  const topics = new Map<string, TopicMasteryDTO & { recallSum: number }>();
  for (const q of bank.bank.questions) {
    const topic = q.topic.slice(1, 2);
    const key = JSON.stringify([q.deck, topic]);
    let t = topics.get(key);
    if (!t) topics.set(key, (t = { deck: q.deck, topic, total: 0, seen: 0, mature: 0, recall: null, recallSum: 0 }));
    t.total++;
    const row = byId.get(q.id);
    if (row && row.state !== 0) {
      t.seen++;
      if (row.stability >= 21) t.mature++;
      // FSRS retrievability now; a card whose latest review was Again counts as not recalled
      // (its retrievability is ~100% right after that review, which would hide the failure).
      if (withRecall) t.recallSum += failed.has(q.id) ? 0 : scheduler.retrievability(row, now);
    }
  }
  return [...topics.values()].map(({ recallSum, ...t }) => ({ ...t, recall: withRecall && t.seen ? recallSum / t.seen : null }));
}

/** The learner's state of each listed question (missing ones are new: absent from the map). */
export async function getCardStates(
  userId: string,
  questionIds: string[],
  ctx: Pick<StoreContext, 'db'> = {},
): Promise<Record<string, CardDTO>> {
  const db = ctx.db ?? defaultDb;
  const out: Record<string, CardDTO> = {};
  for (let i = 0; i < questionIds.length; i += 500) {
    const rows = await db.cardState.findMany({
      where: { userId, questionId: { in: questionIds.slice(i, i + 500) } },
      select: CARD_SELECT,
    });
    for (const r of rows) out[r.questionId] = cardDTO(r);
  }
  return out;
}
