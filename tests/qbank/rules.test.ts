/**
 * Generator rules for notes written in other styles than the seed (issue 13, section 3). Each rule
 * has a positive and a negative case, compiled with the real pipeline and simulator.
 */
import { compile, type Question } from '@/lib/qbank';

function build(md: string): { questions: Question[]; rules: Record<string, string>; warnings: string[] } {
  const { bank, rules, diagnostics } = compile([{ path: 'note.md', content: md }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { questions: bank.questions, rules, warnings: diagnostics.map((d) => d.message) };
}
const fence = (body: string, lang = '') => `\`\`\`${lang}\n${body}\n\`\`\``;

describe('code blocks with several commented commands', () => {
  it('a table of trailing comments gives one task per commented command', () => {
    const { questions } = build(
      `# Swarm\n\n## Services\n\n${fence(
        [
          'docker service create --name api --replicas 2 nginx   # create a service with two replicas',
          'docker service ls                                     # list services',
          'docker service scale api=4                            # scale to 4 replicas',
          'docker service inspect api --pretty',
          'docker service rm api                                 # remove the service',
        ].join('\n'),
      )}\n`,
    );
    const tasks = questions.filter((q) => q.type === 'command');
    expect(tasks.map((t) => t.prompt)).toEqual([
      'Create a service with two replicas. Use the name `api`.',
      'List services.',
      'Scale to 4 replicas. Use the service `api`.',
      'Remove the service. Use the service `api`.',
    ]);
    // the uncommented row joins no task
    expect(tasks.flatMap((t) => t.command!.solutions.flat()).join('\n')).not.toMatch(/inspect/);
  });

  it('a comment above each command gives one task per command', () => {
    const { questions } = build(`# Networks\n\n${fence('# create the network\ndocker network create backend\n\n# list the networks\ndocker network ls', 'bash')}\n`);
    expect(questions.filter((q) => q.type === 'command').map((q) => [q.prompt, q.command!.solutions[0]])).toEqual([
      ['Create the network. Use the name `backend`.', ['docker network create backend']],
      ['List the networks.', ['docker network ls']],
    ]);
  });

  it('a comment that says no action (narrative, passive, another language) gives no task', () => {
    const { questions, warnings } = build(
      `# Volumes\n\n${fence('docker volume create v1   # the volume will be kept\ndocker network create n1   # cria uma rede')}\n`,
    );
    expect(questions.filter((q) => q.type === 'command')).toEqual([]);
    expect(warnings.filter((w) => /says no action/.test(w))).toHaveLength(2);
  });

  it('in a `$ command` block, a sentence on its own line describes the next command', () => {
    const { questions } = build(
      `# Swarm\n\n${fence(['$ docker swarm init', 'Swarm initialized: current node is now a manager.', '', 'Get the join token for a worker', '', '$ docker swarm join-token worker', 'To add a worker to this swarm, run the following command:', '', '$ docker node ls', 'ID   HOSTNAME   STATUS'].join('\n'))}\n`,
    );
    const tasks = questions.filter((q) => q.type === 'command');
    expect(tasks.map((t) => [t.prompt, t.command!.solutions[0]])).toEqual([['Get the join token for a worker.', ['docker swarm join-token worker']]]);
    expect(tasks[0].command!.setup).toEqual(['docker swarm init']);
  });

  it('bare capital placeholders become one concrete name in prompt and solution', () => {
    const { questions } = build(`# Services\n\n${fence('docker service logs SERVICE_NAME   # show the logs of SERVICE_NAME\ndocker node update --availability drain NODE_ID   # drain a node')}\n`);
    const logs = questions.find((q) => q.type === 'command' && /logs/.test(q.prompt));
    expect(logs?.prompt).toBe('Show the logs of `web`.');
    expect(logs?.command!.solutions[0]).toEqual(['docker service logs web']);
    expect(JSON.stringify(questions)).not.toMatch(/SERVICE_NAME|NODE_ID/);
  });
});
