/** The exam blueprint YAML is validated into bank.blueprints against the compiled questions. */
import { compile, formatDiagnostic } from '@/lib/qbank';

const NOTE = [
  '# N',
  '',
  '> **Q:** a?\n>\n> - [x] 1\n> - [ ] 2\n>\n> **Tags:** bridge',
  '',
  '> **Q:** b?\n>\n> - [x] 1\n> - [ ] 2\n>\n> **Tags:** bridge',
  '',
  '> **Q:** c?\n>\n> - [x] 1\n> - [ ] 2\n>\n> **Tags:** dns',
].join('\n');

function blueprint(objectives: string, questions = 3): string {
  return `id: practice\ntitle: Practice\nquestions: ${questions}\nminutes: 30\npassPercent: 70\ndomcShare: 0.8\nobjectives:\n${objectives}`;
}
const run = (yaml: string) => compile([{ path: 'n.md', content: NOTE }], { blueprint: { path: 'exam-blueprint.yaml', content: yaml }, validateLine: () => undefined });
const errors = (yaml: string) => run(yaml).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('blueprint', () => {
  it('is validated into bank.blueprints', () => {
    const r = run(blueprint('  - id: bridge\n    title: Bridge\n    count: 2\n    tags: [bridge]\n  - id: dns\n    title: DNS\n    count: 1\n    tags: [dns]\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.bank.blueprints).toEqual([
      {
        id: 'practice',
        title: 'Practice',
        questions: 3,
        minutes: 30,
        passPercent: 70,
        domcShare: 0.8,
        objectives: [
          { id: 'bridge', title: 'Bridge', count: 2, tags: ['bridge'] },
          { id: 'dns', title: 'DNS', count: 1, tags: ['dns'] },
        ],
      },
    ]);
  });

  it.each([
    // name, yaml, expected error prefix
    ['counts do not sum to questions', blueprint('  - id: bridge\n    title: B\n    count: 2\n    tags: [bridge]\n'), 'exam-blueprint.yaml:3:1: blueprint objective counts sum to 2, not questions: 3'],
    ['objective has too few questions', blueprint('  - id: dns\n    title: D\n    count: 3\n    tags: [dns]\n'), 'exam-blueprint.yaml:8:1: objective "dns" needs 3 choice questions but only 1'],
    ['missing field', 'id: x\ntitle: X\nquestions: 1\nminutes: 5\npassPercent: 70\nobjectives: []\n', 'exam-blueprint.yaml:1:1: blueprint domcShare'],
    ['bad YAML', 'id: [\n', 'exam-blueprint.yaml:'],
    ['share out of range', blueprint('  - id: dns\n    title: D\n    count: 1\n    tags: [dns]\n', 1).replace('0.8', '2'), 'exam-blueprint.yaml:6:1: blueprint domcShare'],
  ])('%s', (_name, yaml, expected) => {
    const list = errors(yaml);
    expect(list.find((e) => e.startsWith(expected)) ?? list).toEqual(expect.stringContaining(expected));
  });
});
