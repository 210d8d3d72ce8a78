import { check } from '@/lib/cli';

describe('check', () => {
  const task = {
    setup: ['docker network create --subnet 192.168.1.0/24 --gateway 192.168.1.1 other'],
    solutions: [['docker network create --subnet 192.168.1.0/24 --gateway 192.168.1.250 dev_overlay'.replace('192.168.1.0/24', '192.168.2.0/24').replace('192.168.1.250', '192.168.2.250')]],
    mode: 'state' as const,
  };
  it('accepts an equivalent answer spelt differently', () => {
    expect(check(task, ['docker network create --gateway=192.168.2.250 --subnet=192.168.2.0/24 -d bridge dev_overlay'])).toEqual({ correct: true, feedback: [] });
  });
  it('names each difference', () => {
    const r = check(task, ['docker network create --subnet 192.168.2.0/24 --gateway 192.168.2.1 dev_overlay']);
    expect(r.correct).toBe(false);
    expect(r.feedback).toEqual(['dev_overlay: gateway is 192.168.2.1, the task wants 192.168.2.250']);
  });
  it('reports missing objects and the errors the answer caused', () => {
    const r = check(task, ['docker network create --subnet 192.168.1.0/24 dev_overlay']);
    expect(r.correct).toBe(false);
    expect(r.feedback).toContain('network dev_overlay is missing');
    expect(r.feedback).toContain('Note: `docker network create --subnet 192.168.1.0/24 dev_overlay` failed: Error response from daemon: invalid pool request: Pool overlaps with other one on this address space');
  });
  it('compares containers: networks, aliases, ports (ephemeral host ports ignored)', () => {
    const t = {
      setup: ['docker network create my-net'],
      solutions: [['docker run -d --name my-nginx --network my-net --network-alias web -p 80 nginx'], ['docker run -d --name my-nginx --net my-net --net-alias web -P nginx']],
      mode: 'state' as const,
    };
    expect(check(t, ['docker create --name my-nginx --network my-net --network-alias web -p 80 nginx', 'docker start my-nginx']).correct).toBe(true);
    expect(check(t, ['docker run -d --name my-nginx -P nginx']).feedback).toContain('container my-nginx is not connected to my-net');
  });
  it('compares labels of services and containers (an Interlock service without its com.docker.lb.* labels is wrong)', () => {
    const t = {
      setup: ['docker swarm init', 'docker network create -d overlay lb'],
      solutions: [['docker service create --name app --network lb --label com.docker.lb.hosts=app.example.com --label com.docker.lb.port=80 nginx']],
      mode: 'state' as const,
    };
    expect(check(t, ['docker service create --label com.docker.lb.port=80 --label com.docker.lb.hosts=app.example.com --network lb --name app nginx']).correct).toBe(true);
    const r = check(t, ['docker service create --name app --network lb nginx']);
    expect(r.correct).toBe(false);
    expect(r.feedback.join('\n')).toMatch(/labels/);
    const c = { setup: [], solutions: [['docker run -d --name web -l tier=front nginx']], mode: 'state' as const };
    expect(check(c, ['docker run -d --label tier=front --name web nginx']).correct).toBe(true);
    expect(check(c, ['docker run -d --name web nginx']).correct).toBe(false);
  });
  it('output mode compares printed text with ids masked', () => {
    const t = { setup: ['docker network create a'], solutions: [['docker network ls --filter type=custom -q']], mode: 'output' as const };
    expect(check(t, ['docker network ls -q -f type=custom']).correct).toBe(true);
    expect(check(t, ['docker network ls']).correct).toBe(false);
  });
  it('never throws on junk', () => {
    expect(check({ setup: ['"'], solutions: [], mode: 'state' }, ['docker run --rm "']).correct).toBe(true);
    expect(check(null as never, null as never).correct).toBe(false);
  });
});
