/**
 * Cross-deck checks (issue 13): the same question keyed differently is an error (by normalised
 * prompt or by an author's **Fact:** key; outdated questions exempt), and a deck whose keyed
 * option is usually the longest gets a warning.
 */
import { compile, formatDiagnostic } from '@/lib/qbank';

const ok = () => undefined;
const build = (notes: Record<string, string>) =>
  compile(
    Object.entries(notes).map(([path, content]) => ({ path, content })),
    { validateLine: ok },
  );
const errors = (notes: Record<string, string>) =>
  build(notes)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);

const single = (prompt: string, right: string, wrong: string[], extra = '') =>
  [`> **Q:** ${prompt}`, '>', `> - [x] ${right}`, ...wrong.map((w) => `> - [ ] ${w}`), extra ? `>\n> ${extra}` : '', ''].join('\n');

describe('consistency lint', () => {
  // Two notes' option lists for different command families: the same option, different owners.
  const optionBlock = (family: string, verbs: [string, string][]) =>
    ['```bash', ...verbs.flatMap(([verb, opts]) => [`# ${verb} things; options: ${opts}`, `docker ${family} ${verb} [OPTIONS]`, '']), '```', ''].join('\n');

  it('names the command family in option questions, so two notes with the same option do not clash', () => {
    const r = build({
      'a.md': `# A\n\n${optionBlock('volume', [['ls', '--quiet|-q, --filter'], ['prune', '--force|-f'], ['inspect', '--format']])}`,
      'b.md': `# B\n\n${optionBlock('secret', [['ls', '--format'], ['rm', '--force|-f'], ['inspect', '--quiet|-q']])}`,
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const prompts = r.bank.questions.map((q) => q.prompt);
    expect(prompts).toContain('Which `docker volume` command accepts the `--quiet` (`-q`) option?');
    expect(prompts).toContain('Which `docker secret` command accepts the `--quiet` (`-q`) option?');
  });

  it('leaves out a distractor the simulator knows to take the option too (the note listed it incompletely)', () => {
    const r = build({ 'a.md': `# A\n\n${optionBlock('service', [['ps', '--quiet|-q, --no-trunc'], ['create', '--replicas'], ['logs', '--tail'], ['rm', '--help']])}` });
    const quiet = r.bank.questions.find((q) => q.prompt === 'Which `docker service` command accepts the `--quiet` (`-q`) option?')!;
    expect(quiet.choices!.map((c) => c.text)).not.toContain('`docker service create`');
    expect(quiet.choices!.find((c) => c.correct)!.text).toBe('`docker service ps`');
  });

  it('drops two generated questions that ask the same with different keys (a warning each), never an authored one', () => {
    // Mixed families: the prompt cannot name one, so the two notes' questions clash.
    const mixed = (a: string, b: string, c: string) =>
      ['```bash', `# Show ${a}; options: --quiet|-q`, `docker ${a} [OPTIONS]`, `# Show ${b}; options: --all|-a`, `docker ${b} [OPTIONS]`, `# Show ${c}; options: --all|-a`, `docker ${c} [OPTIONS]`, '```', ''].join('\n');
    const r = build({ 'a.md': `# A\n\n${mixed('volume ls', 'secret ls', 'config ls')}`, 'b.md': `# B\n\n${mixed('secret ls', 'volume ls', 'config ls')}` });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warned = r.diagnostics.filter((d) => /dropped: .* asks the same with another key/.test(d.message));
    expect([...new Set(warned.map((d) => d.file))].sort()).toEqual(['a.md', 'b.md']);
    expect(r.bank.questions.filter((q) => q.prompt === 'Which command accepts the `--quiet` (`-q`) option?')).toEqual([]);
    expect(r.bank.decks.map((d) => d.questionCount)).toEqual(['a', 'b'].map((deck) => r.bank.questions.filter((q) => q.deck === deck).length));
    // An authored question that clashes with a generated one is still an error.
    const authored = single('Which command accepts the `--quiet` (`-q`) option?', '`docker config ls`', ['`docker secret ls`', '`docker volume ls`']);
    expect(errors({ 'a.md': `# A\n\n${mixed('volume ls', 'secret ls', 'config ls')}`, 'c.md': `# C\n\n${authored}` })).toHaveLength(1);
  });

  it('errors when two decks key the same prompt differently', () => {
    const list = errors({
      'a.md': single('Which port do swarm managers listen on?', '2377', ['7946', '4789']),
      'b.md': `# B\n\n${single('Which port do Swarm managers listen on', '7946', ['2377', '4789'])}`,
    });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^b\.md:3:1: inconsistent with a\.md:1: same question, the option "(2377|7946)" is keyed (right|wrong) in one and the opposite in the other\n/);
  });

  it('errors when two qa cards ask the same with different answers, not for the same answer reworded', () => {
    expect(
      errors({
        'a.md': '> **Q:** What is the default bridge called?\n>\n> **A:** `bridge`\n',
        'b.md': '> **Q:** What is the default bridge called?\n>\n> **A:** `docker0`\n',
      }),
    ).toHaveLength(1);
    expect(
      errors({
        'a.md': '> **Q:** What is the default bridge called?\n>\n> **A:** `bridge`\n',
        'b.md': '> **Q:** What is the default bridge called?\n>\n> **A:** bridge.\n',
      }),
    ).toEqual([]);
  });

  it('uses the **Fact:** key across different prompts and types', () => {
    const list = errors({
      'a.md': single('Which port do managers use for the Raft and management API?', '2377', ['7946', '4789'], '**Fact:** swarm-management-port'),
      'b.md': '> **Q:** Swarm managers accept cluster management traffic on which TCP port?\n>\n> **A:** 2376\n>\n> **Fact:** swarm-management-port\n',
    });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/same \*\*Fact:\*\* "swarm-management-port", keyed "2377" in one and "2376" in the other/);
    expect(
      errors({
        'a.md': single('Which port do managers use?', '2377', ['7946', '4789'], '**Fact:** swarm-management-port'),
        'b.md': '> **Q:** Swarm managers listen on which TCP port?\n>\n> **A:** `2377`\n>\n> **Fact:** swarm-management-port\n',
      }),
    ).toEqual([]);
  });

  it('exempts outdated questions', () => {
    expect(
      errors({
        'a.md': single('Which daemon options set up overlay networking?', '`--cluster-store`', ['`--bip`', '`--icc`']),
        'b.md': single('Which daemon options set up overlay networking?', '`--bip`', ['`--cluster-store`', '`--icc`']),
      }),
    ).toEqual([]);
  });

  it('different options keyed differently under a generic prompt are no conflict in multiple choice', () => {
    const multi = (right: string[], wrong: string[]) => ['> **Q:** Which statements are true?', '>', ...right.map((r) => `> - [x] ${r}`), ...wrong.map((w) => `> - [ ] ${w}`), ''].join('\n');
    expect(errors({ 'a.md': multi(['A is 1', 'B is 2'], ['C is 4']), 'b.md': multi(['D is 1', 'E is 2'], ['F is 4']) })).toEqual([]);
  });
});

describe('longest keyed option lint', () => {
  const deck = (longest: number, total: number) =>
    Array.from({ length: total }, (_, i) =>
      i < longest
        ? single(`Question ${i}?`, 'the right answer, and by far the longest option here', ['short one', 'short two'])
        : single(`Question ${i}?`, 'right', ['a much longer wrong option than the key', 'wrong']),
    ).join('\n');

  it('warns when the key is the longest in more than 40% of a deck', () => {
    const warnings = build({ 'd.md': deck(3, 6) }).diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map(formatDiagnostic)).toEqual([expect.stringMatching(/^d\.md:1:1: warning: the keyed option is the longest in 3 of 6 choice questions \(50%, limit 40%\): line 1, line 8, line 15\n/)]);
  });

  it('stays quiet at 40% or below', () => {
    expect(build({ 'd.md': deck(2, 5) }).diagnostics).toEqual([]);
  });
});
