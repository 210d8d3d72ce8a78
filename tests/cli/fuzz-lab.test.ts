import fc from 'fast-check';
import { check, createLab } from '@/lib/cli';

const WORDS = ['docker', 'network', 'create', 'ls', 'rm', 'inspect', 'connect', 'disconnect', 'prune', 'run', 'ps', 'exec', 'port', '-d', '--driver', 'bridge', 'overlay', 'macvlan', '--subnet', '10.1.0.0/24', '172.30.0.0/16', '--gateway', '10.1.0.1', '--ip', '10.1.0.5', '-p', '8080:80', '-P', '--name', 'web', 'net1', 'nginx', 'alpine', '--network', '--format', '{{json .}}', '{{.Name}}', '-f', '-q', '--filter', 'name=net', '|', 'grep', 'wc', '-l', '&&', '||', ';', '$(', ')', '"', "'", '--alias', 'db', 'ping', '-c1', 'curl', 'swarm', 'init', 'service', 'node', '-it', 'sh', '-c', '--rm', '-H', 'host', 'nslookup'];
it('Lab.run never throws on random lines', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')), { maxLength: 6 }), (lines) => {
      const lab = createLab({ seed: 1 });
      for (const line of lines) {
        const r = lab.run(line);
        expect(Number.isInteger(r.exitCode)).toBe(true);
        expect(r.stderr).not.toMatch(/internal error/);
      }
    }),
    { seed: 7, numRuns: 300 },
  );
});

describe('hostile input through the lab stays bounded', () => {
  it.each<[string, string]>([
    ['huge line', 'docker network create ' + 'x'.repeat(1_000_000)],
    ['deep substitution', 'echo ' + '$('.repeat(10_000) + ')'.repeat(10_000)],
    ['runaway template', 'docker network ls --format "{{range 1000000000}}{{range 1000}}x{{end}}{{end}}"'],
    ['unbalanced quotes', 'docker network create "dev'],
    ['unsupported operators', 'docker network ls > /tmp/out & disown'],
  ])('%s', (_n, line) => {
    const lab = createLab({ seed: 1 });
    const before = JSON.stringify(lab.view());
    const start = performance.now();
    const r = lab.run(line);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).not.toBe('');
    expect(performance.now() - start).toBeLessThan(3000);
    expect(JSON.stringify(lab.view())).toBe(before);
  });
});

describe('the verdict on whole live sessions never throws', () => {
  const task = {
    setup: ['docker swarm init --advertise-addr 10.0.0.11', 'docker network create --subnet 10.1.0.0/24 net1'],
    solutions: [['docker run -d --name web --network net1 nginx'], ['docker network ls']],
    nodes: ['host', 'w1'],
  };
  const line = fc.tuple(fc.constantFrom('', 'w1$ ', 'host$ ', 'ghost$ ', '$ '), fc.array(fc.constantFrom(...WORDS), { maxLength: 10 })).map(([p, w]) => p + w.join(' '));
  it.each(['state', 'output'] as const)('%s tasks, sessions of up to 500 commands', (mode) => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 300, maxLength: 500 }), (session) => {
        const r = check({ ...task, mode }, session);
        expect(typeof r.correct).toBe('boolean');
        expect(r.feedback.every((f) => typeof f === 'string')).toBe(true);
        expect(r.feedback.join('\n')).not.toMatch(/checker could not run/);
      }),
      { seed: 11, numRuns: 6 },
    );
  });
});
