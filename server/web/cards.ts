import 'server-only';
import type { Question } from '@/server/banks';
import type { Grade, ReviewCardView } from '@/server/web/types';
import { renderMarkdown } from '@/server/notes';

/**
 * Question -> flashcard view: every Markdown field rendered to sanitised HTML on the server,
 * so /review ships no Markdown code. Shared by the review page and its actions.
 */

const STATE_LABEL: Record<string, string> = { new: 'New', learning: 'Learning', review: 'Review', relearning: 'Relearning' };

/** The gap a cloze prompt shows ("_____", see the bank contract). */
const CLOZE_GAP = '_____';

/**
 * Build the card a learner sees for one question.
 * @param q the bank question
 * @param deckTitle its deck's title (for the header)
 * @param state store state name ("new", "review", ...)
 * @param previews interval label per grade, from the store's scheduler
 * @param cardId the id the grade action receives (the question id; the store keys cards by it)
 */
export async function cardView(q: Question, deckTitle: string, state: string, previews: Record<Grade, string>, cardId: string = q.id): Promise<ReviewCardView> {
  const [promptHtml, explanationHtml, choices, answerHtml] = await Promise.all([
    renderMarkdown(q.prompt),
    q.explanation ? renderMarkdown(q.explanation) : Promise.resolve(undefined),
    q.choices ? Promise.all(q.choices.map(async (c) => ({ html: await renderMarkdown(c.text), correct: c.correct }))) : Promise.resolve(undefined),
    answerMarkdown(q).then((md) => (md ? renderMarkdown(md) : undefined)),
  ]);
  return {
    cardId,
    questionId: q.id,
    deckTitle,
    topic: q.topic,
    type: q.type,
    state: STATE_LABEL[state] ?? state,
    promptHtml,
    answerHtml,
    choices,
    command: q.command
      ? { setup: q.command.setup, solution: q.command.solutions[0] ?? [], solutions: q.command.solutions, mode: q.command.mode, ...(q.command.nodes ? { nodes: q.command.nodes } : {}), ...(q.command.columns ? { columns: q.command.columns } : {}) }
      : undefined,
    explanationHtml,
    ...(q.outdated ? { outdated: q.outdated } : {}),
    sourceHref: `/decks/${encodeURIComponent(q.deck)}#L${q.source.line}`,
    previews,
  };
}

/** What the back of the card says: the answer, or for cloze the sentence with the gap filled in bold. */
export async function answerMarkdown(q: Question): Promise<string | undefined> {
  if (q.type === 'cloze' && q.answer !== undefined) {
    return q.prompt.includes(CLOZE_GAP) ? q.prompt.replace(CLOZE_GAP, `**${q.answer}**`) : `**${q.answer}**`;
  }
  if (q.type === 'qa') return q.answer;
  return undefined;
}

/** PreviewDTO[] (store) -> the record the buttons read. */
export function previewRecord(previews: { grade: number; interval: string }[]): Record<Grade, string> {
  const out: Record<Grade, string> = { 1: '', 2: '', 3: '', 4: '' };
  for (const p of previews) if (p.grade >= 1 && p.grade <= 4) out[p.grade as Grade] = p.interval;
  return out;
}
