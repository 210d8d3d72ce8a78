/**
 * Every command task works on the simulator:
 * - its setup and each reference solution run without a single failing command (a reference that
 *   errors would make the checker compare two unchanged labs and accept anything);
 * - each reference solution is judged correct against every other one (solution i as the only
 *   reference, solution j as the answer), except an output task's other honest forms of the answer
 *   (ALT_FORMS, after a look: `docker port web` prints the mapping as `80/tcp -> 0.0.0.0:8080`);
 *   those must be judged correct against the whole task and print what the first solution does not;
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

/**
 * Output-task solutions that print another honest form of the answer (the checker accepts output
 * matching any solution's), keyed "file:line solution command". Not interchangeable with the others.
 */
const ALT_FORMS = new Set<string>([
  'net-dns.md:352 docker exec resolver cat /etc/resolv.conf',
  'net-dns.md:352 docker exec resolver grep nameserver /etc/resolv.conf',
  'net-dns.md:352 docker exec resolver grep ^nameserver /etc/resolv.conf',
  'net-ports.md:418 docker port web',
  "net-ports.md:458 docker network inspect appnet -f '{{range .Containers}}{{.IPv4Address}}{{end}}'",
  "net-traffic.md:384 docker node inspect self -f '{{.ManagerStatus.Addr}}'",
  'net-troubleshooting.md:412 docker logs -t probe',
]);
const altForm = (where: string, lines: string[]) => ALT_FORMS.has(`${where} ${lines.join(' ; ')}`);

const solutions = tasks.flatMap((t) => t.cmd.solutions.map((lines, i) => ({ ...t, i, lines })));
const pairs = tasks.flatMap((t) =>
  t.cmd.solutions.flatMap((ref, i) => t.cmd.solutions.map((answer, j) => ({ ...t, i, j, answer, alt: altForm(t.where, ref) || altForm(t.where, answer) }))),
);
const altSolutions = solutions.filter((s) => altForm(s.where, s.lines));

describe('command tasks', () => {
  it('number at least 40, with multi-node swarm tasks among them', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(40);
    expect(tasks.filter((t) => (t.cmd.nodes?.length ?? 0) >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it.each(solutions)('$where: setup and solution $i run without errors', ({ cmd, lines }) => {
    expect(failures(cmd, lines)).toEqual([]);
  });

  it.each(pairs.filter((p) => !p.alt))('$where: solution $j passes against reference $i', ({ cmd, i, answer }) => {
    // the whole result is compared so a failure shows the checker's feedback
    expect(check({ ...cmd, solutions: [cmd.solutions[i]] }, answer)).toMatchObject({ correct: true });
  });

  it('ALT_FORMS names only solutions that exist, of output tasks', () => {
    const known = new Set(solutions.filter((s) => s.cmd.mode === 'output').map((s) => `${s.where} ${s.lines.join(' ; ')}`));
    expect([...ALT_FORMS].filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(altSolutions)('$where: solution $i (another form) passes against the task, and is not what the first solution prints', ({ cmd, lines }) => {
    expect(check(cmd, lines)).toMatchObject({ correct: true });
    expect(check({ ...cmd, solutions: [cmd.solutions[0]] }, lines).correct).toBe(false);
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
