import 'server-only';
import { z } from 'zod';
import { createScheduler, newCardFields, STATE_NAMES } from '@/lib/srs';
import { loadBank, type Question } from '@/server/banks';
import { heldIds } from '@/server/cards';
import { db as defaultDb, type Db } from '@/server/db';
import { getSettings, schedulerSettings } from '@/server/settings';
import type { ReviewCardView } from '@/server/web/types';
import { cardView, previewRecord } from './cards';

/**
 * Custom study, as in Anki's "Custom study session": a session outside the daily queue.
 * - topic: one section of one deck, due cards first, then new ones, then the rest by due date (cram);
 * - failed: the cards rated Again in the last N days ("recently forgotten"), due or not;
 * - ahead: cards falling due in the next N days, studied early (FSRS counts the shorter interval).
 * Extra new cards today and "one deck" go through the ordinary queue (settings and ?deck=).
 * Held (suspended or buried), retired and outdated cards stay out.
 */

/** How many cards a custom session loads. */
export const CUSTOM_SIZE = 50;
const DAY_MS = 86_400_000;

export const CustomStudySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic'), deck: z.string().min(1).max(200), section: z.string().max(300) }),
  z.object({ kind: z.literal('failed'), days: z.coerce.number().int().min(1).max(30) }),
  z.object({ kind: z.literal('ahead'), days: z.coerce.number().int().min(1).max(30) }),
]);
export type CustomStudy = z.infer<typeof CustomStudySchema>;

/**
 * The custom session named by the review page's query (`?custom=topic&topic=DECK/SECTION`,
 * `?custom=failed&days=N`, `?custom=ahead&days=N`; the older `?failed=1` is failed for one day).
 * @returns the spec, null when the query asks for no custom session, or an error sentence naming the bad parameter
 */
export function parseCustomStudy(sp: Record<string, string | string[] | undefined>): CustomStudy | { error: string } | null {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  if (sp.failed === '1' && !sp.custom) return { kind: 'failed', days: 1 };
  const kind = one('custom');
  if (!kind) return null;
  const topic = one('topic') ?? '';
  const slash = topic.indexOf('/');
  const parsed = CustomStudySchema.safeParse(
    kind === 'topic' ? { kind, deck: slash > 0 ? topic.slice(0, slash) : '', section: slash > 0 ? topic.slice(slash + 1) : '' } : { kind, days: one('days') ?? 1 },
  );
  if (parsed.success) return parsed.data;
  if (kind !== 'topic' && kind !== 'failed' && kind !== 'ahead') return { error: `Unknown custom study "${kind}": use topic, failed or ahead.` };
  return { error: kind === 'topic' ? `Custom study by topic needs "topic=DECK/SECTION" (got "${topic}"): pick one in Study more.` : `"days" must be a whole number from 1 to 30 (got "${one('days')}").` };
}

const sectionOf = (q: Question) => q.topic[1] ?? '';

/** Every section of every deck with its question count (outdated questions left out), in bank order. */
export function topicsOf(): { deck: string; deckTitle: string; section: string; count: number }[] {
  const { bank } = loadBank();
  const out = new Map<string, { deck: string; deckTitle: string; section: string; count: number }>();
  const titles = new Map(bank.decks.map((d) => [d.id, d.title]));
  for (const q of bank.questions) {
    if (q.outdated) continue;
    const key = JSON.stringify([q.deck, sectionOf(q)]);
    const t = out.get(key) ?? { deck: q.deck, deckTitle: titles.get(q.deck) ?? q.deck, section: sectionOf(q), count: 0 };
    t.count++;
    out.set(key, t);
  }
  return [...out.values()];
}

/** What a custom session is, in words, for the page header. */
export function describeCustomStudy(spec: CustomStudy): { title: string; description: string } {
  const days = (n: number) => (n === 1 ? 'day' : `${n} days`);
  switch (spec.kind) {
    case 'topic': {
      const deck = loadBank().bank.decks.find((d) => d.id === spec.deck);
      const name = spec.section || `${deck?.title ?? spec.deck}: overview`;
      return { title: `Custom study: ${name}`, description: `One topic of ${deck?.title ?? spec.deck}: its due cards first, then new ones, then the rest studied early.` };
    }
    case 'failed':
      return { title: 'Custom study: failed cards', description: `The cards you rated Again in the last ${days(spec.days)}, due or not.` };
    case 'ahead':
      return { title: 'Custom study: review ahead', description: `Cards falling due in the next ${days(spec.days)}, studied early. Their next intervals are shorter, as FSRS counts the early review.` };
  }
}

/** How many cards each custom session would hold now, for the Study more form. */
export interface CustomStudyCounts {
  /** Distinct cards rated Again within 1, 2, 7 and 30 days. */
  failed: Record<1 | 2 | 7 | 30, number>;
  /** Cards falling due within 1, 2, 7 and 30 days (not due yet). */
  ahead: Record<1 | 2 | 7 | 30, number>;
}

const SPANS = [1, 2, 7, 30] as const;

export async function customStudyCounts(userId: string, now = new Date(), db: Db = defaultDb): Promise<CustomStudyCounts> {
  const held = await heldIds(db, userId, now);
  const [logs, upcoming] = await Promise.all([
    db.reviewLog.findMany({
      where: { userId, rating: 1, undoneAt: null, reviewedAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } },
      select: { questionId: true, reviewedAt: true },
      orderBy: { reviewedAt: 'desc' },
    }),
    db.cardState.findMany({ where: { userId, retired: false, state: { not: 0 }, due: { gt: now, lte: new Date(now.getTime() + 30 * DAY_MS) } }, select: { questionId: true, due: true } }),
  ]);
  const latestFail = new Map<string, number>();
  for (const l of logs) if (!held.has(l.questionId) && !latestFail.has(l.questionId)) latestFail.set(l.questionId, l.reviewedAt.getTime());
  const failed = Object.fromEntries(SPANS.map((d) => [d, [...latestFail.values()].filter((t) => t >= now.getTime() - d * DAY_MS).length])) as CustomStudyCounts['failed'];
  const open = upcoming.filter((c) => !held.has(c.questionId));
  const ahead = Object.fromEntries(SPANS.map((d) => [d, open.filter((c) => c.due.getTime() <= now.getTime() + d * DAY_MS).length])) as CustomStudyCounts['ahead'];
  return { failed, ahead };
}

/** The question ids of a custom session, in study order, at most CUSTOM_SIZE. */
async function sessionIds(db: Db, userId: string, spec: CustomStudy, now: Date, held: ReadonlySet<string>): Promise<string[]> {
  const { bank, byId } = loadBank();
  const usable = (id: string) => !held.has(id) && !!byId.get(id) && !byId.get(id)!.outdated;
  if (spec.kind === 'failed') {
    const logs = await db.reviewLog.findMany({
      where: { userId, rating: 1, undoneAt: null, reviewedAt: { gte: new Date(now.getTime() - spec.days * DAY_MS) } },
      select: { questionId: true },
      orderBy: { reviewedAt: 'desc' },
      take: 1000,
    });
    return [...new Set(logs.map((l) => l.questionId))].filter(usable).slice(0, CUSTOM_SIZE);
  }
  if (spec.kind === 'ahead') {
    const rows = await db.cardState.findMany({
      where: { userId, retired: false, state: { not: 0 }, due: { gt: now, lte: new Date(now.getTime() + spec.days * DAY_MS) } },
      select: { questionId: true },
      orderBy: { due: 'asc' },
      take: 1000,
    });
    return rows.map((r) => r.questionId).filter(usable).slice(0, CUSTOM_SIZE);
  }
  const inTopic = bank.questions.filter((q) => q.deck === spec.deck && sectionOf(q) === spec.section && usable(q.id));
  const states = await db.cardState.findMany({ where: { userId, questionId: { in: inTopic.map((q) => q.id) } }, select: { questionId: true, due: true, retired: true } });
  const byQ = new Map(states.map((s) => [s.questionId, s]));
  const due: { id: string; at: number }[] = [];
  const later: { id: string; at: number }[] = [];
  const fresh: string[] = [];
  const siblings = new Set<string>();
  for (const q of inTopic) {
    const s = byQ.get(q.id);
    if (s?.retired) continue;
    if (!s) {
      // One new card per source item, as the daily queue buries siblings.
      if (siblings.has(q.sourceItem)) continue;
      siblings.add(q.sourceItem);
      fresh.push(q.id);
    } else (s.due <= now ? due : later).push({ id: q.id, at: s.due.getTime() });
  }
  const byDue = (a: { at: number }, b: { at: number }) => a.at - b.at;
  return [...due.sort(byDue).map((d) => d.id), ...fresh, ...later.sort(byDue).map((d) => d.id)].slice(0, CUSTOM_SIZE);
}

/**
 * The cards of a custom session, with the store's interval previews (new cards as new).
 * @param spec what to study (see CustomStudySchema); an unknown deck or topic gives no cards
 */
export async function customStudySession(userId: string, spec: CustomStudy, now = new Date(), db: Db = defaultDb): Promise<ReviewCardView[]> {
  const { bank, byId } = loadBank();
  const held = await heldIds(db, userId, now);
  const ids = await sessionIds(db, userId, spec, now, held);
  const titles = new Map(bank.decks.map((d) => [d.id, d.title]));
  const scheduler = createScheduler(schedulerSettings(await getSettings(userId, { db })));
  const states = await db.cardState.findMany({ where: { userId, questionId: { in: ids } } });
  const byId2 = new Map(states.map((s) => [s.questionId, s]));
  const out: ReviewCardView[] = [];
  for (const id of ids) {
    const q = byId.get(id)!;
    const row = byId2.get(id);
    if (row?.retired) continue;
    const state = row ? STATE_NAMES[row.state as 0 | 1 | 2 | 3] : 'new';
    out.push(await cardView(q, titles.get(q.deck) ?? q.deck, state, previewRecord(scheduler.preview(row ?? newCardFields(now), now))));
  }
  return out;
}
