import 'server-only';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Outdated, Question } from '@/lib/qbank';

/**
 * The deck page's freshness notes: "Outdated since Engine 23.0: ..." next to the lines of a
 * learner's note that outdated questions were generated from (lib/qbank marks the questions; the
 * note itself stays as written).
 */

/** One affected line of a note and what changed. */
export interface OutdatedLine extends Outdated {
  line: number;
}

/** The affected lines of one deck's note, one entry per line and fact, in line order. */
export function outdatedLines(questions: readonly Question[]): OutdatedLine[] {
  const seen = new Set<string>();
  const out: OutdatedLine[] = [];
  for (const q of [...questions].sort((a, b) => a.source.line - b.source.line)) {
    if (!q.outdated) continue;
    const key = `${q.source.line}\u0000${q.outdated.note}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line: q.source.line, ...q.outdated });
  }
  return out;
}

/** The hast of one note: `<aside class="outdated outdated--inline" role="note">` with a Source link. */
function aside(o: OutdatedLine): Element {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  return {
    type: 'element',
    tagName: 'aside',
    properties: { className: ['outdated', 'outdated--inline'], role: 'note', ariaLabel: `Outdated since ${o.since}`, dataTestid: 'outdated-note' },
    children: [
      { type: 'element', tagName: 'strong', properties: {}, children: [text(`Outdated since ${o.since}:`)] },
      text(` ${o.note} `),
      { type: 'element', tagName: 'a', properties: { href: o.source, target: '_blank', rel: ['noreferrer', 'noopener'] }, children: [text('Source')] },
    ],
  };
}

/**
 * Two rehype plugins around sanitize: `locate` (before) finds, for each affected line, the
 * smallest block with a line anchor that holds the line (a code block for a line inside it);
 * `place` (after) puts the note there: inside a list item after its text, after any other block.
 */
export function outdatedLinePlugins(lines: readonly OutdatedLine[]) {
  const target = new Map<string, OutdatedLine[]>(); // anchor id -> notes
  const locate = () => (tree: Root) => {
    for (const l of lines) {
      let best: { id: string; span: number } | undefined;
      visit(tree, 'element', (node: Element) => {
        const id = node.properties?.id;
        const start = node.position?.start.line;
        const end = node.position?.end.line;
        if (typeof id !== 'string' || !/^L\d+$/.test(id) || !start || !end || l.line < start || l.line > end) return;
        const span = end - start;
        if (!best || span < best.span) best = { id, span };
      });
      if (best) target.set(best.id, [...(target.get(best.id) ?? []), l]);
    }
  };
  const place = () => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const id = node.properties?.id;
      const notes = typeof id === 'string' ? target.get(id) : undefined;
      if (!notes || index === undefined || !parent) return;
      target.delete(id as string);
      const asides = notes.map(aside);
      if (node.tagName === 'li') {
        // Right after the item's own text, before any sub-list.
        const text = node.children.findIndex((c) => c.type === 'element' && c.tagName === 'p');
        const sub = node.children.findIndex((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'));
        node.children.splice(text >= 0 ? text + 1 : sub >= 0 ? sub : node.children.length, 0, ...asides);
      } else parent.children.splice(index + 1, 0, ...asides);
    });
  };
  return { locate, place };
}
