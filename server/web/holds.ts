import 'server-only';
import { toString } from 'mdast-util-to-string';
import { loadBank } from '@/server/banks';
import { activeHolds, type HoldContext, type HoldKind } from '@/server/holds';
import { parseMarkdown } from '@/server/notes';

/** One card the learner put aside, as Settings lists it. */
export interface HeldCardView {
  questionId: string;
  /** The prompt as plain text (Markdown and the cloze gap kept readable), at most ~160 characters. */
  prompt: string;
  deckId: string;
  deckTitle: string;
  /** Where the question sits in its deck's study page. */
  href: string;
  kind: HoldKind;
  /** ISO time it was put aside. */
  since: string;
  /** ISO end of a bury; null for a suspension. */
  until: string | null;
}

const PROMPT_CHARS = 160;

/** Markdown -> one line of text, cut at a word near `max` characters. */
export function plainPrompt(markdown: string, max = PROMPT_CHARS): string {
  const text = toString(parseMarkdown(markdown)).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/**
 * The learner's suspended and buried cards in force now, newest first. A hold whose question
 * left the bank is still listed (so it can be released), with its id as the prompt.
 */
export async function heldCards(userId: string, ctx: HoldContext = {}): Promise<HeldCardView[]> {
  const { bank, byId } = loadBank();
  const titles = new Map(bank.decks.map((d) => [d.id, d.title]));
  return (await activeHolds(userId, ctx)).map((h) => {
    const q = byId.get(h.questionId);
    return {
      questionId: h.questionId,
      prompt: q ? plainPrompt(q.prompt) : h.questionId,
      deckId: q?.deck ?? '',
      deckTitle: q ? (titles.get(q.deck) ?? q.deck) : 'No longer in the bank',
      href: q ? `/decks/${encodeURIComponent(q.deck)}#L${q.source.line}` : '',
      kind: h.kind,
      since: h.since,
      until: h.until,
    };
  });
}
