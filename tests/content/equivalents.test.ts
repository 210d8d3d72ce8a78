/**
 * Issue 13: the command tasks added for the coverage gaps accept what a learner may type that
 * does the same thing (flags in another order, `--flag=value`, the long or short form, the
 * `docker container ...` spelling) and reject near misses that leave out what the task asks
 * for. The reference solutions themselves are checked against each other in tasks.test.ts.
 */
import { check } from '@/lib/cli';
import type { Question } from '@/lib/qbank';
import { deckQuestions } from './bank';

const tasks = deckQuestions().filter((q) => q.type === 'command');

/** The one task whose prompt starts with `start`. */
function task(start: string): NonNullable<Question['command']> {
  const found = tasks.filter((q) => q.prompt.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one task starting "${start}", found ${found.length}`);
  return found[0].command!;
}

const cases: Array<{ task: string; accepted: string[][]; rejected: string[][] }> = [
  {
    task: 'Print all the service labels of `shop`',
    accepted: [[`docker service inspect shop --format '{{json .Spec.Labels}}'`], [`docker service inspect --format='{{json .Spec.Labels}}' shop`]],
    rejected: [[`docker service inspect -f '{{json .Spec.TaskTemplate.ContainerSpec.Labels}}' shop`], ['docker service ls']],
  },
  {
    task: 'In this MKE swarm with layer 7 routing on',
    accepted: [
      ['docker service create --label=com.docker.lb.port=80 --label=com.docker.lb.hosts=shop.example.com --label=com.docker.lb.network=shopnet --network=shopnet --name=shop nginx'],
      ['docker service create --name shop --network shopnet nginx', 'docker service update --label-add com.docker.lb.hosts=shop.example.com --label-add com.docker.lb.port=80 --label-add com.docker.lb.network=shopnet shop'],
    ],
    rejected: [
      ['docker service create --name shop --network shopnet --label com.docker.lb.hosts=shop.example.com --label com.docker.lb.port=80 nginx'],
      ['docker service create --name shop --network shopnet --container-label com.docker.lb.hosts=shop.example.com --container-label com.docker.lb.port=80 --container-label com.docker.lb.network=shopnet nginx'],
      ['docker service create --name shop --network shopnet --label com.docker.lb.hosts=shop.example.com --label com.docker.lb.port=80 --label com.docker.lb.network=shopnet --publish 80:80 nginx'],
    ],
  },
  {
    task: 'The Interlock-routed service `shop` must now be served over HTTPS',
    accepted: [['docker service update shop --label-add=com.docker.lb.ssl_key=shop.key --label-add=com.docker.lb.ssl_cert=shop.cert']],
    rejected: [
      ['docker service update --label-add com.docker.lb.ssl_cert=shop.key --label-add com.docker.lb.ssl_key=shop.cert shop'],
      ['docker service update --label-add com.docker.lb.ssl_cert=shop.cert shop'],
    ],
  },
  {
    task: 'Service `shop` carries the Interlock labels',
    accepted: [['docker service update shop --network-add=shopnet'], ['docker service update --detach --network-add shopnet shop']],
    rejected: [['docker service update --label-add com.docker.lb.network=shopnet shop'], ['docker service update --label-rm com.docker.lb.network shop']],
  },
  {
    task: 'Print the host names that Interlock routes',
    accepted: [[`docker service inspect shop -f '{{index .Spec.Labels "com.docker.lb.hosts"}}'`]],
    rejected: [[`docker service inspect -f '{{index .Spec.Labels "com.docker.lb.port"}}' shop`]],
  },
  {
    task: 'Create a bridge network `labnet` managed explicitly',
    accepted: [
      ['docker network create --subnet=10.50.0.0/24 --ip-range=10.50.0.128/25 --gateway=10.50.0.254 labnet'],
      ['docker network create labnet --driver bridge --ipam-driver default --gateway 10.50.0.254 --subnet 10.50.0.0/24 --ip-range 10.50.0.128/25'],
    ],
    rejected: [
      ['docker network create --ipam-driver default --subnet 10.50.0.0/24 --gateway 10.50.0.254 labnet'],
      ['docker network create --subnet 10.50.0.0/24 --gateway 10.50.0.1 --ip-range 10.50.0.128/25 labnet'],
    ],
  },
  {
    task: 'Print the name of the IPAM driver that manages the network `corpnet`',
    accepted: [[`docker network inspect corpnet --format '{{.IPAM.Driver}}'`], [`docker network inspect --format={{.IPAM.Driver}} corpnet`]],
    rejected: [[`docker network inspect -f '{{.Driver}}' corpnet`]],
  },
  {
    task: 'Print the published ports of service `api` as JSON',
    accepted: [[`docker service inspect api --format '{{json .Endpoint.Ports}}'`]],
    rejected: [[`docker service inspect -f '{{json .Spec.Name}}' api`], ['docker service ls']],
  },
  {
    task: 'Service `web` was published without choosing a port',
    accepted: [
      [`docker service inspect web -f '{{range .Endpoint.Ports}}{{.PublishedPort}}{{end}}'`],
      [`docker service inspect --format "{{(index .Endpoint.Ports 0).PublishedPort}}" web`],
    ],
    rejected: [[`docker service inspect -f '{{range .Endpoint.Ports}}{{.TargetPort}}{{end}}' web`], ['docker service ls']],
  },
  {
    task: 'The routing mesh makes service `web` reachable on any node',
    accepted: [[`docker node inspect worker1 -f '{{.Status.Addr}}'`], [`docker node inspect --format={{.Status.Addr}} worker1`]],
    rejected: [[`docker node inspect -f '{{.Status.Addr}}' manager1`]],
  },
  {
    task: 'Service `web` must also be reachable on port 8443',
    accepted: [
      ['docker service update web --publish-add mode=host,target=443,published=8443'],
      ['docker service update --publish-add target=443,published=8443,protocol=tcp,mode=host web'],
    ],
    rejected: [
      ['docker service update --publish-add published=8443,target=443 web'],
      ['docker service update --publish-add mode=host,published=8443,target=443 --publish-rm 80 web'],
    ],
  },
  {
    task: 'Container `probe` tried to reach its database',
    accepted: [['docker logs probe'], ['docker container logs probe']],
    rejected: [['docker ps -a'], [`docker inspect -f '{{.State.Status}}' probe`]],
  },
  {
    task: '`client` suddenly cannot reach `web` any more',
    accepted: [['docker events --filter type=network --since 1h'], ['docker events --since=1h --filter=type=network']],
    rejected: [['docker events --since 1h'], ['docker events --since 1h --filter type=container']],
  },
  {
    task: 'Container `job` has stopped',
    accepted: [[`docker inspect job --format '{{.State.ExitCode}}'`], [`docker container inspect -f={{.State.ExitCode}} job`]],
    rejected: [[`docker inspect -f '{{.State.Status}}' job`]],
  },
];

describe('coverage tasks accept equivalent answers and reject near misses', () => {
  describe.each(cases)('$task', ({ task: start, accepted, rejected }) => {
    const cmd = task(start);
    it.each(accepted.map((a) => [a.join(' && '), a]))('accepts %s', (_, answer) => {
      expect(check(cmd, answer)).toMatchObject({ correct: true });
    });
    it.each(rejected.map((a) => [a.join(' && '), a]))('rejects %s', (_, answer) => {
      expect(check(cmd, answer).correct).toBe(false);
    });
  });
});
