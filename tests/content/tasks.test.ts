/**
 * Every command task works on the simulator:
 * - its setup and each reference solution run without a single failing command (a reference that
 *   errors would make the checker compare two unchanged labs and accept anything);
 * - each reference solution is judged correct against every other one (solution i as the only
 *   reference, solution j as the answer);
 * - doing nothing is judged wrong.
 * A failure names the task by its source line: wrong content or a simulator bug, never hidden.
 */
import { check, createLab } from '@/lib/cli';
import type { Command } from '@/lib/qbank';
import { deckQuestions } from './bank';

const tasks = deckQuestions()
  .filter((q) => q.type === 'command')
  .map((q) => ({ where: `${q.source.file}:${q.source.line}`, cmd: q.command! }));

/** Run setup then `lines` on a fresh lab; return every failing line with its stderr. */
function failures(cmd: Command, lines: string[]): string[] {
  const lab = createLab({ nodes: cmd.nodes, seed: 4242 });
  const out: string[] = [];
  for (const [phase, list] of [['setup', cmd.setup], ['solution', lines]] as const) {
    for (const line of list) {
      const r = lab.run(line);
      if (r.exitCode !== 0) out.push(`${phase}: ${line} -> ${r.stderr.trim().split('\n')[0]}`);
    }
  }
  return out;
}

const solutions = tasks.flatMap((t) => t.cmd.solutions.map((lines, i) => ({ ...t, i, lines })));
const pairs = tasks.flatMap((t) =>
  t.cmd.solutions.flatMap((_, i) => t.cmd.solutions.map((answer, j) => ({ ...t, i, j, answer }))),
);

describe('command tasks', () => {
  it('number at least 40, with multi-node swarm tasks among them', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(40);
    expect(tasks.filter((t) => (t.cmd.nodes?.length ?? 0) >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it.each(solutions)('$where: setup and solution $i run without errors', ({ cmd, lines }) => {
    expect(failures(cmd, lines)).toEqual([]);
  });

  it.each(pairs)('$where: solution $j passes against reference $i', ({ cmd, i, answer }) => {
    // the whole result is compared so a failure shows the checker's feedback
    expect(check({ ...cmd, solutions: [cmd.solutions[i]] }, answer)).toMatchObject({ correct: true });
  });

  it.each(tasks)('$where: an empty answer is judged wrong', ({ cmd }) => {
    expect(check(cmd, []).correct).toBe(false);
  });

});
