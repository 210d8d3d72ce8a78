import 'server-only';
import { getBank, loadBank, type Question } from '@/server/banks';
import { getMastery, type TopicMasteryDTO } from '@/server/cards';
import { studyNote } from '@/server/study-notes';
import type { DeckSummary, QuestionType, StudyNote, TopicMastery, TopicSummary } from '@/server/web/types';

/**
 * Deck views: summaries for /decks and the study note for /decks/[id]. Topics are
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
  const mastery = userId ? await getMastery(userId, {}, { recall: false }) : [];
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

export interface DeckPageView {
  deck: DeckSummary;
  /** The note as study material (prose by section, questions apart), or null when the file is missing. */
  note: StudyNote | null;
}

/**
 * One deck's page, or null for an unknown id. The note is rendered once per bank
 * (server/study-notes.ts); per request only the learner's mastery is read.
 */
export async function deckPage(id: string, userId: string | null): Promise<DeckPageView | null> {
  const loaded = loadBank();
  const deck = loaded.bank.decks.find((d) => d.id === id);
  if (!deck) return null;
  const [summaries, note] = await Promise.all([deckSummaries(userId), studyNote(loaded, deck)]);
  return { deck: summaries.find((s) => s.id === id)!, note };
}
