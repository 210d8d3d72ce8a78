/** Go's text/tabwriter as docker/cli configures it (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`). */

/** Display width of a string (code points; East Asian wide characters count 2 as go-runewidth does). */
function displayWidth(s: string): number {
  let i = 0;
  // printable ASCII (the common case): one column per character
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) break;
    i++;
  }
  if (i === s.length) return s.length;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n >= 64) return ' '.repeat(n);
  return (SPACES[n] ??= ' '.repeat(n));
}

/** A line's cells (split at tabs) and their display widths. */
type Line = { texts: string[]; widths: number[] };

/**
 * Go's text/tabwriter as docker/cli configures it: `NewWriter(out, minwidth 10, tabwidth 1, padding 3, ' ', 0)`.
 * Cells are tab-terminated; the last cell of a line is not part of a column; a line without tabs ends a column
 * block. Every column is as wide as its widest cell plus 3, and at least 10.
 * @param text lines separated by '\n', cells by '\t'
 */
export function tabwriteText(text: string, minwidth = 10, padding = 3): string {
  let out = '';
  let block: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const l = nl < 0 ? text.slice(pos) : text.slice(pos, nl);
    pos = nl + 1;
    const texts = l.split('\t');
    const widths: number[] = new Array(texts.length);
    for (let j = 0; j < texts.length; j++) widths[j] = displayWidth(texts[j]);
    const line = { texts, widths };
    if (nl < 0) {
      // The text after the last newline is formatted with its block but written without a newline.
      if (l !== '') block.push(line);
      if (block.length) out += formatBlock(block, minwidth, padding, l === '');
      break;
    }
    block.push(line);
    // A line with a single cell cannot affect later columns: tabwriter flushes there.
    if (texts.length === 1) {
      out += formatBlock(block, minwidth, padding, true);
      block = [];
    }
  }
  return out;
}

/** One line with the cells before `widths.length` padded to their column's width. */
function writeLine(line: Line, widths: readonly number[], newline: boolean): string {
  let s = '';
  const { texts } = line;
  for (let j = 0; j < texts.length; j++) {
    s += texts[j];
    if (j < widths.length && widths[j] > line.widths[j]) s += spaces(widths[j] - line.widths[j]);
  }
  return newline ? s + '\n' : s;
}

/** tabwriter's `format`: finds column blocks and their widths, then writes the lines. */
function formatBlock(lines: Line[], minwidth: number, padding: number, newlineAtEnd: boolean): string {
  // The common case, a table: every line has the same cells, but for a single-cell line that ends the
  // block. Then each column is one block over all those lines, and its width their widest cell's.
  const n = lines[0].texts.length;
  let rows = 0;
  while (rows < lines.length && lines[rows].texts.length === n) rows++;
  if (n > 1 && (rows === lines.length || (rows === lines.length - 1 && lines[rows].texts.length === 1))) {
    const widths: number[] = new Array(n - 1).fill(minwidth);
    for (let i = 0; i < rows; i++) {
      const w = lines[i].widths;
      for (let j = 0; j < n - 1; j++) if (w[j] + padding > widths[j]) widths[j] = w[j] + padding;
    }
    let out = '';
    for (let i = 0; i < lines.length; i++) out += writeLine(lines[i], i < rows ? widths : [], i + 1 < lines.length || newlineAtEnd);
    return out;
  }
  let out = '';
  const widths: number[] = [];
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) out += writeLine(lines[i], widths, i + 1 < lines.length || newlineAtEnd);
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].texts.length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.texts.length - 1) break;
        const w = line.widths[column] + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out;
}

/**
 * Aligns rows of cells into docker's table layout (each row's cells joined by tabs, through `tabwriteText`).
 * @param rows rows of cells; the header row first
 * @returns the table text, each line ending in '\n'
 */
export function tabwrite(rows: string[][]): string {
  return tabwriteText(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
}
