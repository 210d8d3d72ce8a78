/** Go's text/tabwriter as docker/cli configures it (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`). */

/** Printable ASCII only: one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a string (code points; East Asian wide characters count 2 as go-runewidth does). */
function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
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

type Cell = { text: string; width: number };

/**
 * Go's text/tabwriter as docker/cli configures it: `NewWriter(out, minwidth 10, tabwidth 1, padding 3, ' ', 0)`.
 * Cells are tab-terminated; the last cell of a line is not part of a column; a line without tabs ends a column
 * block. Every column is as wide as its widest cell plus 3, and at least 10.
 * @param text lines separated by '\n', cells by '\t'
 */
export function tabwriteText(text: string, minwidth = 10, padding = 3): string {
  const rawLines = text.split('\n');
  const out: string[] = [];
  let block: Cell[][] = [];
  const last = rawLines.length - 1;
  for (let idx = 0; idx <= last; idx++) {
    const l = rawLines[idx];
    const texts = l.split('\t');
    const cells: Cell[] = new Array(texts.length);
    for (let j = 0; j < texts.length; j++) cells[j] = { text: texts[j], width: displayWidth(texts[j]) };
    if (idx === last) {
      // The text after the last newline is formatted with its block but written without a newline.
      if (l !== '') block.push(cells);
      if (block.length) formatBlock(block, minwidth, padding, out, l === '');
      break;
    }
    block.push(cells);
    // A line with a single cell cannot affect later columns: tabwriter flushes there.
    if (cells.length === 1) {
      formatBlock(block, minwidth, padding, out, true);
      block = [];
    }
  }
  return out.join('');
}

/** tabwriter's `format`: recursively finds column blocks and their widths, then writes the lines. */
function formatBlock(lines: Cell[][], minwidth: number, padding: number, out: string[], newlineAtEnd: boolean): void {
  const widths: number[] = [];
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      let s = '';
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length && widths[j] > c.width) s += ' '.repeat(widths[j] - c.width);
      }
      out.push(s + (i + 1 < lines.length || newlineAtEnd ? '\n' : ''));
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + padding;
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
}

/**
 * Aligns rows of cells into docker's table layout (each row's cells joined by tabs, through `tabwriteText`).
 * @param rows rows of cells; the header row first
 * @returns the table text, each line ending in '\n'
 */
export function tabwrite(rows: string[][]): string {
  return tabwriteText(rows.map((r) => r.join('\t')).join('\n') + (rows.length ? '\n' : ''));
}
