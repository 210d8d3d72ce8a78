import type { Paragraph, RootContent } from 'mdast';
import { inlineMarkdown, plainText } from '../text';
import type { NoteState } from '../state';
import { questionAnswer } from '../generators/question-answer';

/**
 * A paragraph is context, a section's doc link, or a "Question?" followed by its answer:
 * - a lone URL under a heading becomes the `docs` of that section's questions;
 * - a paragraph ending in `?` followed by answer paragraphs becomes a qa card (returns how many
 *   following siblings it consumed);
 * - any other paragraph is remembered as the intro of a list that follows it.
 */
export function paragraph(node: Paragraph, state: NoteState, siblings: RootContent[], index: number): number {
  const text = plainText(node.children);
  if (/^https?:\/\/\S+$/.test(text)) {
    state.docs = [...state.docs, text];
    return 0;
  }
  const md = inlineMarkdown(node.children).trim();
  if (md.endsWith('?')) {
    const answer: Paragraph[] = [];
    for (let i = index + 1; i < siblings.length; i++) {
      const next = siblings[i];
      if (next.type !== 'paragraph' || inlineMarkdown(next.children).trim().endsWith('?')) break;
      answer.push(next);
    }
    if (answer.length) {
      questionAnswer(state, node, md, answer.map((p) => inlineMarkdown(p.children).trim()));
      return answer.length;
    }
  }
  state.intro = md;
  return 0;
}
