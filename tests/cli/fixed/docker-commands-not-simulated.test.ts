/**
 * Issue 16 (h16x finding 1b): real docker commands the lab does not model answered "docker:
 * unknown command", telling the learner they mistyped. They now say they are not simulated
 * (stderr, exit 1); a real typo keeps docker's unknown-command text, then a hint when one is close.
 */
import { createLab } from '@/lib/cli';

describe('real docker commands the lab does not model', () => {
  it.each([
    ['docker build -t app .', 'build'],
    ['docker push app', 'push'],
    ['docker tag nginx mine', 'tag'],
    ['docker volume ls', 'volume ls'],
    ['docker volume create data', 'volume create'],
    ['docker compose up -d', 'compose up'],
    ['docker secret ls', 'secret ls'],
    ['docker stack deploy -c app.yml app', 'stack deploy'],
    ['docker plugin ls', 'plugin ls'],
    ['docker context ls', 'context ls'],
    ['docker cp web:/etc/hosts .', 'cp'],
    ['docker stats --no-stream', 'stats'],
    ['docker system df', 'system df'],
    ['docker system prune -f', 'system prune'],
    ['docker image prune -f', 'image prune'],
    ['docker login', 'login'],
    ['docker history nginx', 'history'],
    ['docker attach web', 'attach'],
    ['docker container stats', 'container stats'],
    ['docker update --cpus 1 web', 'update'],
  ])('%s', (line, path) => {
    const r = createLab().run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `docker: '${path}' is not simulated in this lab (it models Docker networking: container, network, service, swarm, node, image list/pull, ...).\nRun 'docker --help' for the commands it has.\n`,
    );
  });

  it.each([
    ['docker netowrk ls', 'netowrk', 'network'],
    ['docker imgaes', 'imgaes', 'images'],
    ['docker sevice ls', 'sevice', 'service'],
    ['docker contianer ls', 'contianer', 'container'],
  ])('a typo keeps the unknown-command error, with a hint: %s', (line, typed, hint) => {
    const r = createLab().run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`docker: unknown command: docker ${typed}\n\nRun 'docker --help' for more information\nDid you mean ${hint}?\n`);
  });

  it('a word near nothing gets no hint', () => {
    expect(createLab().run('docker foo').stderr).toBe("docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n");
  });

  it('an unknown subcommand of a modelled group stays a usage error', () => {
    const r = createLab().run('docker network lss');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).not.toContain('not simulated');
  });
});
