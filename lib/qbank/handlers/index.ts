/**
 * One handler per top-level mdast node type, collected in a typed map, plus an explicit fallback
 * for node types that carry no questions (thematic breaks, HTML, tables, definitions, ...).
 */
import type { RootContent } from 'mdast';
import type { NoteState } from '../state';
import { inlineMarkdown } from '../text';
import { tableQuestions } from '../generators/table';
import { headingTerm } from '../generators/heading-term';
import { blockquote } from './blockquote';
import { code } from './code';
import { heading } from './heading';
import { list } from './list';
import { paragraph } from './paragraph';

export interface WalkContext {
  /** Heading texts by depth - 1; [0] is the deck title. */
  levels: string[];
  titleFromFrontMatter: boolean;
}

/** A handler gets the node, the state and its siblings; it returns how many following siblings it consumed. */
export type Handler<T extends RootContent = RootContent> = (
  node: T,
  state: NoteState,
  siblings: RootContent[],
  index: number,
  ctx: WalkContext,
) => number;

type HandlerMap = { [K in RootContent['type']]?: Handler<Extract<RootContent, { type: K }>> };

export const handlers = {
  heading: (node, state, _s, _i, ctx) => {
    heading(node, state, ctx);
    return 0;
  },
  paragraph: (node, state, siblings, index) => {
    const above = siblings[index - 1];
    if (above?.type === 'heading') headingTerm(state, above, node);
    return paragraph(node, state, siblings, index);
  },
  list: (node, state) => {
    list(node, state);
    state.intro = undefined;
    return 0;
  },
  code: (node, state, siblings, index) => {
    // A heading right above a one-command block describes it like a lead-in paragraph ("### Remove unused
    // volumes"); over several commands it names a topic, not the first command.
    const above = siblings[index - 1];
    const commands = node.value.split('\n').filter((l) => /^\s*\$?\s*docker\s/.test(l)).length;
    if (!state.intro && above?.type === 'heading' && above.depth > 1 && commands === 1) state.intro = inlineMarkdown(above.children).trim();
    code(node, state);
    state.intro = undefined;
    return 0;
  },
  blockquote: (node, state) => {
    // A quote that is not a question ("> Pull the image") introduces what follows, like a paragraph.
    const head = node.children[0];
    const asked = blockquote(node, state);
    state.intro = !asked && node.children.length === 1 && head?.type === 'paragraph' ? inlineMarkdown(head.children).trim() : undefined;
    return 0;
  },
  table: (node, state) => {
    tableQuestions(state, node);
    state.intro = undefined;
    return 0;
  },
  // Front matter is read before the walk (pipeline.ts).
  yaml: () => 0,
} satisfies HandlerMap;

/** Nodes without questions: ignored, but they end any list intro. */
export const unknownHandler: Handler = (_node, state) => {
  state.intro = undefined;
  return 0;
};

/** Dispatch one node to its handler or the fallback. */
export function handle(node: RootContent, state: NoteState, siblings: RootContent[], index: number, ctx: WalkContext): number {
  const h = (handlers as HandlerMap)[node.type] as Handler | undefined;
  return (h ?? unknownHandler)(node, state, siblings, index, ctx);
}
