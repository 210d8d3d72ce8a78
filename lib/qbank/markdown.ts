/** mdast -> Markdown for block content (prompts and explanations that span several blocks). */
import type { Nodes } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';

const extensions = [gfmToMarkdown()];

/** Serialise one block node (list, code, table, paragraph) as Markdown without a trailing newline. */
export function blockMarkdown(node: Nodes): string {
  return toMarkdown(node, { extensions, bullet: '-', fences: true, listItemIndent: 'one' }).trimEnd();
}
