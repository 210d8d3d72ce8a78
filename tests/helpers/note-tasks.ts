/**
 * Shared checks for notes compiled in a test folder: load every `.md` of a folder, and assert that
 * each generated command task is judged by the checker (its reference passes, doing nothing fails).
 */
import fs from 'node:fs';
import path from 'node:path';
import { check, startTask } from '@/lib/cli';
import type { Question } from '@/lib/qbank';

/** The notes of a folder, sorted by file name, as compile() inputs. */
export function notesIn(dir: string): { path: string; content: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: f, content: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** One `it.each` pair per command task: the reference runs and passes, an empty answer fails. */
export function itJudgesEveryTask(questions: Question[]): void {
  const tasks = questions.filter((q) => q.type === 'command').map((q) => ({ where: `${q.source.file}:${q.source.line}`, q }));
  it.each(tasks)('$where: the reference solution runs and passes the checker', ({ q }) => {
    const cmd = q.command!;
    const lab = startTask({ nodes: cmd.nodes, setup: [] });
    for (const line of [...cmd.setup, ...cmd.solutions[0]]) expect([line, lab.run(line).exitCode]).toEqual([line, 0]);
    for (const sol of cmd.solutions) expect(check(cmd, sol)).toMatchObject({ correct: true });
  });

  it.each(tasks)('$where: an empty answer is judged wrong', ({ q }) => {
    expect(check(q.command!, []).correct).toBe(false);
  });
}
