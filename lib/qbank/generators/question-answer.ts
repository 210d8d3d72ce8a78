/**
 * Rule: a "Question?" (a paragraph or list item ending in a question mark) followed by one or
 * more answer paragraphs becomes a qa card. Later revisions of the notes use this form.
 */
import type { Node } from 'mdast';
import { normalise } from '../text';
import { emit, positionOf, type NoteState } from '../state';
import { tagsFor } from '../tags';

export function questionAnswer(state: NoteState, node: Node, question: string, answer: string[]): void {
  const [first, ...rest] = answer;
  if (!first) return;
  // A short first answer paragraph is the answer; the rest explains it.
  const short = first.length <= 300 || rest.length === 0;
  const body = short ? first : answer.join('\n\n');
  emit(state, {
    type: 'qa',
    prompt: question,
    answer: body,
    ...(short && rest.length ? { explanation: rest.join('\n\n') } : {}),
    tags: tagsFor(state, `${question} ${body}`),
    at: positionOf(node),
    item: normalise(question),
    rule: 'question-answer',
  });
}
