/**
 * Command-line validation for command tasks (setup and solution lines), through the simulator's
 * engine-free `validateCommand` (lib/cli, entered through its index).
 *
 * A line the simulator rejects (bad flags, wrong argument count, shell syntax) is an error. A command
 * the simulator does not model (volumes, stacks, secrets, ...: it models Docker networking) is let
 * through: that is not the note author's fault, and such a line never becomes a command task (the
 * generators ask for it as a recall question instead, see runsInSimulator).
 */
import { check, createLab, validateCommand, type CheckTask } from '../cli';

export interface LineProblem {
  message: string;
  /** True when the problem should not fail the build. */
  warning?: boolean;
}

/** Check one shell line of a task; undefined when the simulator accepts it. */
export function validateLine(line: string): LineProblem | undefined {
  // `docker -H node ...` picks the node in multi-node labs, and `$(...)` (a join token) is only known
  // when the lab runs: validate the command around them.
  const outer = line.replace(/\$\([^()]*\)/g, 'substituted').replace(/\bdocker\s+(?:-H|--host)(?:\s+|=)\S+/g, 'docker');
  const r = validateCommand(outer);
  if (r.ok) return undefined;
  return /unknown command/.test(r.message) ? undefined : { message: r.message };
}

/**
 * Does `solution` run after `setup` on a fresh simulator lab with no failing command? A generated
 * command task whose reference fails cannot be judged, so the compiler never emits one.
 */
export function runsInSimulator(setup: string[], solution: string[]): boolean {
  const lab = createLab({ seed: 4242 });
  for (const line of [...setup, ...solution]) {
    if (lab.run(line).exitCode !== 0) return false;
  }
  return true;
}

/**
 * Can the checker tell a right answer from doing nothing? Every reference solution must pass and an
 * empty answer must fail: a command that changes nothing the checker compares (`docker swarm
 * join-token -q manager` in state mode) would accept any answer.
 */
export function judgedBySimulator(task: CheckTask): boolean {
  return task.solutions.every((sol) => check(task, sol).correct) && !check(task, []).correct;
}
