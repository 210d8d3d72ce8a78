import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeHighlight from 'rehype-highlight';
import rehypeStringify from 'rehype-stringify';
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';
import { env } from '@/env';
import { outdatedLinePlugins, type OutdatedLine } from './outdated-lines';

/**
 * Markdown -> sanitised HTML for study notes and question text, rendered on the server so the
 * browser gets plain HTML and no Markdown code.
 *
 * Pipeline: remark-parse + front matter + GFM -> (notes: drop the title) -> remark-rehype (raw HTML dropped) -> line anchors -> sanitize
 * -> highlight.js (bundled grammars, no network) -> string.
 */

/** Block elements that get an `id="L<line>"` anchor from their first source line. */
const ANCHORED = new Set(['p', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol']);

/** rehype plugin: give the first block element that starts on each source line an `L<line>` id. */
function rehypeLineAnchors() {
  return (tree: Root) => {
    const seen = new Set<number>();
    visit(tree, 'element', (node: Element) => {
      const line = node.position?.start.line;
      if (!line || !ANCHORED.has(node.tagName) || seen.has(line)) return;
      seen.add(line);
      node.properties = { ...node.properties, id: `L${line}` };
    });
  };
}

/** rehype plugin (after sanitize): code blocks that may scroll sideways are keyboard-focusable. */
function rehypeFocusablePre() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre') node.properties = { ...node.properties, tabIndex: 0 };
    });
  };
}

/** Default GitHub-like schema, plus highlight classes on code and our own line ids kept as written. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-./]],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), ['id', /^L\d+$/]],
  },
};

/** remark plugin: drop the note's first-level title (the page shows it) and its YAML front matter. */
function remarkDropTitle() {
  return (tree: MdastRoot) => {
    const i = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
    tree.children = tree.children.filter((n, j) => j !== i && n.type !== 'yaml');
  };
}

function processor(anchors: boolean, outdated: readonly OutdatedLine[] = []) {
  const p = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
  if (anchors) p.use(remarkDropTitle);
  p.use(remarkRehype);
  if (anchors) p.use(rehypeLineAnchors);
  const notes = outdated.length ? outdatedLinePlugins(outdated) : undefined;
  if (notes) p.use(notes.locate);
  p.use(rehypeSanitize, schema);
  // Our own freshness notes go in after sanitize (their text comes from the bank, not the note).
  if (notes) p.use(notes.place);
  return p.use(rehypeFocusablePre).use(rehypeHighlight, { detect: false }).use(rehypeStringify);
}

const withAnchors = processor(true);
const plain = processor(false);

/**
 * Render Markdown to sanitised HTML.
 * @param markdown source text
 * @param opts.lineAnchors add `id="L<line>"` to block elements (for linking questions to notes)
 * @returns an HTML string safe for dangerouslySetInnerHTML
 */
export async function renderMarkdown(markdown: string, opts: { lineAnchors?: boolean } = {}): Promise<string> {
  const file = await (opts.lineAnchors ? withAnchors : plain).process(markdown);
  return String(file);
}

/**
 * Read a deck's source note from the content folder and render it with line anchors.
 * @param file path relative to the content folder (the bank's `deck.file` / `source.file`)
 * @param outdated lines that outdated questions come from: each gets its "Outdated since ..." note
 * @returns the HTML, or null when the file is missing or escapes the folder
 */
export async function renderNote(file: string, outdated: readonly OutdatedLine[] = []): Promise<string | null> {
  const dir = path.resolve(process.cwd(), env().CONTENT_DIR);
  const full = path.resolve(/*turbopackIgnore: true*/ dir, file);
  if (!full.startsWith(dir + path.sep)) return null;
  const text = await fs.readFile(full, 'utf8').catch(() => null);
  if (text === null) return null;
  if (outdated.length === 0) return renderMarkdown(text, { lineAnchors: true });
  return String(await processor(true, outdated).process(text));
}
