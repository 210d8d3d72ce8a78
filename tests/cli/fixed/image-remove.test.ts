/**
 * Issue 16 (h16p): `docker rmi` / `image rm` / `image remove` answered "not simulated", so images a
 * learner pulled never went away. Modelled after moby daemon/images/image_delete.go and docker/cli
 * image/remove.go (one reference per image): untag + delete lines, conflicts with containers using
 * the image, No such image, errors collected over several images (with -f a missing one exits 0).
 */
import { createLab } from '@/lib/cli';

const ID = /^[0-9a-f]{12}$/;

describe('docker rmi', () => {
  it('removes a pulled image: untagged lines, then the image and its layers deleted; gone from docker images', () => {
    const lab = createLab();
    lab.run('docker pull alpine');
    const r = lab.run('docker rmi alpine');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Untagged: alpine:latest');
    expect(lines[1]).toMatch(/^Untagged: alpine@sha256:[0-9a-f]{64}$/);
    expect(lines.slice(2).every((l) => /^Deleted: sha256:[0-9a-f]{64}$/.test(l))).toBe(true);
    expect(lines.length).toBe(6);
    expect(lab.run('docker images -q').stdout).toBe('');
    expect(lab.run('docker rmi alpine')).toMatchObject({ stdout: '', stderr: 'Error response from daemon: No such image: alpine:latest\n', exitCode: 1 });
  });

  it('refuses an image a container uses (by reference: must force; by ID: must be forced / cannot be forced)', () => {
    const lab = createLab();
    const cid = lab.run('docker run -d --name web nginx').stdout.slice(0, 12);
    const iid = lab.run('docker images -q nginx').stdout.trim();
    expect(iid).toMatch(ID);
    expect(lab.run('docker rmi nginx').stderr).toBe(`Error response from daemon: conflict: unable to remove repository reference "nginx" (must force) - container ${cid} is using its referenced image ${iid}\n`);
    expect(lab.run(`docker rmi -f ${iid}`).stderr).toBe(`Error response from daemon: conflict: unable to delete ${iid} (cannot be forced) - image is being used by running container ${cid}\n`);
    lab.run('docker stop web');
    expect(lab.run(`docker image rm ${iid.slice(0, 4)}`).stderr).toBe(`Error response from daemon: conflict: unable to delete ${iid} (must be forced) - image is being used by stopped container ${cid}\n`);
    const forced = lab.run(`docker image remove -f ${iid.slice(0, 4)}`);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toMatch(/^Untagged: nginx:latest\n/);
    expect(lab.run('docker images -q').stdout).toBe('');
  });

  it('forced by reference while a container runs it: untagged only', () => {
    const lab = createLab();
    lab.run('docker run -d --name web nginx');
    const r = lab.run('docker rmi -f nginx');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Untagged: nginx:latest\nUntagged: nginx@sha256:[0-9a-f]{64}\n$/);
  });

  it('goes on after an error; -f makes a missing image a report (exit 0), a conflict still fails', () => {
    const lab = createLab();
    lab.run('docker pull busybox');
    const r = lab.run('docker rmi -f nope busybox');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Untagged: busybox:latest/);
    expect(r.stderr).toBe('Error response from daemon: No such image: nope:latest\n');
    lab.run('docker pull busybox');
    expect(lab.run('docker rmi nope busybox').exitCode).toBe(1);
  });
});
