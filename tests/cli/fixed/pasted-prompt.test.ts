/**
 * A learner pastes a line from notes or docs with its prompt: `$ docker network create appnet`. The checker reads
 * a session line's prompt as syntax (`$ cmd`, `NODE$ cmd`), so it replayed the command, while the live terminal ran
 * the line as it stood and answered "$: command not found". The verdict then judged a command the learner saw fail.
 * The lab now reads a leading prompt the same way the checker does: a bare `$`, or one that names one of the lab's
 * nodes, is dropped and the command runs on the terminal's node. Live terminal and checker see the same thing.
 */
import { check, createLab, sessionLine, startTask } from '@/lib/cli';

describe('a pasted prompt runs the same command in the live lab and in the checker', () => {
  it('runs `$ cmd` and `host$ cmd` as the command on a one-node lab', () => {
    const lab = createLab({});
    expect(lab.run('$ docker network create appnet').exitCode).toBe(0);
    expect(lab.run('  host$   docker network ls --filter name=appnet -q').stdout.trim()).toMatch(/^[0-9a-f]{12}$/);
    expect(lab.run('$').exitCode).toBe(0);
  });

  it('gives the same verdict as what the terminal showed', () => {
    const task = { setup: [], solutions: [['docker network create appnet']], mode: 'state' as const };
    const lab = startTask(task);
    const typed = ['$ docker network create appnet'];
    const live = typed.map((l) => lab.run(l));
    expect(live[0].exitCode).toBe(0);
    expect(check(task, typed.map((l) => sessionLine(l, 'host', lab.nodes)))).toEqual({ correct: true, feedback: [] });
  });

  it('on a multi-node lab runs the command on the terminal node, as the recorded session replays it', () => {
    const nodes = ['manager1', 'worker1'];
    const task = { nodes, setup: ['docker swarm init'], solutions: [['docker network create -d overlay ov']], mode: 'state' as const };
    const lab = startTask(task);
    const line = 'worker1$ docker network create -d overlay ov';
    const live = lab.run(line, 'manager1');
    const verdict = check(task, [sessionLine(line, 'manager1', nodes)]);
    expect(live.exitCode).toBe(0);
    expect(verdict.correct).toBe(true);
  });

  it('leaves words that only look like prompts to the shell', () => {
    const lab = createLab({});
    expect(lab.run('nosuchnode$ docker ps').stderr).toMatch(/command not found/);
    expect(lab.run('echo $(docker network ls -q | wc -l)').stdout.trim()).toBe('3');
  });
});
