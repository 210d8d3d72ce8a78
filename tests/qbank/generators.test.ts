/** Each generation rule on a minimal note in the style of the seed. */
import { compile } from '@/lib/qbank';

const ok = () => undefined;
function gen(md: string) {
  const r = compile([{ path: 'n.md', content: md }], { validateLine: ok });
  return r.bank.questions.map((q) => ({ ...q, rule: r.rules[q.id] }));
}

describe('generators', () => {
  it('best-choice: one single choice per item, the other items as distractors, padded to 3 choices', () => {
    const qs = gen('# N\n\n1. **Bridge networks** is the best network driver type when containers share one host.\n1. **Overlay networks** is the best network driver type when containers span hosts.\n');
    expect(qs.map((q) => q.rule)).toEqual(['best-choice', 'best-choice']);
    expect(qs[0].prompt).toBe('Which network driver type is the best choice when containers share one host?');
    expect(qs[0].choices!.length).toBeGreaterThanOrEqual(3);
    expect(qs[0].choices!.filter((c) => c.correct).map((c) => c.text)).toEqual(['Bridge networks']);
  });

  it('command-task: comment -> prompt, `# or` -> second solution, inferred setup', () => {
    const md = '# N\n\n```bash\n# To remove the network "old" from a running container "app"\ndocker network disconnect old app\n\n# Create a bridge network "b1"\ndocker network create -d bridge b1\n# or\ndocker network create b1\n```\n';
    const [disconnect, create] = gen(md).filter((q) => q.type === 'command');
    expect(disconnect.prompt).toBe('Remove the network `old` from a running container `app`.');
    expect(disconnect.command!.setup).toEqual(['docker network create old', 'docker run -d --name app --network old nginx:alpine']);
    expect(create.command!.solutions).toHaveLength(2);
  });

  it('command-task: an alternative with a different end state is a task of its own', () => {
    const md = '# N\n\n```bash\n# Connect the container "c" to "n"\ndocker network connect n c\n# OR\ndocker run -d --name c --network n nginx:alpine\n```\n';
    const tasks = gen(md).filter((q) => q.type === 'command');
    expect(tasks.map((q) => q.rule)).toEqual(['command-task', 'command-alternative']);
    expect(tasks[1].prompt).toBe('Start a container in the background named `c` from the image `nginx:alpine`, attached to the network `n`.');
    expect(tasks[1].command!.setup).toEqual(['docker network create n']);
  });

  it('option-recall: which command takes an option, argument order, option notes', () => {
    const md = [
      '# N',
      '',
      '```bash',
      '# Attach a volume to nothing; options: --alpha, --shared',
      'docker thing attach [OPTIONS] THING TARGET',
      '',
      '# Show details; options: --format|-f, --shared',
      'docker thing inspect [OPTIONS] THING',
      '',
      '# Delete all unused things; options: --force|-f',
      'docker thing prune [OPTIONS]',
      '# --force|-f: skips the confirmation prompt',
      '```',
    ].join('\n');
    const qs = gen(md);
    const byPrompt = Object.fromEntries(qs.map((q) => [q.prompt, q]));
    expect(byPrompt['Which `docker thing` command accepts the `--alpha` option?'].choices!.find((c) => c.correct)!.text).toBe('`docker thing attach`');
    expect(byPrompt['Which `docker thing` commands accept the `--shared` option?'].type).toBe('multiple-choice');
    expect(byPrompt['In which order does `docker thing attach` take the thing and the target?'].answer).toContain('THING TARGET');
    expect(byPrompt['Which command deletes all unused things?'].rule).toBe('usage-command');
    expect(byPrompt['What does the `--force` (`-f`) option of `docker thing prune` skip?'].answer).toBe('The confirmation prompt');
  });

  it('list-choice: an item introducing a list of commands -> multiple choice with same-kind distractors', () => {
    const qs = gen('# N\n\n1. The following docker commands can be used to list images:\n   1. `docker images`\n   1. `docker image ls`\n');
    expect(qs[0]).toMatchObject({ type: 'multiple-choice', prompt: 'Which docker commands can be used to list images?', rule: 'list-choice' });
    expect(qs[0].choices!.filter((c) => !c.correct).every((c) => /^`docker /.test(c.text))).toBe(true);
  });

  it('list-answer: an intro to plain statements -> qa with the list as answer', () => {
    const qs = gen('# N\n\n1. Swarms require some preparation before you can join one. These steps are:\n   1. Open port 2377.\n   1. Get a token.\n');
    expect(qs[0]).toMatchObject({ type: 'qa', prompt: 'Which preparation do swarms require before you can join one?', rule: 'list-answer' });
  });

  it('named-thing: "called `x`, which ..." and a one-line code block', () => {
    const qs = gen('# N\n\n1. Two networks appear:\n   1. a bridge network called `gw`, which links daemons.\n   1. an overlay network called `mesh`, which carries services.\n\n1. Trusted Registry Network allows replicas to sync.\n   ```\n   trn-ol\n   ```\n');
    const named = qs.filter((q) => q.rule === 'named-thing');
    expect(named.map((q) => [q.prompt, q.answer])).toEqual([
      ['Which bridge network links daemons?', '`gw`'],
      ['Which overlay network carries services?', '`mesh`'],
      ['Which trusted registry network allows replicas to sync?', '`trn-ol`'],
    ]);
  });

  it('fact-cloze: bold terms, key numbers, flags and the section subject', () => {
    const qs = gen(
      '# N\n\n## Routing mesh\n\n1. The **ingress network** carries published ports with the -P flag.\n1. Publish every exposed port with the -P flag of docker run.\n1. Overlay data travels on UDP 4789 between the nodes.\n1. The routing mesh answers on every node.\n',
    );
    const answers = qs.filter((q) => q.type === 'cloze').map((q) => q.answer);
    // one cloze per sentence: the first gap worth asking (bold before flags)
    expect(answers).toEqual(['ingress network', '-P', 'routing mesh']);
    // a port number: a single choice among other well-known ports
    const port = qs.find((q) => q.type === 'single-choice');
    expect(port?.prompt).toBe('Overlay data travels on UDP _____ between the nodes.');
    expect(port?.choices?.filter((c) => c.correct).map((c) => c.text)).toEqual(['4789']);
    expect(port?.choices).toHaveLength(4);
    for (const q of qs) expect(q.prompt).toContain('_____');
  });

  it('definition: term + one-line definition -> qa, and choice when three terms are defined', () => {
    const qs = gen('# N\n\n## Model\n\n1. Sandbox\n   1. An isolated environment.\n1. Endpoint\n   1. A virtual interface.\n1. Driver\n   1. A plugin that implements networks.\n');
    expect(qs.filter((q) => q.rule === 'definition').map((q) => q.prompt)).toEqual(['What is a Sandbox in the Model?', 'What is an Endpoint in the Model?', 'What is a Driver in the Model?']);
    expect(qs.filter((q) => q.rule === 'definition-choice').map((q) => q.prompt)).toContain('Which Model component is a virtual interface?');
  });

  it('question-answer: "Question?" followed by an answer paragraph, as items and as paragraphs', () => {
    const qs = gen('# N\n\nWhat does `-P` do?\n\nIt publishes all exposed ports.\n\n1. Which port does DNS use?\n\n   Port 53.\n');
    expect(qs.map((q) => [q.prompt, q.answer])).toEqual([
      ['What does `-P` do?', 'It publishes all exposed ports.'],
      ['Which port does DNS use?', 'Port 53.'],
    ]);
  });

  it('drops prompts that give their answer away', () => {
    const md = '# N\n\n```bash\n# Connect a container\ndocker network connect [OPTIONS] NETWORK CONTAINER\n# List networks\ndocker network ls [OPTIONS]\n# Remove networks\ndocker network rm NETWORK\n```\n';
    expect(gen(md).map((q) => q.prompt)).not.toContain('Which command connects a container?');
  });
});
