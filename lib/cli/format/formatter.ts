/**
 * docker/cli's formatter: a `--format` value is "table", "table TEMPLATE", "json", or a raw Go
 * template. Table output renders a header row from the same template against the header names,
 * then aligns everything with tabwriter.
 */
import { utcClock, utcDate } from '../../cnm';
import { renderTemplate, TemplateError, goStruct, parseTableFormat, renderTableHeader, tabwriteText } from './template';

const TEMPLATE_BOUNDS = { maxSteps: 100_000, maxOutput: 1_000_000 };

/**
 * Render a list of row objects with a format and the command's default table format.
 * @param goType the Go type docker's formatter context has (for "can't evaluate field" errors)
 */
export function formatList(
  rows: Record<string, unknown>[],
  format: string,
  defaultTable: string,
  headers: Record<string, string>,
  goType = '*formatter.Context',
): string {
  let fmt = format;
  if (!fmt || fmt === 'table') fmt = defaultTable;
  if (fmt === 'json') fmt = '{{json .}}';
  const lf = listFormat(fmt);
  const first = rows[0];
  const parts = lf.parts && (!first || lf.fields.every((f) => typeof first[f] === 'string')) ? lf.parts : null;
  let text = '';
  if (lf.table) text += (parts ? substitute(parts, headers) : renderTableHeader(lf.template, headers)) + '\n';
  for (const r of rows) text += (parts ? substitute(parts, r) : renderTemplate(lf.template, goStruct(goType, r), TEMPLATE_BOUNDS)) + '\n';
  return lf.table ? tabwriteText(text) : text;
}

type Part = string | { field: string };
/**
 * A list format read once: table or not, the row template, and when the template is made only of
 * text and `{{.Field}}` (the common case: default tables, `{{.Name}}`), its parts and fields, for
 * direct substitution over string fields; anything else goes to the template engine.
 */
interface ListFormat {
  table: boolean;
  template: string;
  parts: Part[] | null;
  fields: string[];
}
const FORMATS = new Map<string, ListFormat>();

function listFormat(fmt: string): ListFormat {
  let lf = FORMATS.get(fmt);
  if (!lf) {
    const { table, template } = parseTableFormat(fmt);
    let parts: Part[] | null = [];
    const re = /\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(template))) {
      parts.push(template.slice(last, m.index), { field: m[1] });
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (parts.some((p) => typeof p === 'string' && (p.includes('{{') || p.includes('}}')))) parts = null;
    const fields = (parts ?? []).flatMap((p) => (typeof p === 'string' ? [] : [p.field]));
    lf = { table, template, parts, fields };
    if (FORMATS.size > 200) FORMATS.clear();
    FORMATS.set(fmt, lf);
  }
  return lf;
}

function substitute(parts: Part[], r: Record<string, unknown>): string {
  let s = '';
  for (const p of parts) s += typeof p === 'string' ? p : (r[p.field] as string);
  return s;
}

/** `docker ... inspect` output: JSON array with 4-space indent, or a template per element. */
export function formatInspect(items: unknown[], format: string): string {
  if (!format) return goMarshalJson(items, '    ') + '\n';
  if (format === 'json') return goMarshalJson(items, '') + '\n';
  // docker/cli inspect parses the template as typed: unlike list formats, "\t" and "\n" outside a
  // quoted string stay two characters, and {{"\n"}} is a newline.
  const body = format;
  let out = '';
  for (const it of items) {
    try {
      out += renderTemplate(body, it, TEMPLATE_BOUNDS) + '\n';
    } catch (e) {
      // docker retries a missing struct field on the raw JSON map
      if (!(e instanceof TemplateError) || !e.missingField) throw e;
      out += renderTemplate(body, JSON.parse(JSON.stringify(it)), { ...TEMPLATE_BOUNDS, missingKey: 'error' }) + '\n';
    }
  }
  return out;
}

const HTML_CHARS_G = /[<>&]/g;
const HTML_ESC: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** JSON as Go's json.Marshal / json.MarshalIndent print it (HTML-escaped <, >, &): docker inspect's output. The template `json` function is `goJson` in format/template (no HTML escaping). */
export function goMarshalJson(v: unknown, indent: string): string {
  const s = indent ? JSON.stringify(v, null, indent) : JSON.stringify(v);
  // includes() scans far faster than a character-class regex over a long inspect document
  return s.includes('<') || s.includes('>') || s.includes('&') ? s.replace(HTML_CHARS_G, (c) => HTML_ESC[c]) : s;
}

/** docker's "2026-11-28 09:00:00 +0000 UTC" CreatedAt form. */
export function goTime(sec: number): string {
  return `${utcDate(sec)} ${utcClock(sec)} +0000 UTC`;
}
/** go-units HumanDuration as docker ps prints it. */
export function humanDuration(sec: number): string {
  if (sec < 1) return 'Less than a second';
  if (sec === 1) return '1 second';
  if (sec < 60) return `${sec} seconds`;
  const m = Math.floor(sec / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(sec / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}
