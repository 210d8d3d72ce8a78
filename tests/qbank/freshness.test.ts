/**
 * Fact freshness (issue 13): every entry of the changed-facts table is well formed, has a Docker
 * source, matches the texts that state the old fact and spares the ones that teach the change;
 * compiled questions get `outdated`, lint lists them with file:line, a build counts them.
 */
import { ChangedFactSchema } from '@/lib/qbank/schema';
import { CHANGED_FACTS } from '@/lib/qbank/changed-facts';
import { changedFactFor, outdatedBanner, statesOldFact } from '@/lib/qbank/freshness';
import { compile, formatDiagnostic } from '@/lib/qbank';

const ok = () => undefined;

describe('changed-facts table', () => {
  it('has unique ids and at least the facts issue 13 names', () => {
    const ids = CHANGED_FACTS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['cluster-store-flags', 'overlay-key-value-store', 'service-publish-all', 'network-create-drivers', 'legacy-links', 'docker-enterprise-products']),
    );
  });

  describe.each(CHANGED_FACTS.map((f) => [f.id, f] as const))('%s', (_id, fact) => {
    it('is a valid entry with a Docker (or Mirantis) documentation source', () => {
      expect(ChangedFactSchema.parse(fact)).toEqual(fact);
      expect(fact.source).toMatch(/^https:\/\/(docs\.docker\.com|docs\.mirantis\.com)\//);
      expect(fact.note.length).toBeLessThanOrEqual(300);
    });

    it.each(fact.examples.dependsOn)('matches a text stating the old fact: %s', (text) => {
      expect(statesOldFact(fact, text)).toBe(true);
      expect(changedFactFor({ prompt: text })?.id).toBe(fact.id);
    });

    it.each(fact.examples.independent)('spares a current or unrelated text: %s', (text) => {
      expect(statesOldFact(fact, text)).toBe(false);
    });
  });
});

describe('changedFactFor', () => {
  it('reads the prompt, the key and the source item, never a distractor', () => {
    const choices = [
      { text: 'Run `docker swarm init` first.', correct: true },
      { text: 'Start the daemon with `--cluster-store consul://...`.', correct: false },
    ];
    expect(changedFactFor({ prompt: 'How do you prepare hosts for an overlay network?', choices })).toBeUndefined();
    expect(changedFactFor({ prompt: 'How do you prepare hosts?', choices: choices.map((c) => ({ ...c, correct: !c.correct })) })?.id).toBe('cluster-store-flags');
    expect(changedFactFor({ prompt: 'Which options?', answer: '`--cluster-advertise`' })?.id).toBe('cluster-store-flags');
    expect(changedFactFor({ prompt: 'Fill the gap: _____', answer: 'x', item: 'linked containers on the default bridge network share environment variables.' })?.id).toBe('legacy-links');
  });

  it('spares a question whose explanation already teaches the change', () => {
    expect(
      changedFactFor({ prompt: 'Which daemon option pointed overlays at Consul?', answer: '`--cluster-store`', explanation: 'Removed in Engine 23.0.' }),
    ).toBeUndefined();
  });

  it('formats the banner', () => {
    expect(outdatedBanner({ since: 'Engine 23.0', note: 'Overlays need swarm mode.', source: 'https://docs.docker.com/' })).toBe(
      'Outdated since Engine 23.0: Overlays need swarm mode.',
    );
  });
});

describe('compiling outdated questions', () => {
  const note = [
    '# Legacy overlay',
    '',
    '1. The `dockerd` options that support the overlay network are:',
    '   1. `--cluster-store`',
    '   1. `--cluster-advertise`',
    '',
    '> **Q:** Which port do swarm managers listen on?',
    '>',
    '> - [x] 2377',
    '> - [ ] 7946',
    '> - [ ] 4789',
  ].join('\n');

  it('marks them in the bank and lists them as warnings at file:line', () => {
    const { bank, diagnostics } = compile([{ path: 'legacy.md', content: note }], { validateLine: ok });
    const outdated = bank.questions.filter((q) => q.outdated);
    expect(outdated.map((q) => q.prompt)).toEqual(['Which `dockerd` options support the overlay network?']);
    expect(outdated[0].outdated).toEqual({
      since: 'Engine 23.0',
      note: expect.stringContaining('--cluster-store'),
      source: 'https://docs.docker.com/engine/deprecated/#classic-swarm-and-overlay-networks-using-cluster-store',
    });
    expect(bank.questions.find((q) => q.prompt.startsWith('Which port'))?.outdated).toBeUndefined();
    const warnings = diagnostics.filter((d) => d.check === 'outdated');
    expect(warnings).toHaveLength(1);
    expect(formatDiagnostic(warnings[0])).toMatch(/^legacy\.md:3:1: warning: outdated question "Which `dockerd` options support the overlay network\?": Outdated since Engine 23\.0: /);
  });
});
