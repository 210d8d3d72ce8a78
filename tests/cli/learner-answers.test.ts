/**
 * Issue 16 (h16x): the command checker's verdicts on what learners type, pinned. Output tasks:
 * other honest forms of the answer are accepted, wrong ones refused; state tasks: detours (a wrong
 * try removed and redone, pasted IDs) do not count against the learner. The cases are in
 * learner-answers.cases.ts; `<id:KIND:NAME>` is the ID the lab shows for that object when the
 * command is typed, as a learner pastes it from `docker ps` / `docker network ls`.
 */
import { check, startTask, splitSessionLine, type CheckTask } from '@/lib/cli';
import { loadBank } from '../content/bank';
import { OUTPUT_ANSWERS, STATE_ANSWERS, type LearnerAnswer } from './learner-answers.cases';

/** A command task of the bank compiled from content/, by id prefix (deck:item). */
function task(prefix: string): CheckTask {
  const q = loadBank().questions.find((x) => x.id.startsWith(prefix + ':'));
  if (!q || q.type !== 'command') throw new Error(`no command task ${prefix} in content/`);
  return q.command;
}

/** The session as typed: each `<id:KIND:NAME>` becomes the 12-character ID the live lab shows right then. */
function typed(t: CheckTask, answer: string[]): string[] {
  const lab = startTask(t);
  const out: string[] = [];
  for (const line of answer) {
    const resolved = line.replace(/<id:(container|network|node|service):([^>]+)>/g, (_, kind: string, name: string) => {
      const st = lab.engine.state;
      const id =
        kind === 'container'
          ? st.nodes.flatMap((n) => n.containers).find((c) => c.name === name)?.id
          : kind === 'network'
            ? [...st.nodes.flatMap((n) => n.networks), ...(st.swarm?.networks ?? [])].find((n) => n.name === name)?.id
            : kind === 'node'
              ? st.swarm?.nodes.find((n) => n.name === name)?.id
              : st.swarm?.services.find((s) => s.name === name)?.id;
      if (!id) throw new Error(`no ${kind} ${name} in the lab when typing: ${line}`);
      return id.slice(0, 12);
    });
    out.push(resolved);
    const s = splitSessionLine(resolved, lab.nodes);
    if (s) lab.run(s.command, s.node);
  }
  return out;
}

function verdicts(cases: LearnerAnswer[]) {
  it.each(cases.map((c) => [`${c.correct ? 'accepts' : 'refuses'} ${c.task}: ${c.answer.join(' ; ')}${c.why ? ` (${c.why})` : ''}`, c] as const))('%s', (_title, c) => {
    const t = task(c.task);
    const r = check(t, typed(t, c.answer));
    expect({ correct: r.correct, feedback: r.correct === c.correct ? [] : r.feedback }).toEqual({ correct: c.correct, feedback: [] });
  });
}

describe('output tasks: what learners print', () => verdicts(OUTPUT_ANSWERS));
describe('state tasks: detours learners take', () => verdicts(STATE_ANSWERS));
