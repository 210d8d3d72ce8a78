import 'server-only';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { getBank, type Question } from '@/server/banks';
import { getMastery, type TopicMasteryDTO } from '@/server/cards';
import { renderNote } from '@/server/notes';
import { outdatedLines, type OutdatedLine } from '@/server/outdated-lines';
import type { DeckSummary, QuestionListItem, QuestionType, TopicMastery, TopicSummary } from '@/components/deck/types';
import type { QuestionGroup } from '@/components/deck/QuestionIndex';

/**
 * Deck views: summaries for /decks and the note + question index for /decks/[id]. Topics are
 * the first section below the deck title (topic[1]), the level the store measures mastery at.
 */

const topicKey = (deck: string, section: string[]) => JSON.stringify([deck, section]);

function masteryOf(m: Pick<TopicMasteryDTO, 'total' | 'seen' | 'mature'>): TopicMastery {
  return { mastered: m.total ? m.mature / m.total : 0, seen: m.seen };
}

function byType(qs: Question[]): Partial<Record<QuestionType, number>> {
  const out: Partial<Record<QuestionType, number>> = {};
  for (const q of qs) out[q.type] = (out[q.type] ?? 0) + 1;
  return out;
}

/**
 * Every deck with question counts by type and topic, plus mastery per topic for a learner.
 * @param userId signed-in learner, or null (no mastery)
 */
export async function deckSummaries(userId: string | null): Promise<DeckSummary[]> {
  const bank = getBank();
  const mastery = userId ? await getMastery(userId) : [];
  const mByTopic = new Map(mastery.map((m) => [topicKey(m.deck, m.topic), m]));
  return bank.decks.map((deck) => {
    const qs = bank.questions.filter((q) => q.deck === deck.id);
    const sections = new Map<string, { path: string[]; count: number }>();
    for (const q of qs) {
      const path = q.topic.slice(1, 2);
      const k = JSON.stringify(path);
      const s = sections.get(k) ?? { path, count: 0 };
      s.count++;
      sections.set(k, s);
    }
    const topics: TopicSummary[] = [...sections.values()]
      .filter((s) => s.path.length > 0)
      .map((s) => {
        const m = mByTopic.get(topicKey(deck.id, s.path));
        return { path: s.path, questionCount: s.count, mastery: userId && m ? masteryOf(m) : undefined };
      });
    const deckM = mastery.filter((m) => m.deck === deck.id);
    const total = deckM.reduce((a, m) => ({ total: a.total + m.total, seen: a.seen + m.seen, mature: a.mature + m.mature }), { total: 0, seen: 0, mature: 0 });
    return {
      id: deck.id,
      title: deck.title,
      description: deck.description,
      tags: deck.tags,
      questionCount: qs.length,
      byType: byType(qs),
      topics,
      mastery: userId ? masteryOf(total) : undefined,
    };
  });
}

/** The plain text of a Markdown prompt's first paragraph, for lists (walks the mdast, no regex). */
export function promptTitle(markdown: string, max = 140): string {
  const tree = fromMarkdown(markdown);
  const first = tree.children.find((n) => n.type !== 'html') ?? tree;
  const text = toString(first).replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export interface DeckPageView {
  deck: DeckSummary;
  /** The source note as sanitised HTML with `L<line>` anchors, or null when the file is missing. */
  noteHtml: string | null;
  groups: QuestionGroup[];
  /** Lines of the note that outdated questions come from (their notes are also placed in `noteHtml`). */
  outdated: OutdatedLine[];
}

/** One deck's page, or null for an unknown id. */
export async function deckPage(id: string, userId: string | null): Promise<DeckPageView | null> {
  const bank = getBank();
  const deck = bank.decks.find((d) => d.id === id);
  if (!deck) return null;
  const outdated = outdatedLines(bank.questions.filter((x) => x.deck === id));
  const [summaries, noteHtml] = await Promise.all([deckSummaries(userId), renderNote(deck.file, outdated)]);
  const groups = new Map<string, QuestionGroup>();
  for (const q of bank.questions.filter((x) => x.deck === id).sort((a, b) => a.source.line - b.source.line)) {
    const k = JSON.stringify(q.topic);
    const g = groups.get(k) ?? { topic: q.topic, questions: [] as QuestionListItem[] };
    g.questions.push({ id: q.id, type: q.type, title: promptTitle(q.prompt), line: q.source.line });
    groups.set(k, g);
  }
  return { deck: summaries.find((s) => s.id === id)!, noteHtml, groups: [...groups.values()], outdated };
}
