// Regression (issue 15): check() restores a task's post-setup lab from a cache instead of replaying
// the setup. The restored lab must be the lab a fresh start gives, including what lives outside the
// serialized state (each daemon's event buffer: `docker events` printed nothing of the setup at first).
import { startTask } from '@/lib/cli';
import { startedLab } from '@/lib/cli/check';

const TASKS = [
  { setup: ['docker network create --subnet 192.168.1.0/24 other', 'docker run -d --name web -p 8080:80 nginx'], solutions: [], mode: 'state' as const },
  {
    nodes: ['manager', 'worker'],
    setup: ['docker swarm init --advertise-addr 10.0.0.11', 'docker network create -d overlay --attachable ov', 'docker run -dit --name c1 --network ov alpine'],
    solutions: [],
    mode: 'state' as const,
  },
];
const SESSION = [
  'docker events --since 0',
  'docker events',
  'docker network create app',
  'docker run -dit --name probe --network app alpine',
  'docker exec probe ping -c 1 probe',
  'docker network connect other probe',
  'docker ps -a',
  'docker network ls',
  'docker network inspect app',
  'docker events --since 0',
  'docker logs web',
  'docker rm -f probe',
];

describe('check(): the cached task start', () => {
  it.each(TASKS.map((t, i) => ({ i, t })))('task $i: a restored start runs every command exactly as a fresh start', ({ t }) => {
    startedLab(t, 1); // fill the cache
    for (const seed of [1, 7]) {
      const fresh = startTask(t, seed);
      const cached = startedLab(t, seed);
      for (const node of fresh.nodes)
        for (const line of SESSION) expect({ line, node, ...cached.run(line, node) }).toEqual({ line, node, ...fresh.run(line, node) });
      expect(cached.serialize()).toBe(fresh.serialize());
    }
  });

  it('gives a new lab each time (commands on one do not leak into the next)', () => {
    const a = startedLab(TASKS[0], 1);
    a.run('docker network create leak');
    expect(startedLab(TASKS[0], 1).run('docker network ls').stdout).not.toContain('leak');
  });
});
