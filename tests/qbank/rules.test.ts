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
    const { questions } = build(`# Services\n\n${fence('docker service inspect --pretty SERVICE_NAME   # show the details of SERVICE_NAME\ndocker service rm SERVICE_NAME   # remove SERVICE_NAME\ndocker node update --availability drain NODE_ID   # drain a node')}\n`);
    const rm = questions.find((q) => q.type === 'command' && /Remove/.test(q.prompt));
    expect(rm?.prompt).toBe('Remove `web`.');
    expect(rm?.command!.solutions[0]).toEqual(['docker service rm web']);
    expect(JSON.stringify(questions)).not.toMatch(/SERVICE_NAME|NODE_ID/);
  });

  it('asks no command task the checker cannot tell from doing nothing', () => {
    // `docker service logs web` prints nothing in the lab, so neither state nor output judges it;
    // `docker swarm join-token -q manager` changes no state but prints the token: judged by output.
    const r = build(`# Swarm\n\n${fence('docker service logs web   # show the logs of the service web\ndocker swarm join-token -q manager   # print only the manager join token')}\n`);
    const tasks = r.questions.filter((q) => q.type === 'command');
    expect(tasks.map((q) => [q.command!.solutions[0][0], q.command!.mode])).toEqual([['docker swarm join-token -q manager', 'output']]);
    expect(r.warnings.join('\n')).toMatch(/not emitted: the checker cannot tell "docker service logs web" from doing nothing/);
  });
});

describe('lists, tables and one-line answers', () => {
  it('a list introduced by a paragraph ending in ":" asks for the list', () => {
    const { questions, rules } = build('# Swarm\n\nSwarm supports three network types:\n\n- overlay\n- ingress\n- docker_gwbridge\n');
    const q = questions.find((x) => rules[x.id] === 'intro-list');
    expect(q?.prompt).toBe('Which three network types does Swarm support?');
    expect(q?.answer).toMatch(/overlay[\s\S]*ingress[\s\S]*docker_gwbridge/);
  });

  it('an intro that is a statement, not a lead-in, asks nothing about the list', () => {
    const { rules } = build('# Swarm\n\nSwarm is easy to set up and it works well for small teams.\n\n- overlay\n- ingress\n');
    expect(Object.values(rules)).not.toContain('intro-list');
  });

  it('term: description items give a choice among the other terms', () => {
    const { questions, rules } = build('# Nodes\n\n## Availability\n\n- active: accepts new tasks from the scheduler\n- pause: keeps running tasks but gets no new ones\n- drain: moves every task to other nodes\n');
    const choices = questions.filter((q) => rules[q.id] === 'term-choice');
    expect(choices).toHaveLength(3);
    const drain = choices.find((q) => /moves every task/.test(q.prompt));
    expect(drain?.prompt).toBe('Which availability moves every task to other nodes?');
    expect(drain?.choices?.find((c) => c.correct)?.text).toBe('drain');
    expect(drain?.choices?.map((c) => c.text).sort()).toEqual(['active', 'drain', 'pause']);
  });

  it('two term items are too few to choose among: they stay statements', () => {
    const { rules } = build('# Nodes\n\n- active: the node accepts new tasks from the scheduler.\n- drain: the **scheduler** moves every task away.\n');
    expect(Object.values(rules)).not.toContain('term-choice');
  });

  it('a two-column table gives a question per row, both ways, with the other rows as distractors', () => {
    const { questions, rules } = build('# Run\n\n| Flag | Meaning |\n|---|---|\n| `-d` | run in the background |\n| `-p` | publish a port |\n| `-e` | set an environment variable |\n');
    const forward = questions.filter((q) => rules[q.id] === 'table-row');
    expect(forward.map((q) => q.prompt)).toEqual([
      'Which flag has this meaning: run in the background?',
      'Which flag has this meaning: publish a port?',
      'Which flag has this meaning: set an environment variable?',
    ]);
    expect(forward[1].choices?.find((c) => c.correct)?.text).toBe('`-p`');
    const back = questions.filter((q) => rules[q.id] === 'table-column');
    expect(back[0].prompt).toBe('What is the meaning of `-d` (flag)?');
    expect(back[0].choices?.find((c) => c.correct)?.text).toBe('run in the background');
  });

  it('a table of two rows, or with repeated cells, asks nothing about them', () => {
    const two = build('# T\n\n| Mode | Behaviour |\n|---|---|\n| vip | one virtual IP |\n| dnsrr | DNS round robin |\n');
    expect(two.questions).toEqual([]);
    const same = build('# T\n\n| Port | Protocol |\n|---|---|\n| 2377 | TCP |\n| 7946 | TCP |\n| 4789 | UDP |\n');
    expect(same.questions.filter((q) => /TCP/.test(q.prompt))).toEqual([]);
  });

  it('"Question? **Answer**" on one line is a qa card; bold in a statement is not', () => {
    const { questions, rules } = build('# DCT\n\nWhich variable enables content trust? **DOCKER_CONTENT_TRUST**\n\n- Is autolock on by default? **No.**\n- Content trust uses **Notary** to sign tags.\n');
    const qa = questions.filter((q) => rules[q.id] === 'inline-answer');
    expect(qa.map((q) => [q.prompt, q.answer])).toEqual([
      ['Which variable enables content trust?', 'DOCKER_CONTENT_TRUST'],
      ['Is autolock on by default?', 'No.'],
    ]);
    expect(questions.filter((q) => /Notary|_____ to sign/.test(`${q.prompt} ${q.answer}`)).map((q) => rules[q.id])).toEqual(['fact-cloze']);
  });
});

describe('comparisons and numbers', () => {
  it('"A vs B" over a list: items naming one side become a choice between the sides', () => {
    const { questions, rules } = build('# Services\n\n## Containers vs services\n\n- A service keeps its tasks running across the swarm.\n- A container runs on one engine only.\n- Containers and services both start from an image.\n');
    const vs = questions.filter((q) => rules[q.id] === 'comparison');
    expect(vs.map((q) => [q.prompt, q.choices?.find((c) => c.correct)?.text])).toEqual([
      // The sentence names one, so the choices are singular too.
      ['A _____ keeps its tasks running across the swarm.', 'Service'],
      ['A _____ runs on one engine only.', 'Container'],
    ]);
  });

  it('"A vs B: ..." on one line asks for the difference', () => {
    const { questions } = build('# Mounts\n\n- bind mount vs volume: a bind mount is any host path, a volume is managed by Docker.\n');
    expect(questions.map((q) => q.prompt)).toEqual(['What is the difference between bind mount and volume?']);
  });

  it('numbered facts become single choices among plausible numbers, examples do not', () => {
    const { questions, rules } = build('# Raft\n\n- A 7-manager swarm tolerates 3 failures.\n- Managers listen on port 2377 for cluster traffic.\n- Publish a port such as port 80 with `-p`.\n');
    const numbers = questions.filter((q) => rules[q.id] === 'number-fact');
    expect(numbers.map((q) => [q.prompt, q.choices?.find((c) => c.correct)?.text, q.choices?.length])).toEqual([
      ['A 7-manager swarm tolerates _____ failures.', '3', 4],
      ['Managers listen on port _____ for cluster traffic.', '2377', 4],
    ]);
    expect(numbers[0].choices?.map((c) => c.text).sort()).toEqual(['2', '3', '4', '6']);
  });

  it('one cloze per sentence, and no cloze from a fragment', () => {
    const { questions } = build('# Overlay\n\n## Encryption\n\n- The **overlay** driver encrypts traffic with `--opt encrypted` on every node.\n- and **IPsec** tunnels.\n');
    const clozes = questions.filter((q) => q.type === 'cloze');
    expect(clozes).toHaveLength(1);
    expect(clozes[0].answer).toBe('overlay');
  });

  it('prose paragraphs are clozed in notes, not in decks of explicit questions', () => {
    const prose = 'The **routing mesh** sends a request for a published port to a node that runs a task of the service.\n';
    expect(build(`# Mesh\n\n${prose}`).questions.map((q) => q.answer)).toEqual(['routing mesh']);
    const deck = build(`# Mesh\n\n${prose}\n> **Q:** Which port does the mesh publish?\n>\n> **A:** The published port.\n`);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['Which port does the mesh publish?']);
  });
});

describe('recall questions for commands the simulator cannot judge', () => {
  it('never ask for a full command line whose names the prompt does not give', () => {
    const { questions, warnings } = build(`# Compose\n\n${fence('docker compose exec -u root app bash   # access the container as root')}\n`);
    expect(warnings.some((w) => /fails in the simulator/.test(w))).toBe(true);
    expect(questions).toEqual([]);
  });
});

describe('headings written without a space, and headings that describe a block', () => {
  it('"###Title" (no space) is a heading outside code, not a paragraph; inside a fence it stays code', () => {
    const { questions } = build(
      `# Storage\n\n###Bind mounts\n\nBind mounts map a host path into a container and depend on the host's directory layout.\n\n${fence('##not-a-heading\ndocker volume ls')}\n`,
    );
    expect(questions.map((q) => q.topic)).toContainEqual(['Storage', 'Bind mounts']);
    const cloze = questions.find((q) => q.type === 'cloze');
    expect(cloze?.prompt).toMatch(/^_____ map a host path/);
    expect(cloze?.answer).toBe('Bind mounts');
  });

  it('a heading right above a one-command block describes it; over several commands it does not', () => {
    const one = build(`# Volumes\n\n## Remove every unused volume\n\n${fence('docker volume prune')}\n`);
    expect(one.questions.map((q) => q.prompt)).toContain('Which command removes every unused volume?');
    const several = build(`# Volumes\n\n## Publish a port\n\n${fence('docker volume create data\ndocker volume ls')}\n`);
    expect(several.questions.filter((q) => /publish/i.test(q.prompt))).toEqual([]);
  });
});

describe('subject cloze: sentences opening on a term the note defines elsewhere', () => {
  it('a sentence whose subject is a heading or bold term of the note, with a defining verb, is clozed on it', () => {
    const { questions, rules } = build(
      '# Enterprise\n\n## Grants\n\nA grant maps a subject and a role onto a set of resources in the cluster.\n\n## Access\n\nTeams are groups of users sharing one set of permissions, and **Teams** exist inside an organization.\n',
    );
    const clozes = questions.filter((q) => q.type === 'cloze');
    expect(clozes.map((q) => [q.prompt, q.answer])).toContainEqual(['A(n) _____ maps a subject and a role onto a set of resources in the cluster.', 'grant']);
    expect(clozes.every((q) => rules[q.id] === 'paragraph-cloze')).toBe(true);
  });

  it('no gap inside a compound, after a modal verb, or in brackets and quotes', () => {
    const { questions } = build(
      '# Bundles\n\n## Bundles\n\nUser certificate bundles only allow running commands through a manager node.\n\nYou can bundles the keys with a passphrase for every user of the cluster.\n\nThe client keys ship in a zip file (bundles) that the web interface hands out.\n',
    );
    expect(questions.filter((q) => q.type === 'cloze').map((q) => q.prompt)).toEqual([]);
  });
});

describe('heading-term: a section titled by a term, opened by what it does', () => {
  const md = [
    '# Build file instructions',
    '',
    '## ENV',
    '',
    'Sets environment variables for every later step and for the running container.',
    '',
    '## EXPOSE',
    '',
    'Documents a port the application listens on, for readers and for `-P`.',
    '',
    '## WORKDIR',
    '',
    'Changes the working directory for the instructions that follow it.',
    '',
    '## Layers',
    '',
    'When you build, each instruction adds a layer to the image.',
    '',
  ].join('\n');

  it('gives "What does X do?" per section and a choice among three or more sibling terms', () => {
    const { questions, rules } = build(md);
    const qa = questions.filter((q) => rules[q.id] === 'heading-term');
    expect(qa.map((q) => [q.prompt, q.answer])).toEqual([
      ['What does ENV do?', 'Sets environment variables for every later step and for the running container.'],
      ['What does EXPOSE do?', 'Documents a port the application listens on, for readers and for `-P`.'],
      ['What does WORKDIR do?', 'Changes the working directory for the instructions that follow it.'],
    ]);
    const choices = questions.filter((q) => rules[q.id] === 'heading-term-choice');
    // "working directory" gives WORKDIR away (a stem that starts the term), so it gets no choice.
    expect(choices.map((q) => q.choices!.find((c) => c.correct)!.text)).toEqual(['ENV', 'EXPOSE']);
    const expose = choices[1];
    expect(expose.prompt).toBe('Which build file instruction documents a port the application listens on, for readers and for `-P`?');
    expect(expose.choices!.map((c) => c.text).sort()).toEqual(['ENV', 'EXPOSE', 'WORKDIR']);
  });

  it('a section opened by a clause about something else ("When you build, ...") or by "To ..." gives nothing', () => {
    const { questions, rules } = build('# Notes\n\n## Layers\n\nWhen you build, each instruction adds a layer.\n\n## Unlock\n\nTo unlock a locked swarm, run the unlock command.\n');
    expect(questions.filter((q) => rules[q.id]?.startsWith('heading-term'))).toEqual([]);
  });
});

describe('lead-ins that name the wrong command, and gerund headings', () => {
  it('"Run the container" over a block whose command is `docker pull` gives no task and says why', () => {
    const { questions, warnings } = build(`# Images\n\n> Run the container\n\n${fence('$ docker pull alpine')}\n`);
    expect(questions.filter((q) => q.type === 'command' || /container/i.test(q.prompt))).toEqual([]);
    expect(warnings.some((w) => /does not describe: "Run the container\." over "docker pull alpine"/.test(w))).toBe(true);
  });

  it('a gerund lead-in ("Running a container") describes the command like an imperative', () => {
    const { questions } = build(`# Containers\n\n> Running a container named web\n\n${fence('$ docker run -d --name web nginx')}\n`);
    expect(questions.filter((q) => q.type === 'command').map((q) => q.prompt)).toEqual(['Run a container named web.']);
  });
});

describe('seed-author fact lists: bold terms, option usages, best-choice conditions', () => {
  const facts = (heading: string, items: string[]) => `# Notes\n\n## ${heading}\n\n${items.map((i) => `1. ${i}`).join('\n')}\n`;

  it('items opening on a bold term give a choice each among the sibling terms, kind from a plural heading', () => {
    const { questions, rules } = build(
      facts('Dockerfile instructions', ['**FROM** sets the base image of the build.', '**COPY** copies files from the build context into the image.', '**EXPOSE** documents the ports the container listens on.', '**Namespaces** provide the isolation of a container.']),
    );
    const choices = questions.filter((q) => rules[q.id] === 'subject-choice');
    expect(choices.map((q) => q.prompt)).toEqual([
      'Which Dockerfile instruction sets the base image of the build?',
      'Which Dockerfile instruction copies files from the build context into the image?',
      'Which Dockerfile instruction documents the ports the container listens on?',
      'Which Dockerfile instruction provides the isolation of a container?',
    ]);
    expect(choices[1].choices!.find((c) => c.correct)!.text).toBe('COPY');
    expect(choices[1].choices!.map((c) => c.text).sort()).toEqual(['COPY', 'EXPOSE', 'FROM', 'Namespaces'].filter((t) => choices[1].choices!.some((c) => c.text === t)).sort());
    // The clozes stay.
    expect(questions.some((q) => q.type === 'cloze' && q.answer === 'COPY')).toBe(true);
  });

  it('a heading that is no plural noun gives "Which one", and "are" reads as "is"', () => {
    const { questions, rules } = build(
      facts('Role-based access control', ['A **subject** is a user, team or organization that gets access.', 'A **role** is a set of permitted operations.', 'A **grant** combines a subject, a role and a collection.', '**Services** are the definition of the tasks to run.']),
    );
    const prompts = questions.filter((q) => rules[q.id] === 'subject-choice').map((q) => q.prompt);
    expect(prompts).toContain('Which one is a set of permitted operations?');
    expect(prompts).toContain('Which one is the definition of the tasks to run?');
  });

  it('no choices from fewer than three bold-term items, from items that do not go on with a verb, or when the description names the term', () => {
    const none = (items: string[]) => build(facts('Dockerfile instructions', items)).questions.filter((q) => q.type === 'single-choice');
    expect(none(['**FROM** sets the base image.', '**COPY** copies files into the image.'])).toEqual([]);
    expect(none(['**FROM** base image', '**COPY** build context files', '**EXPOSE** ports at runtime'])).toEqual([]);
    const some = build(facts('Dockerfile instructions', ['**CMD** provides the default command; only the last CMD counts.', '**COPY** copies files into the image.', '**EXPOSE** documents the ports.'])).questions;
    expect(some.filter((q) => q.type === 'single-choice').map((q) => q.prompt)).not.toContain('Which Dockerfile instruction provides the default command; only the last CMD counts?');
  });

  it('usages with alternatives (`SERVICE|TASK`) ask no argument order; two plain placeholders do', () => {
    const block = (usage: string) => build(`# Swarm\n\n\`\`\`bash\n# Show the logs\n${usage}\n\`\`\`\n`).questions.filter((q) => /In which order/.test(q.prompt));
    expect(block('docker service logs [OPTIONS] SERVICE|TASK')).toEqual([]);
    expect(block('docker network connect [OPTIONS] NETWORK CONTAINER')).toHaveLength(1);
  });

  it('a best-choice condition ends at a semicolon: what follows is another fact', () => {
    const { questions } = build(
      facts('Mounts', ['**Volumes** is the best mount type when data must persist.', '**Bind mounts** is the best mount type when a host file must be shared.', '**tmpfs mounts** is the best mount type when data must not be persisted; they live in memory only.']),
    );
    expect(questions.map((q) => q.prompt)).toContain('Which mount type is the best choice when data must not be persisted?');
  });
});

describe('term and sub-list definitions', () => {
  const note = (term: string) => `# Swarm\n\n## Quorum\n\n- ${term}\n  - A quorum is the majority of managers in a swarm.\n`;

  it('a short term over a one-item sub-list is defined', () => {
    expect(build(note('Quorum')).questions.map((q) => q.prompt)).toContain('What is a Quorum in the Quorum?');
  });

  it('a label ("Def.)") or a step ("Edit /etc/docker/daemon.json") over a sub-list is no term', () => {
    for (const label of ['Def.)', 'Desc.)', 'Edit /etc/docker/daemon.json']) {
      expect([label, build(note(label)).questions.filter((q) => q.prompt.startsWith('What is'))]).toEqual([label, []]);
    }
  });
});

describe('is-a clozes on bullet facts', () => {
  const list = (item: string) => build(`# Images\n\n## Layers\n\n1. ${item}\n`).questions.filter((q) => q.type === 'cloze');

  it('"A dangling image is an image ..." is clozed on the defined phrase', () => {
    expect(list('A dangling image is an image with no tag that no other image references.').map((q) => [q.prompt, q.answer])).toEqual([
      ['A(n) _____ is an image with no tag that no other image references.', 'dangling image'],
    ]);
  });

  it('no cloze on a vague phrase, a short rest, or a rest that repeats the phrase', () => {
    expect(list('A good idea is a small image with few layers in it.')).toEqual([]);
    expect(list('A tag is a name.')).toEqual([]);
    expect(list('A base image is the base image of every build you run here.')).toEqual([]);
  });
});
