import 'server-only';
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
import { outdatedLinePlugins, type OutdatedLine } from './outdated-lines';

/**
 * Markdown -> sanitised HTML for study notes and question text, rendered on the server so the
 * browser gets plain HTML and no Markdown code.
 *
 * Pipeline: remark-parse + front matter + GFM -> remark-rehype (raw HTML dropped) -> sanitize
 * -> highlight.js (bundled grammars, no network) -> string. Everything here is synchronous, so
 * callers can render a whole deck in one go and cache it (server/study-notes.ts).
 */

/** Block elements that get an `id="L<line>"` anchor from their first source line (where outdated notes attach). */
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

/** rehype plugin: drop the `L<line>` ids again once outdated notes are placed (the page gives its own ids). */
function rehypeDropLineAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties?.id === 'string' && /^L\d+$/.test(node.properties.id)) delete node.properties.id;
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

/** rehype plugin: a fragment that is one paragraph loses the <p> (for inline text such as a choice). */
function rehypeUnwrapParagraph() {
  return (tree: Root) => {
    const kids = tree.children.filter((n) => !(n.type === 'text' && !n.value.trim()));
    if (kids.length === 1 && kids[0].type === 'element' && kids[0].tagName === 'p') tree.children = kids[0].children;
  };
}

/** mdast -> sanitised, highlighted HTML (no raw HTML passes). */
const fromMdast = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeFocusablePre).use(rehypeHighlight, { detect: false }).use(rehypeStringify).freeze();
const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).freeze();
const inlineFromMdast = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeUnwrapParagraph).use(rehypeStringify).freeze();

/** Markdown (with front matter and GFM) -> mdast, with source positions. */
export function parseMarkdown(markdown: string): MdastRoot {
  return parser.parse(markdown);
}

/**
 * Render Markdown to sanitised HTML (synchronously): the one Markdown renderer for notes, prompts, choices and
 * explanations.
 * @param markdown source text
 * @param opts.inline drop the paragraph around a one-paragraph text (choices, short answers)
 * @returns an HTML string safe for dangerouslySetInnerHTML
 */
export function renderMarkdown(markdown: string, opts: { inline?: boolean } = {}): string {
  return renderMdast(parseMarkdown(markdown), opts);
}

/**
 * Render an mdast tree (e.g. one block of a parsed note) to sanitised HTML.
 * @param tree a root node
 * @param opts.inline as for renderMarkdown
 * @param opts.outdated lines of this block that outdated questions come from: each gets its note
 */
export function renderMdast(tree: MdastRoot, opts: { inline?: boolean; outdated?: readonly OutdatedLine[] } = {}): string {
  const p = opts.outdated?.length ? withOutdated(opts.outdated) : opts.inline ? inlineFromMdast : fromMdast;
  return p.stringify(p.runSync(tree) as Root);
}

/** A note block with "Outdated since ..." notes placed beside its affected lines (i13's plugins). */
function withOutdated(lines: readonly OutdatedLine[]) {
  const { locate, place } = outdatedLinePlugins(lines);
  return unified()
    .use(remarkRehype)
    .use(rehypeLineAnchors)
    .use(locate)
    .use(rehypeSanitize, schema)
    .use(place)
    .use(rehypeDropLineAnchors)
    .use(rehypeFocusablePre)
    .use(rehypeHighlight, { detect: false })
    .use(rehypeStringify)
    .freeze();
}
