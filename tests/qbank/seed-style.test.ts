/**
 * Notes written for this test in the seed author's layout (numbered bullet facts with bold terms,
 * `####` banner blocks of `# description; options: ...` over a usage line, commented commands, doc
 * links under headings) on the topics the seed does not cover: swarm, storage, images, security,
 * the enterprise products (issue 13, section 3: generation on notes it was never tuned on).
 * They compile with no error, yield a floor of questions per note, and every command task they give
 * is judged by the checker: its reference solution passes, doing nothing fails.
 */
import path from 'node:path';
import { compile } from '@/lib/qbank';
import { itJudgesEveryTask, notesIn } from '../helpers/note-tasks';

const dir = path.join(__dirname, 'fixtures', 'seed-style');
const notes = notesIn(dir);
const result = compile(notes);
const tasks = result.bank.questions.filter((q) => q.type === 'command');

describe('notes in the seed author style, on other topics', () => {
  it('are five notes that compile with no error and no consistency error', () => {
    expect(notes.length).toBe(5);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('yield at least 14 questions per note and 140 in all', () => {
    for (const deck of result.bank.decks) expect([deck.id, deck.questionCount >= 14]).toEqual([deck.id, true]);
    expect(result.bank.questions.length).toBeGreaterThanOrEqual(140);
  });

  it('give command tasks (swarm, service, node, secret)', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(5);
  });

  itJudgesEveryTask(result.bank.questions);
});
