/** docker/cli's formatter helpers around a `--format` value (cli/command/formatter/formatter.go). */
import { renderTemplate } from './template';

/** True when a `--format` value asks for a table (`table` or `table ...`), as docker's `Format.IsTable`. */
export function isTableFormat(format: string): boolean {
  return format.startsWith('table');
}

/**
 * docker/cli's `Format.templateString`: strips a `table` prefix, trims spaces, and turns the two-character
 * sequences `\t` and `\n` into a tab and a newline.
 * @returns `table` (print a header row) and the template to execute per row
 */
export function parseTableFormat(format: string): { table: boolean; template: string } {
  const table = isTableFormat(format);
  if (format === 'table') return { table, template: '' };
  let out = table ? format.slice('table'.length) : format;
  out = out.replace(/^ +| +$/g, '');
  out = out.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { table, template: out };
}

/**
 * Renders a table's header row: the row template executed over the field -> header map with docker's
 * header functions (json, upper, ... pass their argument through).
 * @param template the row template (from `parseTableFormat`)
 * @param headers e.g. `{ ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE' }`
 */
export function renderTableHeader(template: string, headers: Record<string, string>): string {
  try {
    return renderTemplate(template, headers, { header: true });
  } catch {
    // docker ignores header rendering errors
    return '';
  }
}
