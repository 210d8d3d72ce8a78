/**
 * The lab diagram's model (issue 14): a busy three-node swarm drawn as lanes per node, tasks
 * grouped by service, ingress ports on the routing mesh, host-mode ports on their tasks, and
 * the endpoints Docker adds by itself on docker_gwbridge.
 */
import { createLab } from '@/lib/cli';
import { toDiagram } from '@/components/lab/diagram-model';
import { BUSY_LAB, BUSY_NODES } from '../e2e/fixtures/busy-lab';

function busy() {
  const lab = createLab({ nodes: [...BUSY_NODES] });
  for (const [node, line] of BUSY_LAB) {
    const r = lab.run(line, node);
    if (r.exitCode !== 0) throw new Error(`${node}$ ${line}: ${r.stderr}`);
  }
  return lab;
}

describe('lab diagram model', () => {
  const model = toDiagram(busy().view(), 'worker1');

  it('has one lane per node, in order, with roles and the terminal node', () => {
    expect(model.lanes.map((l) => [l.node, l.role])).toEqual([
      ['manager1', 'manager'],
      ['worker1', 'worker'],
      ['worker2', 'worker'],
    ]);
    expect(model.node).toBe('worker1');
    expect(model.counts).toMatchObject({ containers: 12, nodes: 3 });
  });

  it('groups tasks by service with short labels, plain containers last', () => {
    const m1 = model.lanes[0];
    expect(m1.groups.map((g) => g.service)).toEqual(['web', 'api', 'metrics', null]);
    expect(m1.groups[0].containers.map((c) => c.label)).toEqual(['web.1']);
    expect(m1.groups[0].containers[0].name).toMatch(/^web\.1\.[a-z0-9]+$/);
    expect(m1.groups.at(-1)!.containers.map((c) => c.label)).toEqual(['probe', 'cache', 'ingress-sbox']);
  });

  it('puts ingress ports on the routing mesh and host-mode ports on each task', () => {
    expect(model.mesh).toEqual([{ published: 8080, target: 80, protocol: 'tcp', service: 'web' }]);
    for (const lane of model.lanes) {
      const metrics = lane.groups.find((g) => g.service === 'metrics')!.containers[0];
      expect(metrics.ports.map((p) => p.text)).toEqual(['9100→9100']);
    }
    const web = model.services.find((s) => s.name === 'web')!;
    expect(web.ports).toEqual([{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }]);
    expect(web.state).toBe('3/3 running');
    expect(model.services.find((s) => s.name === 'metrics')!.state).toBe('global, 3 running');
  });

  it('draws docker_gwbridge endpoints for overlay-attached containers and each ingress-sbox', () => {
    const web1 = model.lanes[0].groups[0].containers[0];
    expect(web1.endpoints.map((e) => [e.network, !!e.derived])).toEqual([
      ['ingress', false],
      ['frontend', false],
      ['docker_gwbridge', true],
    ]);
    const probe = model.lanes[0].groups.at(-1)!.containers.find((c) => c.label === 'probe')!;
    expect(probe.endpoints.map((e) => e.network)).toEqual(['tools']);
    const gw = model.networks.find((n) => n.name === 'docker_gwbridge')!;
    expect(gw.endpoints).toBeGreaterThanOrEqual(3 + 5);
  });

  it('lists swarm networks once and local ones per lane (host and none only when used)', () => {
    expect(model.networks.filter((n) => n.kind === 'swarm').map((n) => n.name).sort()).toEqual(['backend', 'frontend', 'ingress']);
    expect(model.lanes[1].networks).toEqual(['bridge', 'docker_gwbridge', 'local-db']);
    expect(model.lanes[0].networks).toContain('tools');
    expect(model.lanes[0].networks).not.toContain('host');
  });

  it('draws a single host without swarm bands', () => {
    const lab = createLab();
    lab.run('docker run -d --name web -p 8080:80 nginx');
    const m = toDiagram(lab.view(), 'host');
    expect(m.swarm).toBe(false);
    expect(m.mesh).toEqual([]);
    expect(m.lanes).toHaveLength(1);
    expect(m.lanes[0].groups[0].containers.map((c) => [c.label, c.ports.map((p) => p.text)])).toEqual([['web', ['8080→80']]]);
  });
});
