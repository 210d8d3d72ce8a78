import { createLab } from '@/lib/cli';

describe('docker run / ps / port / exec', () => {
  it('publishes every -p form', () => {
    const lab = createLab({ seed: 9 });
    lab.run('docker run -d --name a -p 8080:80 -p 127.0.0.1:8081:80/udp -p 127.0.0.1::6379 -p 9000-9001:7000-7001 nginx');
    expect(lab.run('docker port a').stdout).toMatch(
      /^80\/tcp -> 0\.0\.0\.0:8080\n80\/tcp -> \[::\]:8080\n80\/udp -> 127\.0\.0\.1:8081\n6379\/tcp -> 127\.0\.0\.1:\d{5}\n7000\/tcp -> 0\.0\.0\.0:9000\n7000\/tcp -> \[::\]:9000\n7001\/tcp -> 0\.0\.0\.0:9001\n7001\/tcp -> \[::\]:9001\n$/,
    );
    // docker/cli DisplayablePorts order: by container port, then host IP
    expect(lab.run("docker ps --format '{{.Ports}}'").stdout).toMatch(
      /^0\.0\.0\.0:8080->80\/tcp, 127\.0\.0\.1:8081->80\/udp, \[::\]:8080->80\/tcp, 127\.0\.0\.1:\d+->6379\/tcp, 0\.0\.0\.0:9000->7000\/tcp, \[::\]:9000->7000\/tcp, 0\.0\.0\.0:9001->7001\/tcp, \[::\]:9001->7001\/tcp\n$/,
    );
    lab.run('docker run -d --name same -p 80:80 -p 81:81 nginx');
    expect(lab.run("docker ps -f name=same --format '{{.Ports}}'").stdout).toBe('0.0.0.0:80-81->80-81/tcp, [::]:80-81->80-81/tcp\n');
    const r = lab.run('docker run -d -p 8080:80 --name b nginx');
    expect(r.exitCode).toBe(125);
    expect(r.stderr).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/);
    expect(lab.run('docker port a 81').stderr).toBe("Error: No public port '81' published for a\n");
  });
  it('-P uses the image EXPOSE with ephemeral ports 32768-60999', () => {
    const lab = createLab({ seed: 9 });
    lab.run('docker run -d -P --name m mysql');
    const ports = lab.run('docker port m').stdout.match(/:(\d+)\n/g)!.map((x) => Number(x.slice(1, -1)));
    expect(ports).toHaveLength(4);
    for (const p of ports) expect(p >= 32768 && p <= 60999).toBe(true);
  });
  // command, stderr, exit
  const errors: [string[], string, string, number][] = [
    [[], 'docker run --network nosuch alpine', "docker: Error response from daemon: network nosuch not found\n\nRun 'docker run --help' for more information\n", 125],
    [['docker run -d --name x nginx'], 'docker run -d --name x nginx', 'docker: Error response from daemon: Conflict. The container name "/x" is already in use by container "', 125],
    [[], 'docker run --ip 172.17.0.9 alpine', 'docker: Error response from daemon: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only', 125],
    [['docker run -d --name x nginx'], 'docker rm x', 'Error response from daemon: cannot remove container "x": container is running: stop the container before removing or force remove\n', 1],
    [['docker create --name x nginx'], 'docker exec x ls', 'Error response from daemon: container ', 1],
    [[], 'docker run nosuchimage', "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n", 125],
    [[], 'docker ps --filter foo=bar', "Error response from daemon: invalid filter 'foo'\n", 1],
    [[], 'docker stop nosuch', 'Error response from daemon: No such container: nosuch\n', 1],
  ];
  it.each(errors)('%s %s', (setup, cmd, stderr, code) => {
    const lab = createLab({ seed: 9 });
    for (const s of setup) lab.run(s);
    const r = lab.run(cmd);
    expect(r.exitCode).toBe(code);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });
  it('embedded DNS on user-defined networks, /etc/hosts and links on the default bridge', () => {
    const lab = createLab();
    lab.run('docker network create n');
    lab.run('docker run -d --name web --network n --network-alias www nginx');
    lab.run('docker run -dit --name c --network n --dns 1.1.1.1 --dns-search example.org --add-host db:10.9.9.9 alpine');
    expect(lab.run('docker exec c getent hosts www').stdout).toBe('172.18.0.2        www\n'); // musl getent: %-16s  %s
    expect(lab.run('docker exec c cat /etc/resolv.conf').stdout).toContain('nameserver 127.0.0.11\nsearch example.org\n');
    expect(lab.run('docker exec c cat /etc/hosts').stdout).toContain('10.9.9.9\tdb\n');
    expect(lab.run('docker exec c wget -qO- http://www').stdout).toContain('Welcome to nginx!');
    lab.run('docker run -dit --name d alpine');
    expect(lab.run('docker exec d ping -c 1 web').stderr).toBe("ping: bad address 'web'\n");
    expect(lab.run('docker exec d ping -c 1 172.18.0.2').stdout).toContain('100% packet loss');
    lab.run('docker run -dit --name e --link d:dee alpine');
    expect(lab.run('docker exec e ping -c 1 dee').exitCode).toBe(0);
    expect(lab.run('docker run --rm --network n busybox nslookup nothere').stdout).toContain("** server can't find nothere: NXDOMAIN");
  });
  it('unknown commands', () => {
    const lab = createLab();
    expect(lab.run('docker foo')).toEqual({ stdout: '', stderr: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n", exitCode: 1 });
    expect(lab.run('frobnicate').exitCode).toBe(127);
  });
});
