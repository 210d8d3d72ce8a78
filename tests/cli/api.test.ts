import * as api from '@/lib/cli';
import { createLab, restoreLab, validateCommand } from '@/lib/cli';

describe('lib/cli exports', () => {
  it('pins the public API', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_SEED', 'check', 'completeLine', 'createLab', 'readDockerLine', 'restoreLab', 'sessionLine', 'splitSessionLine', 'startTask', 'validateCommand', 'withoutBarePrompt']);
  });
});

describe('validateCommand', () => {
  const cases: [string, boolean][] = [
    ['docker network create -d bridge --subnet 10.1.0.0/16 net1', true],
    ['docker run -dit --name a --network net1 alpine ash', true],
    ['worker1$ docker swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377', true],
    ['docker network ls | grep bridge && echo ok', true],
    ['docker network create', false],
    ['docker network create --foo x', false],
    ['docker networks ls', false],
    ['docker network frob', false],
    ['docker run "unterminated', false],
  ];
  it.each(cases)('%s -> %s', (line, ok) => {
    expect(validateCommand(line).ok).toBe(ok);
  });
});

describe('view and restore', () => {
  it('describes nodes, networks, containers and services', () => {
    const lab = createLab({ nodes: ['m', 'w'] });
    lab.run('docker swarm init', 'm');
    lab.run('docker network create -d overlay --attachable o', 'm');
    lab.run('docker run -d --name web --network o -p 8080:80 nginx', 'm');
    lab.run('docker service create -d --name s --replicas 2 nginx', 'm');
    const v = JSON.parse(JSON.stringify(lab.view()));
    expect(v.nodes.map((n: { name: string; addr: string; swarmRole: string }) => [n.name, n.addr, n.swarmRole])).toEqual([
      ['m', '10.0.0.11', 'manager'],
      ['w', '10.0.0.12', null],
    ]);
    const web = v.nodes[0].containers.find((c: { name: string }) => c.name === 'web');
    expect(web.endpoints[0]).toMatchObject({ network: 'o', ip: '10.0.1.2' });
    expect(v.services[0]).toMatchObject({ name: 's', replicas: 2 });
    const again = restoreLab(lab.serialize());
    expect(again.view()).toEqual(lab.view());
    expect(() => restoreLab('{"nope":1}')).toThrow();
  });
  it('internal networks have no way out; --ipv4=false gives no address', () => {
    const lab = createLab();
    lab.run('docker network create --internal isolated');
    lab.run('docker run -dit --name i --network isolated alpine');
    expect(lab.run('docker exec i ping -c 1 google.com').stderr).toBe("ping: bad address 'google.com'\n");
    lab.run('docker network create --ipv4=false --ipv6 v6only');
    expect(lab.run("docker network inspect -f '{{.EnableIPv4}} {{.EnableIPv6}}' v6only").stdout).toBe('false true\n');
  });
});
