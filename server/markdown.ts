import 'server-only';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Markdown -> safe HTML for content shown with dangerouslySetInnerHTML (prompts, explanations, notes).
 * Raw HTML in the source is dropped by remark-rehype (allowDangerousHtml is off), and
 * rehype-sanitize's GitHub-style schema then removes anything else unsafe: event-handler
 * attributes, javascript:/data: URLs, <script>, <style>, <iframe>, forms.
 */
const schema = {
  ...defaultSchema,
  // Keep the clobber prefix (ids of footnotes etc. become user-content-…) from the default schema.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/**
 * Render Markdown to sanitised HTML.
 * @param md Markdown source (GFM: tables, task lists, strikethrough, autolinks)
 * @returns an HTML fragment safe to inject into a page
 */
export function renderMarkdown(md: string): string {
  return String(processor.processSync(md));
}
