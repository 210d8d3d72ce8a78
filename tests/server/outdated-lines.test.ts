/**
 * The deck page places each outdated question's note next to the note line it came from
 * (issue 13), without changing the rest of the rendered note.
 */
import fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { outdatedLinePlugins, outdatedLines, type OutdatedLine } from '@/server/outdated-lines';
import { loadBank } from '../content/bank';

const seed = loadBank().questions.filter((q) => q.deck === 'docker-networking');
const note = fs.readFileSync('content/docker-networking.md', 'utf8');

/** The deck page's pipeline reduced to what the plugins need (server/notes.ts adds sanitize and highlighting, ESM-only in jest). */
async function renderNote(_file: string, lines: readonly OutdatedLine[] = []): Promise<string> {
  const anchors = () => (tree: Root) => {
    const seen = new Set<number>();
    visit(tree, 'element', (node: Element) => {
      const line = node.position?.start.line;
      if (!line || !['p', 'li', 'pre', 'ol', 'ul', 'h2'].includes(node.tagName) || seen.has(line)) return;
      seen.add(line);
      node.properties = { ...node.properties, id: `L${line}` };
    });
  };
  const p = unified().use(remarkParse).use(remarkRehype).use(anchors);
  if (lines.length) {
    const { locate, place } = outdatedLinePlugins(lines);
    p.use(locate).use(place);
  }
  return String(await p.use(rehypeStringify).process(note));
}

describe('outdated lines of the seed note', () => {
  const lines = outdatedLines(seed);

  it('lists each affected line once per fact, in order', () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.map((l) => l.line)).toEqual([...lines.map((l) => l.line)].sort((a, b) => a - b));
    expect(lines.some((l) => l.since === 'Engine 23.0' && /--cluster-store/.test(l.note))).toBe(true);
  });

  it('puts an aside right inside the affected list item, and after the code block for a line inside one', async () => {
    const plain = await renderNote('docker-networking.md');
    const html = (await renderNote('docker-networking.md', lines))!;
    expect(plain).not.toContain('class="outdated');
    expect(html.match(/<aside class="outdated outdated--inline"/g)).toHaveLength(lines.length);
    const cluster = lines.find((l) => /--cluster-store/.test(l.note))!;
    const item = html.indexOf(`id="L${cluster.line}"`);
    expect(item).toBeGreaterThan(0);
    const next = html.indexOf('<aside', item);
    expect(html.slice(next, html.indexOf('</aside>', next))).toContain('Outdated since Engine 23.0:');
    expect(html.slice(item, next)).not.toContain('</li>');
    // the --driver note (a line inside the shell block) follows that block
    const driver = lines.find((l) => /--driver/.test(l.note))!;
    const pre = html.lastIndexOf('<pre', html.indexOf('--driver|-d'));
    expect(html.indexOf('Since Engine 1.12 (macvlan', pre)).toBeGreaterThan(html.indexOf('</pre>', pre));
    expect(driver.line).toBeGreaterThan(0);
  });
});
