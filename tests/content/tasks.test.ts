/**
 * Every command task works on the simulator:
 * - its setup and each reference solution run without a single failing command (a reference that
 *   errors would make the checker compare two unchanged labs and accept anything);
 * - each reference solution is judged correct against every other one (solution i as the only
 *   reference, solution j as the answer);
 * - doing nothing is judged wrong;
 * - every other task's reference solution is judged wrong (a checker that accepts too much shows
 *   here), unless it does the same thing (listed in SAME_RESULT after a look).
 * A failure names the task by its source line: wrong content or a simulator bug, never hidden.
 */
import { check, startTask } from '@/lib/cli';
import type { Command } from '@/lib/qbank';
import { deckQuestions } from './bank';

const tasks = deckQuestions()
  .filter((q) => q.type === 'command')
  .map((q) => ({ where: `${q.source.file}:${q.source.line}`, cmd: q.command! }));

/** Run setup then `lines` on a fresh lab; return every failing line with its stderr. */
function failures(cmd: Command, lines: string[]): string[] {
  const out: string[] = [];
  const lab = startTask({ nodes: cmd.nodes, setup: [] });
  for (const [phase, list] of [['setup', cmd.setup], ['solution', lines]] as const) {
    for (const line of list) {
      const r = lab.run(line);
      if (r.exitCode !== 0) out.push(`${phase}: ${line} -> ${r.stderr.trim().split('\n')[0]}`);
    }
  }
  return out;
}

/** Pairs "task other" where the other task's solution really does what the task asks. */
const SAME_RESULT = new Set<string>([
  // its third solution ends with the disconnect this task asks for (the run and connect fail first)
  'net-bridge.md:395 net-bridge.md:317',
  // `docker rm -f web` fails on an empty lab, then the same `docker run -p 8080:80` follows
  'net-ports.md:329 net-troubleshooting.md:266',
]);

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

  it.each(tasks)("$where: other tasks' solutions are judged wrong", ({ where, cmd }) => {
    const accepted = tasks
      .filter((o) => o.where !== where && JSON.stringify(o.cmd.nodes ?? []) === JSON.stringify(cmd.nodes ?? []))
      .filter((o) => o.cmd.solutions.some((sol) => JSON.stringify(sol) !== JSON.stringify(cmd.solutions[0]) && check(cmd, sol).correct))
      .map((o) => o.where);
    expect(accepted.filter((o) => !SAME_RESULT.has(`${where} ${o}`))).toEqual([]);
  });

});
