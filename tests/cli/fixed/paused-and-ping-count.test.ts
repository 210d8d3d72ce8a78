/**
 * Issue 16 (h16p), found probing the lab as a learner:
 * - a paused container still answered curl/wget. docker pause freezes its processes (cgroup freezer):
 *   the kernel still answers ping and completes the TCP handshake, but the server never replies, so
 *   curl waits (until -m/--max-time, or Ctrl-C) and busybox wget times out.
 * - `docker run ... busybox ping -c1 web` (count glued to -c) was taken for an endless ping: started
 *   in the background, nothing printed, while `ping -c 1` printed the replies.
 */
import { createLab } from '@/lib/cli';

function lab() {
  const l = createLab();
  for (const c of ['docker network create mynet', 'docker run -d --name web --network mynet nginx', 'docker run -d --name c1 --network mynet busybox sleep 3600', 'docker pause web'])
    expect(l.run(c).exitCode).toBe(0);
  return l;
}

describe('a paused container', () => {
  it('still answers ping (the kernel replies)', () => {
    const r = lab().run('docker exec c1 ping -c1 web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/1 packets received/);
  });

  it('does not answer curl: timed out with -m, and without it a note that a real curl waits', () => {
    const l = lab();
    const m = l.run('docker run --rm --network mynet nicolaka/netshoot curl -m 5 web');
    expect(m).toMatchObject({ stdout: '', exitCode: 28 });
    expect(m.stderr).toBe('curl: (28) Operation timed out after 5000 milliseconds with 0 bytes received\n');
    const s = l.run('docker run --rm --network mynet nicolaka/netshoot curl -s -m 2 web');
    expect(s).toMatchObject({ stdout: '', stderr: '', exitCode: 28 });
    const forever = l.run('docker run --rm --network mynet nicolaka/netshoot curl web');
    expect(forever.exitCode).toBe(130);
    expect(forever.stderr).toMatch(/a real curl waits here until Ctrl-C/);
  });

  it('does not answer wget, and logs no request; after unpause it answers again', () => {
    const l = lab();
    const r = l.run('docker exec c1 wget -qO- web');
    expect(r).toMatchObject({ stdout: '', stderr: 'wget: download timed out\n', exitCode: 1 });
    expect(l.run('docker logs web').stdout).not.toMatch(/GET \//);
    l.run('docker unpause web');
    expect(l.run('docker exec c1 wget -qO- web').stdout).toMatch(/Welcome to nginx/);
    expect(l.run('docker logs web').stdout).toMatch(/GET \/ HTTP/);
  });
});

describe('docker run IMAGE ping with a count', () => {
  it.each(['-c1', '-c 1'])('ping %s runs in the foreground and prints its replies', (count) => {
    const l = lab();
    l.run('docker unpause web');
    const r = l.run(`docker run --rm --network mynet busybox ping ${count} web`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^PING web \(172\.18\.0\.2\)/);
    expect(r.stdout).toMatch(/1 packets transmitted, 1 packets received/);
    expect(l.run('docker ps -q --filter ancestor=busybox').stdout.trim().split('\n')).toHaveLength(1); // c1 only
  });
});
