import type { Heading } from 'mdast';
import { inlineMarkdown } from '../text';
import type { NoteState } from '../state';

/**
 * A heading moves the topic path: `#` sets the deck title (unless front matter did), `##`..`######`
 * replace the section at their depth and drop deeper ones. Section docs reset.
 */
export function heading(node: Heading, state: NoteState, ctx: { levels: string[]; titleFromFrontMatter: boolean }): void {
  const text = inlineMarkdown(node.children).replace(/`/g, '').trim();
  if (node.depth === 1) {
    if (!ctx.titleFromFrontMatter && !ctx.levels[0]) ctx.levels[0] = text;
    ctx.levels.length = 1;
  } else {
    ctx.levels.length = Math.max(1, node.depth - 1);
    ctx.levels[node.depth - 1] = text;
  }
  state.topic = ctx.levels.filter((l) => l !== undefined && l !== '');
  state.docs = [];
  state.intro = undefined;
  state.terms = [];
}
