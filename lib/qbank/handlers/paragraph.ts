import type { Paragraph, RootContent } from 'mdast';
import { inlineMarkdown, plainText } from '../text';
import type { NoteState } from '../state';
import { questionAnswer } from '../generators/question-answer';
import { comparison, inlineAnswer } from '../generators/comparison';
import { factCloze } from '../generators/fact-cloze';
import { kindFrom, readTerm, termChoices, type TermItem } from '../generators/term-choice';

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
  if (inlineAnswer(state, node, md)) return 0;
  // "**User** - a single account ...", one term per paragraph: a group of three or more is a term list.
  const term = readTerm(md, node);
  if (term && /^\*\*/.test(md)) {
    const group: TermItem[] = [term];
    for (let i = index + 1; i < siblings.length; i++) {
      const next = siblings[i];
      const t = next.type === 'paragraph' ? readTerm(inlineMarkdown(next.children).trim(), next) : undefined;
      if (!t || next.type !== 'paragraph' || !/^\*\*/.test(inlineMarkdown(next.children).trim())) break;
      group.push(t);
    }
    if (group.length >= 3) {
      termChoices(state, group, kindFrom(state));
      state.intro = undefined;
      return group.length - 1;
    }
  }
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
  // A statement in prose: a cloze (or a number question) per sentence, like a list item.
  if (!md.endsWith(':') && !md.endsWith('?') && !comparison(state, node, md)) factCloze(state, node, md, 'paragraph');
  return 0;
}
