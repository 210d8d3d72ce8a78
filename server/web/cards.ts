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
  const { promptHtml, explanationHtml, choices, answerHtml } = await renderedCard(q);
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

type RenderedCard = Pick<ReviewCardView, 'promptHtml' | 'explanationHtml' | 'choices' | 'answerHtml'>;

/**
 * A question's Markdown fields as HTML, rendered once per question object: a loaded bank's questions never change
 * (a new bank brings new objects), and rendering them on every request was most of /review's server time (50 cards,
 * 3-6 Markdown fields each, issue 15).
 */
function renderedCard(q: Question): Promise<RenderedCard> {
  let r = rendered.get(q);
  if (!r) {
    r = (async () => {
      const md = await answerMarkdown(q);
      return {
        promptHtml: renderMarkdown(q.prompt),
        explanationHtml: q.explanation ? renderMarkdown(q.explanation) : undefined,
        choices: q.choices?.map((c) => ({ html: renderMarkdown(c.text), correct: c.correct })),
        answerHtml: md ? renderMarkdown(md) : undefined,
      };
    })();
    rendered.set(q, r);
    r.catch(() => rendered.delete(q)); // a failure is not kept: the next request renders again
  }
  return r;
}
const rendered = new WeakMap<Question, Promise<RenderedCard>>();

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
