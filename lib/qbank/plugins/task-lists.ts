/**
 * `remarkTaskLists`: only the GFM task-list syntax (`- [x] right`), the one GFM construct the
 * explicit syntax relies on. Notes without tables, strikethrough or footnotes are parsed with it
 * instead of full remark-gfm, whose autolink-literal scanner costs a third of the parse time.
 */
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

export function remarkTaskLists(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

/** True when a note uses GFM beyond task lists: a table delimiter row, `~~strike~~` or a footnote. */
export function needsFullGfm(text: string): boolean {
  return /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|/m.test(text) || text.includes('~~') || text.includes('[^');
}
