/**
 * Issue 13: `docker info -f '{{.Swarm.NodeAddr}}'` printed the whole `docker info` page, so the
 * net-traffic task that asks for the manager's advertised address rejected it although the
 * explanation points to `docker info`. `--format` now renders the SystemInfo fields it knows.
 */
import { check, createLab } from '@/lib/cli';

const nodes = ['manager1', 'worker1'];
const setup = ['docker swarm init --advertise-addr 10.0.0.11', 'docker -H worker1 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377'];

describe('docker info --format', () => {
  it.each([
    [`docker info -f '{{.Swarm.NodeAddr}}'`, '10.0.0.11\n'],
    [`docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'`, 'active true\n'],
    [`docker system info --format '{{.Name}}'`, 'manager1\n'],
  ])('%s', (line, out) => {
    const lab = createLab({ nodes });
    for (const l of setup) expect(lab.run(l, 'manager1').exitCode).toBe(0);
    expect(lab.run(line, 'manager1')).toMatchObject({ exitCode: 0, stdout: out });
  });

  it('says inactive outside a swarm', () => {
    const lab = createLab({});
    expect(lab.run(`docker info -f '{{.Swarm.LocalNodeState}}'`).stdout).toBe('inactive\n');
  });

  it('is accepted by the checker for the advertised-address task', () => {
    const task = { setup, solutions: [[`docker node inspect self -f '{{.Status.Addr}}'`]], mode: 'output' as const, nodes };
    expect(check(task, [`docker info -f '{{.Swarm.NodeAddr}}'`]).correct).toBe(true);
  });
});
