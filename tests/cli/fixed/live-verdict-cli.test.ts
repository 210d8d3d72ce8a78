// Regression for issue 11 (`issues show 11`): `npm run sim -- check` judged answers on labs seeded
// differently from the live lab and the transcript mode, so a pasted join token was "invalid", and output
// tasks failed when any other command printed first.
// The same sessions as tests/cli/verdict.test.ts, through the CLI with --seed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-verdict-'));

function sim(args: string[], input = '') {
  const res = spawnSync(process.execPath, [TSX, 'scripts/sim.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60000 });
  return { stdout: res.stdout, stderr: res.stderr, status: res.status };
}
function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, lines.join('\n') + '\n');
  return p;
}
const verdict = (r: { stdout: string }) => JSON.parse(r.stdout) as { correct: boolean; feedback: string[] };

describe('sim check judges the whole live session with --seed', () => {
  const nodes = 'manager1,worker1,worker2';
  const setup = file('swarm-setup.sh', ['docker swarm init --advertise-addr 10.0.0.11']);
  const solution = file('swarm-solution.sh', [
    'docker -H worker1 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377',
    'docker -H worker2 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377',
  ]);

  it('a join token printed by a transcript with seed N, pasted into an answer checked with seed N, is accepted', () => {
    const shown = sim(['--nodes', nodes, '--seed', '7'], 'docker swarm init --advertise-addr 10.0.0.11\nmanager1$ docker swarm join-token worker\n');
    expect(shown.status).toBe(0);
    const [, token, addr] = /docker swarm join --token (\S+) (\S+)/.exec(shown.stdout.split('To add a worker').pop()!)!;
    const answer = file('swarm-answer.sh', [
      'manager1$ docker node ls',
      'manager1$ docker swarm join-token worker',
      `worker1$ docker swarm join --token ${token} ${addr}`,
      'worker2$ docker swarm jion',
      `worker2$ docker swarm join --token ${token} ${addr}`,
      'manager1$ docker node ls',
    ]);
    const ok = sim(['check', '--setup', setup, '--solution', solution, '--answer', answer, '--nodes', nodes, '--seed', '7']);
    expect(ok.status).toBe(0);
    expect(verdict(ok)).toEqual({ correct: true, feedback: [expect.stringMatching(/^Note: `docker swarm jion` failed/)] });
    // the same answer on another seed: the token is another lab's
    const other = verdict(sim(['check', '--setup', setup, '--solution', solution, '--answer', answer, '--nodes', nodes, '--seed', '8']));
    expect(other.correct).toBe(false);
    expect(other.feedback).toContain('node worker1 has not joined the swarm; the task wants it to join as a worker');
  });

  it('an output task with other output before and after, default seed', () => {
    const s = file('out-setup.sh', ['docker network create --subnet 10.5.0.0/24 net1']);
    const sol = file('out-solution.sh', ["docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' net1"]);
    const ans = file('out-answer.sh', ['docker network ls', "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' net1", 'docker ps']);
    const r = sim(['check', '--setup', s, '--solution', sol, '--answer', ans, '--mode', 'output']);
    expect(verdict(r)).toEqual({ correct: true, feedback: [] });
    const idSetup = file('id-setup.sh', ['docker run -d --name web nginx', 'docker run -d --name db nginx']);
    const idSol = file('id-solution.sh', ["docker inspect -f '{{.Id}}' web"]);
    const pastedOther = file('id-answer.sh', ['docker ps', 'docker ps -q -f name=db']);
    expect(verdict(sim(['check', '--setup', idSetup, '--solution', idSol, '--answer', pastedOther, '--mode', 'output', '--seed', '3'])).correct).toBe(false);
  });
});
