/**
 * Notes written in other authors' styles (tests/fixtures/notes: a setext cheat sheet with tables and
 * trailing-comment commands, a security FAQ with one-line answers and bold-term paragraphs, a
 * numbered storage/images note with tables and `$ command` blocks) compile without an error, use
 * every new generator rule, and every command task they give is judged by the checker: its own
 * reference solution passes, doing nothing fails (issue 13, section 3).
 */
import path from 'node:path';
import { compile } from '@/lib/qbank';
import { itJudgesEveryTask, notesIn } from '../helpers/note-tasks';

const dir = path.join(__dirname, '..', 'fixtures', 'notes');
const notes = notesIn(dir);
const result = compile(notes);
const tasks = result.bank.questions.filter((q) => q.type === 'command');

describe('notes in other styles', () => {
  it('are at least three, each compiling to questions with no error', () => {
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const deck of result.bank.decks) expect(deck.questionCount).toBeGreaterThanOrEqual(8);
  });

  it('use every generator rule for these shapes', () => {
    const used = new Set(Object.values(result.rules));
    for (const rule of ['intro-list', 'term-choice', 'table-row', 'table-column', 'inline-answer', 'comparison', 'number-fact', 'paragraph-number', 'command-task', 'command-recall']) {
      expect([rule, used.has(rule)]).toEqual([rule, true]);
    }
  });

  it('give command tasks from commented commands, `$` blocks and lead-in sentences', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(8);
  });

  itJudgesEveryTask(result.bank.questions);
});
