/**
 * Verdicts on what the learner really did (issue 11, section 2): the answer is the whole live
 * session on a lab started like the learner's (same seed, same setup). Each case is a realistic
 * session: exploration, typos, pasted IDs and tokens, overshoots. The same sessions go through the
 * `check` CLI with --seed in tests/cli/fixed/live-verdict-cli.test.ts.
 */
import { check, DEFAULT_SEED, splitSessionLine, startTask, type CheckTask } from '@/lib/cli';

/** What the learner saw: run the session on a live lab (as the terminal does) and return each output. */
function live(task: CheckTask, session: string[], seed = DEFAULT_SEED): string[] {
  const lab = startTask(task, seed);
  return session.map((l) => {
    const s = splitSessionLine(l, lab.nodes);
    return s ? lab.run(s.command, s.node).stdout : '';
  });
}

// ------------------------------------------------------------------ state tasks
const subnetTask: CheckTask = {
  setup: ['docker network create --subnet 10.0.0.0/24 other'],
  solutions: [['docker network create --subnet 192.168.50.0/24 my-net']],
  mode: 'state',
};

describe('state tasks judge the end state of the whole session', () => {
  it('exploration first, then the answer: correct', () => {
    const session = ['docker network ls', 'docker network inspect other', 'docker ps -a', 'docker info', 'docker network create --subnet=192.168.50.0/24 my-net', 'docker network ls'];
    expect(check(subnetTask, session)).toEqual({ correct: true, feedback: [] });
  });

  it('a typo then the fix: correct, the failed command is only a note', () => {
    const session = ['docker network craete --subnet 192.168.50.0/24 my-net', 'docker network create --subnet 192.168.50.0/24 my-net'];
    const r = check(subnetTask, session);
    expect(r.correct).toBe(true);
    expect(r.feedback).toEqual([expect.stringMatching(/^Note: `docker network craete .*` failed: docker: unknown command/)]);
  });

  it('a command that failed before the right one does not spoil the result', () => {
    // the first try overlaps the existing network and fails; the second is right
    const r = check(subnetTask, ['docker network create --subnet 10.0.0.0/24 my-net', 'docker network create --subnet 192.168.50.0/24 my-net']);
    expect(r.correct).toBe(true);
  });

  it('an overshoot that breaks the result is wrong and says what broke', () => {
    const r = check(subnetTask, ['docker network create --subnet 192.168.50.0/24 my-net', 'docker network rm my-net']);
    expect(r).toEqual({ correct: false, feedback: ['network my-net is missing'] });
    const r2 = check(subnetTask, ['docker network create --subnet 192.168.50.0/24 my-net', 'docker network rm other']);
    expect(r2).toEqual({ correct: false, feedback: ['network other is missing'] });
  });

  it('feedback names the object and the attribute, only for true differences', () => {
    const r = check(subnetTask, ['docker network create --subnet 10.1.0.0/24 my-net']);
    expect(r).toEqual({ correct: false, feedback: ['my-net: subnet is 10.1.0.0/24, the task wants 192.168.50.0/24', 'my-net: gateway is 10.1.0.1, the task wants 192.168.50.1'] });
  });

  it('a container on the wrong network: one line, no false lines about its aliases', () => {
    const t: CheckTask = {
      setup: ['docker network create backend', 'docker network create frontend', 'docker run -d --name api alpine sleep infinity'],
      solutions: [['docker network connect --alias db backend api']],
      mode: 'state',
    };
    expect(check(t, ['docker network connect frontend api']).feedback).toEqual(['container api is not connected to backend', 'container api should not be connected to frontend']);
    expect(check(t, ['docker network connect backend api']).feedback).toEqual(['api: aliases on backend is none, the task wants db']);
    expect(check(t, ['docker network connect --alias=db backend api']).correct).toBe(true);
  });

  it('a stopped throw-away container from trying things out does not matter', () => {
    const t: CheckTask = { setup: ['docker network create app'], solutions: [['docker run -d --name web --network app nginx']], mode: 'state' };
    expect(check(t, ['docker run alpine nslookup google.com', 'docker run -d --name web --network app nginx']).correct).toBe(true);
    expect(check(t, ['docker run -d alpine sleep infinity', 'docker run -d --name web --network app nginx']).correct).toBe(false);
  });
});

// ------------------------------------------------------------------ pasted values
describe('values pasted from the screen are the ones the checker sees', () => {
  const swarm: CheckTask = {
    setup: ['docker swarm init --advertise-addr 10.0.0.11'],
    solutions: [['docker -H worker1 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377', 'docker -H worker2 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377']],
    mode: 'state',
    nodes: ['manager1', 'worker1', 'worker2'],
  };

  it('a swarm join token read on the manager and pasted on the workers', () => {
    const first = ['manager1$ docker node ls', 'manager1$ docker swarm join-token worker'];
    const shown = live(swarm, first)[1];
    const pasted = /docker swarm join --token (\S+) (\S+)/.exec(shown)!;
    const session = [...first, `worker1$ docker swarm join --token ${pasted[1]} ${pasted[2]}`, `worker2$ docker swarm join --token ${pasted[1]} ${pasted[2]}`, 'manager1$ docker node ls'];
    expect(check(swarm, session)).toEqual({ correct: true, feedback: [] });
  });

  it('the same session checked with another seed is told the token is wrong (the seed matters)', () => {
    const first = ['manager1$ docker swarm join-token -q worker'];
    const tok = live(swarm, first)[0].trim();
    const session = [...first, `worker1$ docker swarm join --token ${tok} 10.0.0.11:2377`, `worker2$ docker swarm join --token ${tok} 10.0.0.11:2377`];
    expect(check(swarm, session, { seed: DEFAULT_SEED }).correct).toBe(true);
    const other = check(swarm, session, { seed: DEFAULT_SEED + 1 });
    expect(other.correct).toBe(false);
    expect(other.feedback).toContain('node worker1 has not joined the swarm; the task wants it to join as a worker');
    expect(other.feedback.join('\n')).toMatch(/Note: .* A valid join token is necessary/);
  });

  it('a pasted 12-character container ID', () => {
    const t: CheckTask = { setup: ['docker network create app', 'docker run -d --name web nginx'], solutions: [['docker network connect app web']], mode: 'state' };
    const ps = live(t, ['docker ps'])[0];
    const id = ps.split('\n')[1].split(/\s+/)[0];
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(check(t, ['docker ps', `docker network connect app ${id}`]).correct).toBe(true);
  });
});

// ------------------------------------------------------------------ output tasks
describe('output tasks accept the expected output wherever it appears', () => {
  const subnetOf: CheckTask = {
    setup: ['docker network create --subnet 10.5.0.0/24 net1'],
    solutions: [["docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' net1"]],
    mode: 'output',
  };

  it('other output before and after does not matter', () => {
    const session = ['docker network ls', "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' net1", 'docker ps'];
    expect(check(subnetOf, session)).toEqual({ correct: true, feedback: [] });
    expect(check(subnetOf, ['docker network ls', "docker network inspect net1 --format '{{(index .IPAM.Config 0).Subnet}}'"]).correct).toBe(true);
  });

  it('whitespace is normalised', () => {
    expect(check(subnetOf, ["echo '   10.5.0.0/24   '"]).correct).toBe(true);
  });

  it('wrong output is wrong, with the expected output shown', () => {
    const r = check(subnetOf, ['docker network ls']);
    expect(r.correct).toBe(false);
    expect(r.feedback).toEqual(['none of your commands printed what the task asks for', 'expected output:\n10.5.0.0/24']);
  });

  it('a broken end state spoils a right output', () => {
    const r = check(subnetOf, ["docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' net1", 'docker network rm net1']);
    expect(r).toEqual({ correct: false, feedback: ['network net1 is missing'] });
  });

  const idTask: CheckTask = {
    setup: ['docker network create app', 'docker run -d --name web --network app nginx', 'docker run -d --name db --network app alpine sleep infinity'],
    solutions: [["docker inspect -f '{{.Id}}' web"]],
    mode: 'output',
  };

  it('an ID compares by what it refers to: full ID, unique prefix, or the name of the same object', () => {
    expect(check(idTask, ['docker ps -q --no-trunc -f name=web']).correct).toBe(true);
    expect(check(idTask, ['docker ps -q -f name=web']).correct).toBe(true);
    expect(check(idTask, ['echo web']).correct).toBe(true);
  });

  it("another object's ID is not accepted", () => {
    expect(check(idTask, ['docker ps -q -f name=db']).correct).toBe(false);
    expect(check(idTask, ["docker network inspect -f '{{.Id}}' app"]).correct).toBe(false);
    expect(check(idTask, ['echo 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']).correct).toBe(false);
  });

  it("an endpoint-ID task does not take the container's ID", () => {
    const t: CheckTask = { ...idTask, solutions: [["docker inspect -f '{{.NetworkSettings.Networks.app.EndpointID}}' web"]] };
    expect(check(t, ["docker network inspect -f '{{range .Containers}}{{if eq .Name \"web\"}}{{.EndpointID}}{{end}}{{end}}' app"]).correct).toBe(true);
    expect(check(t, ["docker inspect -f '{{.Id}}' web"]).correct).toBe(false);
    expect(check(t, ["docker inspect -f '{{.NetworkSettings.Networks.app.EndpointID}}' db"]).correct).toBe(false);
  });
});
