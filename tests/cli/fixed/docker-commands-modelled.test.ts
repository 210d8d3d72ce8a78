/**
 * Issue 16 (h16x finding 1a): real docker commands a learner types answered "unknown command",
 * as if mistyped. `docker wait`, `pause`/`unpause`, `container prune`, `images`/`image ls`,
 * `pull`, `help` and `top` now run as docker 28 prints them.
 */
import { createLab } from '@/lib/cli';

function lab() {
  const l = createLab();
  l.run('docker run -d --name web -p 8080:80 nginx');
  l.run('docker run --name job alpine sh -c "exit 3"');
  return l;
}

describe('docker wait', () => {
  it('prints the exit code of stopped containers, one per line, created counting as 0', () => {
    const l = lab();
    l.run('docker create --name fresh alpine');
    expect(l.run('docker wait job fresh')).toEqual({ stdout: '3\n0\n', stderr: '', exitCode: 0 });
    expect(l.run('docker container wait job').stdout).toBe('3\n');
  });
  it('refuses to block on a running container, says why on stderr, exit 1', () => {
    const l = lab();
    const r = l.run('docker wait web');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^docker wait: container web is still running: .*cannot block\. Stop it first \(docker stop web\), then wait\.\n$/);
    l.run('docker stop web');
    expect(l.run('docker wait web').stdout).toBe('0\n');
  });
  it('an unknown name: the daemon error, and the other names still answer', () => {
    const r = lab().run('docker wait nope job');
    expect(r).toEqual({ stdout: '3\n', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});

describe('docker pause / unpause', () => {
  it('pauses: ps says (Paused), inspect says paused, exec refuses, unpause resumes', () => {
    const l = lab();
    const id = l.run('docker inspect -f {{.Id}} web').stdout.trim();
    expect(l.run('docker pause web')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(l.run("docker ps --format '{{.Status}}|{{.State}}'").stdout).toMatch(/^Up .* \(Paused\)\|paused\n$/);
    expect(l.run("docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' web").stdout).toBe('paused true true\n');
    expect(l.run('docker ps -q --filter status=paused').stdout).toBe(id.slice(0, 12) + '\n');
    expect(l.run('docker exec web hostname')).toEqual({ stdout: '', stderr: `Error response from daemon: Container ${id} is paused, unpause the container before exec\n`, exitCode: 1 });
    expect(l.run('docker pause web').stderr).toBe(`Error response from daemon: container ${id} is already paused\n`);
    expect(l.run('docker rm web').stderr).toBe('Error response from daemon: cannot remove container "web": container is paused and must be unpaused first\n');
    expect(l.run('docker container unpause web')).toEqual({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(l.run('docker unpause web').stderr).toBe(`Error response from daemon: Container ${id} is not paused\n`);
    expect(l.run('docker exec web hostname').exitCode).toBe(0);
  });
  it('a stopped container cannot be paused; stop clears a pause', () => {
    const l = lab();
    const jobId = l.run('docker inspect -f {{.Id}} job').stdout.trim();
    expect(l.run('docker pause job').stderr).toBe(`Error response from daemon: container ${jobId} is not running\n`);
    l.run('docker pause web');
    l.run('docker stop web');
    expect(l.run("docker inspect -f '{{.State.Status}} {{.State.Paused}}' web").stdout).toBe('exited false\n');
  });
});

describe('docker container prune', () => {
  it('-f removes stopped containers, lists their IDs, then the reclaimed space', () => {
    const l = lab();
    const jobId = l.run('docker inspect -f {{.Id}} job').stdout.trim();
    expect(l.run('docker container prune -f')).toEqual({ stdout: `Deleted Containers:\n${jobId}\n\nTotal reclaimed space: 0B\n`, stderr: '', exitCode: 0 });
    expect(l.run('docker ps -a --format {{.Names}}').stdout).toBe('web\n');
    expect(l.run('docker container prune --force').stdout).toBe('Total reclaimed space: 0B\n');
  });
  it('without -f asks, and with no one to answer removes nothing', () => {
    const l = lab();
    expect(l.run('docker container prune').stdout).toMatch(/^WARNING! This will remove all stopped containers\.\nAre you sure you want to continue\? \[y\/N\] /);
    expect(l.run('docker ps -aq').stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('docker images / pull', () => {
  it('lists the images the node pulled by running containers, newest first', () => {
    const r = lab().run('docker images');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE$/);
    expect(lines.slice(1).map((x) => x.split(/ {2,}/).slice(0, 2).join(':'))).toEqual(['nginx:latest', 'alpine:latest']);
    expect(lines[1]).toMatch(/^nginx +latest +[0-9a-f]{12} +\d+ weeks ago +192MB$/);
  });
  it('image ls and image list are the same command; --format and -q work', () => {
    const l = lab();
    expect(l.run('docker image ls --format "{{.Repository}}:{{.Tag}}"').stdout).toBe('nginx:latest\nalpine:latest\n');
    expect(l.run('docker image list -q').stdout).toMatch(/^([0-9a-f]{12}\n){2}$/);
    expect(l.run('docker images nginx --format {{.Repository}}').stdout).toBe('nginx\n');
  });
  it('pull: a new image shows its layers then "Downloaded newer image", a held one "Image is up to date"', () => {
    const l = lab();
    const r = l.run('docker pull redis:7');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^7: Pulling from library\/redis\n([0-9a-f]{12}: Pull complete\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for redis:7\ndocker\.io\/library\/redis:7\n$/);
    expect(l.run('docker images --format {{.Repository}}:{{.Tag}}').stdout).toContain('redis:7\n');
    expect(l.run('docker pull nginx').stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    expect(l.run('docker pull -q busybox').stdout).toBe('docker.io/library/busybox:latest\n');
  });
  it('pull of an unknown image: the same "pull access denied" as docker run; an unknown tag: manifest unknown', () => {
    const l = lab();
    expect(l.run('docker pull nosuchimage')).toEqual({
      stdout: 'Using default tag: latest\n',
      stderr: "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
    expect(l.run('docker run nosuchimage').stderr).toContain("pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    expect(l.run('docker pull nginx:99').stderr).toBe('Error response from daemon: manifest for nginx:99 not found: manifest unknown: manifest unknown\n');
  });
});

describe('docker help / top', () => {
  it('docker help is docker --help; docker help network is docker network --help', () => {
    const l = lab();
    const help = l.run('docker help');
    expect(help).toEqual(l.run('docker --help'));
    expect(help.stdout).toContain('Management Commands:');
    expect(help.stdout).toMatch(/\n {2}wait +Block until one or more containers stop/);
    expect(l.run('docker help network')).toEqual(l.run('docker network --help'));
  });
  it('top: ps -ef columns, one line for the main process; aux columns on request; a stopped container errors', () => {
    const l = lab();
    const r = l.run('docker top web');
    expect(r.exitCode).toBe(0);
    const [head, row, ...rest] = r.stdout.trimEnd().split('\n');
    expect(head.split(/ +/)).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    expect(row).toMatch(/^root +\d+ +\d+ +0 +\d\d:\d\d +\? +00:00:00 +nginx: master process nginx -g daemon off;$/);
    expect(rest).toEqual([]);
    expect(l.run('docker container top web aux').stdout.split('\n')[0].split(/ +/)).toEqual(['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND']);
    const jobId = l.run('docker inspect -f {{.Id}} job').stdout.trim();
    expect(l.run('docker top job')).toEqual({ stdout: '', stderr: `Error response from daemon: container ${jobId} is not running\n`, exitCode: 1 });
  });
});
