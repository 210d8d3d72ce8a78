import fs from 'node:fs';
import path from 'node:path';
import { createLab, restoreLab } from '@/lib/cli';

function lab(setup: string[] = []) {
  const l = createLab({ seed: 7 });
  for (const s of setup) l.run(s);
  return l;
}

describe('docker network ls', () => {
  it('matches the golden table (tabwriter padding 3, 12-char ids)', () => {
    const l = lab(['docker network create my-net', 'docker network create --driver bridge alpine-net']);
    const r = l.run('docker network ls');
    expect(r.exitCode).toBe(0);
    const golden = fs.readFileSync(path.join(__dirname, 'golden/network-ls.golden'), 'utf8');
    expect(r.stdout.replace(/^[0-9a-f]{12}/gm, 'ID__________')).toBe(golden);
  });
  it('filters, -q, --no-trunc and --format', () => {
    const l = lab(['docker network create --label env=dev dev', 'docker network create prod']);
    expect(l.run('docker network ls --filter label=env=dev --format "{{.Name}}"').stdout).toBe('dev\n');
    expect(l.run('docker network ls -f type=builtin --format "{{.Name}}"').stdout).toBe('bridge\nhost\nnone\n');
    expect(l.run('docker network ls -q -f name=prod').stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(l.run('docker network ls --no-trunc -q -f name=prod').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(l.run('docker network ls -f dangling=true --format "{{.Name}}"').stdout).toBe('dev\nprod\n');
    expect(l.run('docker network ls --format "table {{.Name}}\\t{{.Driver}}" -f name=dev').stdout).toBe('NAME      DRIVER\ndev       bridge\n');
  });
});

describe('docker network create', () => {
  it('allocates 172.18.0.0/16, then 172.19.0.0/16, gateway .1', () => {
    const l = lab(['docker network create a', 'docker network create b']);
    expect(l.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' a b").stdout).toBe(
      '172.18.0.0/16 172.18.0.1\n172.19.0.0/16 172.19.0.1\n',
    );
  });
  it('keeps user IPAM settings', () => {
    const l = lab(['docker network create --subnet 192.168.1.0/24 --ip-range 192.168.1.128/25 --gateway 192.168.1.250 --aux-address r=192.168.1.5 dev_net']);
    const j = JSON.parse(l.run('docker network inspect dev_net').stdout)[0];
    expect(j.IPAM.Config).toEqual([{ Subnet: '192.168.1.0/24', IPRange: '192.168.1.128/25', Gateway: '192.168.1.250', AuxiliaryAddresses: { r: '192.168.1.5' } }]);
    expect(Object.keys(j)).toEqual(['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
  });
  // command, stderr (exact), exit code
  const errors: [string[], string, string, number][] = [
    [[], 'docker network create -d overlay ov', 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n', 1],
    [['docker network create x'], 'docker network create x', 'Error response from daemon: network with name x already exists\n', 1],
    [[], 'docker network create --gateway 10.1.1.1 x', 'every ip-range or gateway must have a corresponding subnet\n', 1],
    [[], 'docker network create --subnet 10.1.0.0/16 --gateway 10.2.0.1 x', 'no matching subnet for gateway 10.2.0.1\n', 1],
    [[], 'docker network create --subnet 10.1.0.0/16 --subnet 10.1.2.0/24 x', 'multiple overlapping subnet configuration is not supported\n', 1],
    [[], 'docker network create --subnet 10.1.0.1/16 x', 'Error response from daemon: invalid network config:\ninvalid subnet 10.1.0.1/16: it should be 10.1.0.0/16\n', 1],
    [['docker network create --subnet 10.9.0.0/16 a'], 'docker network create --subnet 10.9.1.0/24 b', 'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n', 1],
    [[], 'docker network create -d host h2', 'Error response from daemon: only one instance of "host" network is allowed\n', 1],
    [[], 'docker network create -d nosuch x', 'Error response from daemon: plugin "nosuch" not found\n', 1],
    [[], 'docker network create --foo x', "unknown flag: --foo\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n", 125],
    [[], 'docker network create --gateway abc --subnet 10.0.0.0/8 x', '', 125],
  ];
  it.each(errors)('%s + %s', (setup, cmd, stderr, code) => {
    const l = lab(setup);
    const before = l.serialize();
    const r = l.run(cmd);
    expect(r.exitCode).toBe(code);
    if (stderr) expect(r.stderr).toBe(stderr);
    // a failed command leaves the engine unchanged (apart from the clock)
    expect(JSON.parse(l.serialize()).nodes).toEqual(JSON.parse(before).nodes);
  });
});

describe('docker network rm / prune / connect / disconnect', () => {
  it('refuses predefined networks and networks in use', () => {
    const l = lab(['docker network create n', 'docker run -d --name web --network n nginx']);
    expect(l.run('docker network rm bridge').stderr).toBe('Error response from daemon: bridge is a pre-defined network and cannot be removed\n');
    const r = l.run('docker network rm n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error response from daemon: error while removing network: network n has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)\n$/);
    expect(l.run('docker network rm nosuch').stderr).toBe('Error response from daemon: network nosuch not found\n');
    l.run('docker rm -f web');
    expect(l.run('docker network remove n')).toEqual({ stdout: 'n\n', stderr: '', exitCode: 0 });
  });
  it('prune removes exactly the unused user-defined networks', () => {
    const l = lab(['docker network create used', 'docker network create unused', 'docker run -d --name w --network used nginx']);
    expect(l.run('docker network prune -f').stdout).toBe('Deleted Networks:\nunused\n');
    expect(l.run('docker network ls --format "{{.Name}}"').stdout).toBe('bridge\nhost\nnone\nused\n');
  });
  it('connect/disconnect with aliases and static IPs', () => {
    const l = lab(['docker network create --subnet 10.5.0.0/24 n', 'docker run -dit --name a alpine']);
    expect(l.run('docker network connect --alias db --ip 10.5.0.50 n a').exitCode).toBe(0);
    expect(l.run("docker inspect -f '{{json .NetworkSettings.Networks.n.Aliases}} {{.NetworkSettings.Networks.n.IPAddress}}' a").stdout).toBe('["db"] 10.5.0.50\n');
    expect(l.run('docker network connect n a').stderr).toBe('Error response from daemon: endpoint with name a already exists in network n\n');
    l.run('docker run -dit --name b --network n alpine');
    expect(l.run('docker network connect --alias x bridge b').stderr).toContain('network-scoped aliases are only supported for user-defined networks');
    expect(l.run('docker network connect host a').stderr).toBe('Error response from daemon: cannot connect container to host network - container must be created in host network mode\n');
    l.run('docker network create auto');
    expect(l.run('docker network connect --ip 172.19.0.9 auto a').stderr).toBe('Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets\n');
    expect(l.run('docker network disconnect n a').exitCode).toBe(0);
    expect(l.run('docker network disconnect n a').stderr).toMatch(/is not connected to network n/);
  });
});

describe('lab', () => {
  it('serializes and restores', () => {
    const l = lab(['docker network create n', 'docker run -d --name web --network n -p 8080:80 nginx']);
    const r = restoreLab(l.serialize());
    expect(r.run('docker port web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect(r.run('docker network ls -q').stdout).toBe(l.run('docker network ls -q').stdout);
  });
  it('never throws on hostile input', () => {
    const l = lab();
    for (const s of ['', '   ', '"', "docker network create '", 'x'.repeat(100000), 'docker network ls --format "{{"', 'docker inspect -f "{{.Nope}}" bridge', 'docker -H nowhere ps', 'docker', 'docker network']) {
      const r = l.run(s);
      expect(typeof r.exitCode).toBe('number');
    }
  });
});
