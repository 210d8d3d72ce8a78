/** The explicit authoring syntax: each question type, and malformed blocks reported at file:line:column. */
import { compile, formatDiagnostic, type Question } from '@/lib/qbank';

const ok = () => undefined;
function build(md: string) {
  return compile([{ path: 'note.md', content: md }], { validateLine: ok });
}
function only(md: string): Question {
  const { bank, diagnostics } = build(md);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(bank.questions).toHaveLength(1);
  return bank.questions[0];
}

describe('explicit syntax', () => {
  it('reads a qa card with explanation, tags, docs and id', () => {
    const q = only(
      [
        '# Deck',
        '',
        '> **Q:** What is the default bridge called?',
        '>',
        '> **A:** `bridge`',
        '>',
        '> **Explanation:** It uses `docker0`.',
        '>',
        '> It is created at daemon start.',
        '>',
        '> **Tags:** bridge, Basics',
        '>',
        '> **Docs:** https://docs.docker.com/engine/network/drivers/bridge/',
        '>',
        '> **Id:** default-bridge-name',
      ].join('\n'),
    );
    expect(q).toMatchObject({
      id: 'default-bridge-name',
      sourceItem: 'default-bridge-name',
      type: 'qa',
      prompt: 'What is the default bridge called?',
      answer: '`bridge`',
      explanation: 'It uses `docker0`.\n\nIt is created at daemon start.',
      tags: ['bridge', 'basics'],
      docs: ['https://docs.docker.com/engine/network/drivers/bridge/'],
      source: { file: 'note.md', line: 3 },
      topic: ['Deck'],
    });
  });

  it.each([
    // label style, expected type
    ['- [x] 2377\n> - [ ] 7946\n> - [ ] 4789', 'single-choice'],
    ['- [x] 7946\n> - [x] 4789\n> - [ ] 2377', 'multiple-choice'],
  ])('reads choices %#', (list, type) => {
    const q = only(`> **Q:** Which port?\n>\n> ${list}\n`);
    expect(q.type).toBe(type);
    expect(q.choices!.length).toBe(3);
  });

  it('**Type:** multiple-choice forces the type with one right answer, colon outside the bold works', () => {
    const q = only('> **Q**: Which port?\n>\n> - [x] 2377\n> - [ ] 80\n>\n> **Type:** multiple-choice\n');
    expect(q.type).toBe('multiple-choice');
  });

  it('reads a cloze, also inside inline code, leaving Go templates alone', () => {
    expect(only('> **Cloze:** The default bridge is {{docker0}} on the host.\n')).toMatchObject({ type: 'cloze', prompt: 'The default bridge is _____ on the host.', answer: 'docker0' });
    expect(only("> **Cloze:** Run `docker network ls --filter {{type=custom}} --format '{{.Name}}'`.\n")).toMatchObject({
      prompt: "Run `docker network ls --filter _____ --format '{{.Name}}'`.",
      answer: 'type=custom',
    });
  });

  it('reads a command task with setup, two solutions, check mode and nodes', () => {
    const q = only(
      [
        '> **Task:** Create an overlay network `appnet`.',
        '>',
        '> **Nodes:** manager1, worker1',
        '>',
        '> **Setup:**',
        '>',
        '> ```sh',
        '> docker swarm init',
        '> ```',
        '>',
        '> **Solution:**',
        '>',
        '> ```sh',
        '> docker network create -d overlay appnet',
        '> ```',
        '>',
        '> **Solution:**',
        '>',
        '> ```sh',
        '> # the long flag',
        '> $ docker network create --driver overlay appnet',
        '> ```',
        '>',
        '> **Check:** output',
      ].join('\n'),
    );
    expect(q.command).toEqual({
      setup: ['docker swarm init'],
      solutions: [['docker network create -d overlay appnet'], ['docker network create --driver overlay appnet']],
      mode: 'output',
      nodes: ['manager1', 'worker1'],
    });
  });

  it('reads the asked columns of an output task (h16p), and refuses them on a state task', () => {
    const task = (extra: string) =>
      ['> **Task:** List every network and its driver.', '>', '> **Solution:**', '>', '> ```sh', '> docker network ls', '> ```', '>', extra].join('\n');
    expect(only(task('> **Check:** output\n>\n> **Columns:** NETWORK ID|NAME, DRIVER')).command).toEqual({
      setup: [],
      solutions: [['docker network ls']],
      mode: 'output',
      columns: ['NETWORK ID|NAME', 'DRIVER'],
    });
    const { diagnostics } = build(task('> **Columns:** NAME'));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['**Columns:** applies to output tasks only']);
  });

  it('leaves ordinary quotes alone', () => {
    const { bank, diagnostics } = build('# D\n\n> **Note:** this is a callout.\n\n> Just a quote.\n');
    expect(bank.questions).toEqual([]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']); // the note yields no questions
  });
});

describe('malformed blocks', () => {
  it.each([
    // name, markdown, expected first error (file:line:column: message)
    ['missing answer', '# D\n\n> **Q:** What?\n', 'note.md:3:3: the question has no answer'],
    ['empty answer', '# D\n\n> **Q:** What?\n>\n> **A:**\n', 'note.md:5:3: the question has no answer'],
    ['two gaps in a cloze', '# D\n\n> **Cloze:** {{a}} and {{b}}\n', 'note.md:3:3: a cloze needs exactly one {{hidden part}}, found 2'],
    ['no gap in a cloze', '# D\n\n> **Cloze:** nothing hidden\n', 'note.md:3:3: a cloze needs one {{hidden part}}, found none'],
    ['task without solution', '# D\n\n> **Task:** Do it.\n', 'note.md:3:3: the task has no **Solution:**'],
    ['solution without fence', '# D\n\n> **Task:** Do it.\n>\n> **Solution:** docker ps\n', 'note.md:5:3: **solution:** needs a ```sh code fence'],
    ['unknown label', '# D\n\n> **Q:** What?\n>\n> **Answer:** x\n', 'note.md:5:3: unknown label **answer:** in a question block'],
    ['no correct choice', '# D\n\n> **Q:** What?\n>\n> - [ ] a\n> - [ ] b\n', 'note.md:5:3: no choice is marked correct'],
    ['bad check mode', '# D\n\n> **Task:** Do.\n>\n> **Solution:**\n>\n> ```sh\n> docker ps\n> ```\n>\n> **Check:** diff\n', 'note.md:11:3: unknown **Check:** "diff"'],
    ['bad front matter YAML', '---\ntitle: a: b\n---\n# D\n', 'note.md:2:8: front matter is not valid YAML'],
    ['unknown front matter key', '---\ntitle: Deck\ncolour: blue\n---\n# D\n', 'note.md:3:1: unknown front matter key "colour"'],
    ['wrong front matter type', '---\ntitle: Deck\nweight: heavy\n---\n# D\n', 'note.md:3:1: "weight": '],
  ])('%s', (_name, md, expected) => {
    const errors = build(md).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const hit = errors.find((e) => formatDiagnostic(e).startsWith(expected));
    expect(hit ? expected : errors.map(formatDiagnostic)).toBe(expected);
    expect(hit!.hint).toBeTruthy();
  });

  it('reports a command the validator rejects at its line inside the fence', () => {
    const md = '# D\n\n> **Task:** Do.\n>\n> **Solution:**\n>\n> ```sh\n> docker network create\n> ```\n';
    const { diagnostics } = compile([{ path: 'note.md', content: md }], { validateLine: (l) => (l === 'docker network create' ? { message: 'needs a name' } : undefined) });
    expect(formatDiagnostic(diagnostics[0])).toMatch(/^note\.md:8:3: solution command "docker network create": needs a name/);
  });

  it('validates task lines with lib/cli by default', () => {
    const md =
      '# D\n\n> **Task:** Do.\n>\n> **Setup:**\n>\n> ```sh\n> docker -H worker1 swarm join --token $(docker -H manager1 swarm join-token -q worker) 10.0.0.11:2377\n> ```\n>\n> **Solution:**\n>\n> ```sh\n> docker network connect onlyone\n> ```\n';
    const errors = compile([{ path: 'note.md', content: md }]).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(14);
  });

  it('rejects a duplicate explicit id across notes', () => {
    const md = '> **Q:** a?\n>\n> **A:** b\n>\n> **Id:** same\n';
    const { diagnostics } = compile([
      { path: 'a.md', content: `# A\n\n${md}` },
      { path: 'b.md', content: `# B\n\n${md}` },
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)[0]).toMatch(/^b\.md:3:1: duplicate \*\*Id:\*\* "same"/);
  });
});
