/**
 * Output tasks whose reference prints a table (`docker network ls`, `docker ps`, `docker node ls`):
 * another honest form of the answer shows the same facts in another layout. A learner's output is a
 * projection of the reference table when
 * - every line but one optional header line (`--format 'table ...'`) is one row of the table,
 *   every row is there once and no other line is (rows in any order);
 * - each line is a sequence of whole cells of its row (columns in any order, each at most once), or a
 *   JSON object (`--format json`) among whose values the row's cells are;
 * - it keeps the columns the task asks for: `columns` (each entry one header, or alternatives
 *   `NETWORK ID|NAME` of which one is enough), or every column when the task names none.
 * Cells are compared word by word as the whole-output check compares them (IDs by what they refer to).
 */

/** A docker table as printed: header names and, per row, the cell texts (in column order). */
export interface Table {
  headers: string[];
  rows: string[][];
}

const HEADER_NAME = /^[A-Z][A-Z0-9]*(?: [A-Z0-9]+)*$/;
const tokens = (s: string) => s.split(/\s+/).filter(Boolean);

/** The table a command printed, or null when its output is not a docker table (header + rows, columns aligned). */
export function parseTable(text: string): Table | null {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length < 2) return null;
  const header = lines[0].replace(/\s+$/, '');
  const headers = header.split(/\s{2,}|\t/).map((h) => h.trim());
  if (headers.length < 2 || !headers.every((h) => HEADER_NAME.test(h))) return null;
  const starts: number[] = [];
  let at = 0;
  for (const h of headers) {
    const i = header.indexOf(h, at);
    if (i < 0) return null;
    starts.push(i);
    at = i + h.length;
  }
  const rows = lines.slice(1).map((l) => starts.map((s, i) => l.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim()));
  return { headers, rows };
}

/** Two printed words are the same (the checker's comparison: text, or IDs of one object). */
export type SameWord = (mine: string, want: string) => boolean;

/** Column indexes of the required entries (each a set of alternatives); unknown headers are ignored. */
function required(t: Table, columns: readonly string[] | undefined): number[][] {
  if (!columns?.length) return t.headers.map((_, i) => [i]);
  return columns.map((c) => c.split('|').map((h) => t.headers.indexOf(h.trim())).filter((i) => i >= 0)).filter((alts) => alts.length);
}

const covers = (shown: Set<number>, row: string[], req: number[][]) => req.every((alts) => alts.some((i) => shown.has(i) || !row[i]));

/**
 * The columns a line shows, as whole cells of `row` in any order, covering `req` when it can (a word
 * may be two cells' text: `bridge bridge`), or null when it is not such a line.
 */
function cellsShown(line: string[], row: string[], req: number[][], same: SameWord): Set<number> | null {
  const cells = row.map(tokens);
  const used = new Set<number>();
  let first: Set<number> | null = null;
  const walk = (pos: number): boolean => {
    if (pos === line.length) {
      first ??= new Set(used);
      return covers(used, row, req);
    }
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (used.has(c) || !cell.length || pos + cell.length > line.length) continue;
      if (!cell.every((w, k) => same(line[pos + k], w))) continue;
      used.add(c);
      if (walk(pos + cell.length)) return true;
      used.delete(c);
    }
    return false;
  };
  if (!line.length) return null;
  return walk(0) ? used : first;
}

/** Whether a header line of the learner's `table` format: only the reference's header words. */
function isHeader(line: string[], t: Table): boolean {
  const words = new Set(t.headers.flatMap(tokens));
  return line.length > 0 && line.every((w) => words.has(w));
}

/**
 * The columns of `row` a JSON line (`--format json`, `{{json .}}`) shows: a cell is shown when some
 * value of the object is that text. Null when the line is no JSON object.
 */
function jsonShown(raw: string, row: string[], same: SameWord): Set<number> | null {
  if (!raw.startsWith('{')) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
  const values = Object.values(obj).filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => tokens(String(v)));
  const shown = new Set<number>();
  row.forEach((cell, i) => {
    const want = tokens(cell);
    if (want.length && values.some((v) => v.length === want.length && v.every((w, k) => same(w, want[k])))) shown.add(i);
  });
  return shown.size ? shown : null;
}

/**
 * Whether `mine` shows the asked columns of every row of `want` and nothing else.
 * @returns null when it does, else the reason (which rows or columns are missing; '' when no line is a row of it)
 */
export function projectionGap(mine: string, want: Table, columns: readonly string[] | undefined, same: SameWord): string | null {
  const req = required(want, columns);
  let raws = mine.split('\n').map((l) => l.trim()).filter(Boolean);
  // one header line (a `table` format; after `| sort` it need not come first)
  const h = raws.findIndex((l) => isHeader(tokens(l), want));
  if (h >= 0) raws = [...raws.slice(0, h), ...raws.slice(h + 1)];
  const free = new Set(want.rows.map((_, i) => i));
  const lacking = new Set<number>();
  let strays = 0;
  for (const raw of raws) {
    const line = tokens(raw);
    let placed = false;
    let missing: number[][] | null = null; // the asked columns the closest row lacks
    for (const r of free) {
      const shown = jsonShown(raw, want.rows[r], same) ?? cellsShown(line, want.rows[r], req, same);
      if (!shown) continue;
      if (covers(shown, want.rows[r], req)) {
        free.delete(r);
        placed = true;
        break;
      }
      // the closest row: fewest asked columns lacking, and the line names it (its first asked column shown)
      const m = req.filter((alts) => !alts.some((i) => shown.has(i)));
      const score = (x: number[][]) => x.length * 2 + (x.includes(req[0]) ? 1 : 0);
      if (!missing || score(m) < score(missing)) missing = m;
    }
    if (placed) continue;
    for (const alts of missing ?? []) lacking.add(alts[0]);
    strays++;
  }
  if (!strays && !free.size) return null;
  // a line of another command altogether: no reason about this table
  if (free.size === want.rows.length && !lacking.size) return '';
  const gaps: string[] = [];
  if (lacking.size) gaps.push(`your output lacks the ${[...lacking].map((i) => want.headers[i]).join(', ')} column${lacking.size > 1 ? 's' : ''}`);
  else if (strays) gaps.push(`${strays} line${strays > 1 ? 's' : ''} of your output ${strays > 1 ? 'are' : 'is'} no row of the expected table`);
  if (free.size && !lacking.size) {
    const name = want.headers.indexOf('NAME');
    const key = name >= 0 ? name : (req[0]?.[0] ?? 0);
    gaps.push(`your output misses ${[...free].map((r) => want.rows[r][key] || '(empty)').join(', ')}`);
  }
  return gaps.join('; ');
}
