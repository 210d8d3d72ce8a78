import { completeLine, createLab } from '@/lib/cli';

describe('completeLine', () => {
  const lab = createLab({ nodes: ['manager1', 'worker1'] });
  lab.run('docker network create backend', 'manager1');
  lab.run('docker network create frontend', 'manager1');
  lab.run('docker run -d --name web --network backend nginx', 'manager1');
  lab.run('docker run -d --name worker-db alpine sleep infinity', 'manager1');
  lab.run('docker swarm init', 'manager1');
  lab.run('docker service create -d --name api nginx', 'manager1');
  const c = (line: string, node = 'manager1') => completeLine(lab, line, node).candidates;

  it.each<[string, string[]]>([
    // commands and subcommands
    ['dock', ['docker']],
    ['docker netw', ['network']],
    ['docker network ', ['connect', 'create', 'disconnect', 'inspect', 'list', 'ls', 'prune', 'remove', 'rm']],
    ['docker network c', ['connect', 'create']],
    ['sudo docker sw', ['swarm']],
    // flags of the command
    ['docker network create --sub', ['--subnet']],
    ['docker run --netw', ['--network', '--network-alias']],
    // names the command expects
    ['docker network inspect b', ['backend', 'bridge']],
    ['docker network connect f', ['frontend']],
    ['docker network connect frontend w', ['web', 'worker-db']],
    ['docker run -d --network f', ['frontend']],
    ['docker run -d --name x ngi', ['nginx']],
    ['docker exec w', ['web', 'worker-db']],
    ['docker exec web pi', []],
    ['docker service rm a', ['api']],
    ['docker node inspect w', ['worker1']],
    ['docker -H w', ['worker1']],
    ['docker ps | gr', ['grep']],
    ['docker network ls && docker rm w', ['web', 'worker-db']],
  ])('%s', (line, want) => {
    expect(c(line)).toEqual(want);
  });

  it('names come from the node the terminal is on', () => {
    expect(c('docker rm w', 'worker1')).toEqual([]);
  });

  it('says where the word starts', () => {
    expect(completeLine(lab, 'docker network inspect ba').start).toBe(23);
  });
});
