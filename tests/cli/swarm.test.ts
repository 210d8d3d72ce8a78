import { check, createLab } from '@/lib/cli';

function swarm() {
  const lab = createLab({ nodes: ['manager1', 'worker1', 'worker2'], seed: 5 });
  lab.run('docker swarm init --advertise-addr 10.0.0.11', 'manager1');
  for (const w of ['worker1', 'worker2']) lab.run('docker swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377', w);
  return lab;
}

describe('swarm', () => {
  it('init creates ingress (10.0.0.0/24) and docker_gwbridge; join adds workers', () => {
    const lab = swarm();
    expect(lab.run("docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}}'", 'manager1').stdout).toBe(
      'bridge bridge local\ndocker_gwbridge bridge local\nhost host local\ningress overlay swarm\nnone null local\n',
    );
    expect(lab.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' ingress", 'worker1').stdout).toBe('10.0.0.0/24\n');
    expect(lab.run("docker node ls --format '{{.Hostname}} {{.ManagerStatus}}'", 'manager1').stdout).toBe('manager1 Leader\nworker1 \nworker2 \n');
    const ls = lab.run('docker node ls', 'manager1').stdout.split('\n');
    expect(ls[0]).toBe('ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION');
    expect(ls[1]).toMatch(/^[a-z0-9]{25} \* {3}manager1 {3}Ready {5}Active {9}Leader {11}28\.5\.1$/);
  });
  // node, command, stderr
  const errors: [string, string, string][] = [
    ['worker1', 'docker service ls', "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n"],
    ['worker1', 'docker swarm init', 'Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n'],
    ['manager1', 'docker swarm leave', 'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.\n'],
    ['manager1', 'docker service create --network bridge nginx', 'Error response from daemon: The network bridge cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.\n'],
  ];
  it.each(errors)('%s: %s', (node, cmd, stderr) => {
    const r = swarm().run(cmd, node);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(stderr);
  });
  it('services: replicas round robin, VIP and tasks. DNS, routing mesh on every node', () => {
    const lab = swarm();
    lab.run('docker network create -d overlay --attachable app', 'manager1');
    expect(lab.run('docker service create -d --name web --replicas 3 --network app -p 8080:80 nginx', 'manager1').exitCode).toBe(0);
    expect(lab.run("docker service ps web --format '{{.Name}} {{.Node}}'", 'manager1').stdout).toBe('web.1 manager1\nweb.2 worker1\nweb.3 worker2\n');
    expect(lab.run('docker service ls --format "{{.Replicas}} {{.Ports}}"', 'manager1').stdout).toBe('3/3 *:8080->80/tcp\n');
    lab.run('docker run -dit --name t --network app alpine', 'worker2');
    expect(lab.run('docker exec t nslookup web', 'worker2').stdout).toContain('Address: 10.0.1.2\n');
    expect(lab.run('docker exec t nslookup tasks.web', 'worker2').stdout.match(/Address: 10\.0\.1\.\d+/g)).toHaveLength(3);
    for (const n of ['manager1', 'worker1', 'worker2']) expect(lab.run('curl -s localhost:8080', n).stdout).toContain('Welcome to nginx!');
    expect(lab.run('curl -s 10.0.0.12:8080', 'manager1').exitCode).toBe(0);
    lab.run('docker service scale web=1', 'manager1');
    expect(lab.run("docker service ps web -q | wc -l", 'manager1').stdout.trim()).toBe('1');
  });
  it('mode=host publishes only on nodes running a task', () => {
    const lab = swarm();
    lab.run('docker service create -d --name h --replicas 2 --publish published=9000,target=80,mode=host nginx', 'manager1');
    expect(lab.run('curl -s localhost:9000', 'manager1').exitCode).toBe(0);
    expect(lab.run('curl -s localhost:9000', 'worker2').exitCode).toBe(7);
  });
  it('check compares services', () => {
    const task = { setup: [], nodes: ['m', 'w'], mode: 'state' as const, solutions: [['docker swarm init', 'docker network create -d overlay o', 'docker service create --name s --replicas 2 --network o -p 80:80 nginx']] };
    expect(check(task, ['docker swarm init --advertise-addr 10.0.0.11', 'docker network create --driver overlay o', 'docker service create --name s --network o --publish published=80,target=80 --replicas=2 nginx:latest']).correct).toBe(true);
    const r = check(task, ['docker swarm init', 'docker network create -d overlay o', 'docker service create --name s --replicas 3 --network o -p 80:80 nginx']);
    expect(r.feedback).toEqual(['s: replicas is 3, the task wants 2']);
  });
});
