/**
 * Rule: a table whose first column names things (flag, mode, driver, port) and whose other columns
 * say something about each (meaning, behaviour, scope) gives, per row and column, a single choice
 * "Which <first header> has this <header>: <cell>?" with the other rows' names as distractors, and
 * the reverse "What is the <header> of <name>?" with the other rows' cells as distractors. Needs
 * three rows or more; cells that repeat within a column are not asked (they tell nothing apart).
 */
import type { Table } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { decapitalise, inlineMarkdown, normalise, pick, plainText, singular } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';

function header(cell: string): string {
  return singular(plainText([{ type: 'text', value: cell.replace(/[`*]/g, '') }]).toLowerCase());
}

export function tableQuestions(state: NoteState, node: Table): void {
  const rows = node.children.map((r) => r.children.map((c) => inlineMarkdown(c.children).trim()));
  const [head, ...body] = rows;
  if (!head || head.length < 2 || body.length < 3) return;
  const names = body.map((r) => r[0] ?? '');
  if (names.some((n) => !n) || new Set(names.map(normalise)).size !== names.length) return;
  const key = header(head[0]);
  if (!key || key.split(' ').length > 3) return;
  for (let col = 1; col < head.length; col++) {
    const what = header(head[col]);
    if (!what || what.split(' ').length > 3) continue;
    const cells = body.map((r) => r[col] ?? '');
    const counts = new Map<string, number>();
    for (const c of cells) counts.set(normalise(c), (counts.get(normalise(c)) ?? 0) + 1);
    body.forEach((row, i) => {
      const cell = cells[i];
      if (!cell || counts.get(normalise(cell))! > 1 || /^[-–—]?$/.test(cell)) return;
      const name = names[i];
      const at = positionOf(node.children[i + 1]);
      const item = normalise(`${head.join('|')}\n${row.join('|')}`);
      const explanation = head.map((h, j) => `${h}: ${row[j] ?? ''}`).join('; ');
      const tags = [...tagsFor(state, `${row.join(' ')} ${head.join(' ')}`), 'domc'];
      // Which name has this cell?
      // "Used for" is a predicate, "Meaning" a noun.
      const predicate = /^(used|stored|set|run|what|when|how)\b|\b(for|by|to|in|on|with|at)$/i.test(what);
      const value = decapitalise(cell.replace(/\.$/, ''));
      const forward = predicate ? `Which ${key} is ${what} ${value}?` : `Which ${key} has this ${what}: ${value}?`;
      const wrongNames = pick(names.filter((n) => n !== name), 3, forward);
      emit(state, {
        type: 'single-choice',
        prompt: forward,
        choices: order([{ text: name, correct: true }, ...wrongNames.map((t) => ({ text: t, correct: false }))], forward),
        explanation,
        tags,
        at,
        item,
        rule: 'table-row',
      });
      // What is the cell of this name? (short cells only: long ones read badly as options)
      if (cells.some((c) => c.split(/\s+/).length > 12)) return;
      const reverse = predicate ? `What is ${name} (${key}) ${what}?` : `What is the ${what} of ${name} (${key})?`;
      const wrongCells = pick(cells.filter((c, j) => j !== i && c && normalise(c) !== normalise(cell)), 3, reverse);
      if (wrongCells.length < 2) return;
      emit(state, {
        type: 'single-choice',
        prompt: reverse,
        choices: order([{ text: cell, correct: true }, ...wrongCells.map((t) => ({ text: t, correct: false }))], reverse),
        explanation,
        tags,
        at,
        item,
        rule: 'table-column',
      });
    });
  }
}
