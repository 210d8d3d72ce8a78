/** Front matter: YAML parsed with `yaml`, validated by FrontMatterSchema, errors positioned in the note. */
import type { Yaml } from 'mdast';
import { parseDocument } from 'yaml';
import { FrontMatterSchema, type FrontMatter } from './schema';
import type { DiagnosticSink } from './diagnostics';
import { positionOf } from './state';

const HINT = 'front matter keys: id, title, description, tags (a list), domain, weight (a number)';

/** Parse the front matter node; reports problems and returns {} when it is unusable. */
export function readFrontMatter(node: Yaml, diag: DiagnosticSink): FrontMatter {
  const start = positionOf(node);
  // The YAML body starts on the line after the opening `---`.
  const lineOffset = start.line;
  const doc = parseDocument(node.value);
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      diag.error(
        { line: lineOffset + (pos?.line ?? 1), column: pos?.col ?? 1 },
        `front matter is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        'check the indentation and quote values that contain ": "',
      );
    }
    return {};
  }
  const value: unknown = doc.toJS() ?? {};
  const result = FrontMatterSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    let line = lineOffset + 1;
    let column = 1;
    if (typeof key === 'string') {
      const pair = doc.contents && 'items' in doc.contents ? (doc.contents.items as { key: { value?: unknown; range?: [number, number, number] } }[]).find((p) => p.key?.value === key) : undefined;
      const offset = pair?.key?.range?.[0];
      if (offset !== undefined) {
        const before = node.value.slice(0, offset);
        line = lineOffset + 1 + (before.match(/\n/g)?.length ?? 0);
        column = offset - before.lastIndexOf('\n');
      }
    }
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'front matter';
    const message = issue.code === 'unrecognized_keys' ? `unknown front matter key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `${where}: ${issue.message}`;
    if (issue.code === 'unrecognized_keys') {
      // Point at the first unknown key.
      const first = issue.keys[0];
      const idx = node.value.search(new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm'));
      if (idx >= 0) {
        const before = node.value.slice(0, idx);
        line = lineOffset + 1 + (before.match(/\n/g)?.length ?? 0);
        column = 1;
      }
    }
    diag.error({ line, column }, message, HINT);
  }
  return {};
}
