/**
 * The networking decks meet issue 8's bar: enough questions per objective and type, one
 * objective tag each, an explanation and a docs link on every question (docs.docker.com, or
 * docs.mirantis.com for MKE/MSR, whose docs left Docker in 2019), and a blueprint that a full exam
 * can be drawn from.
 */
import { formatDiagnostic } from '@/lib/qbank';
import { BLUEPRINT_FILE, DECK_FILES, OBJECTIVE_TAGS, compileDecks, deckQuestions, loadBank, objectiveOf } from './bank';

const bank = loadBank();
const questions = deckQuestions(bank);
const isChoice = (type: string) => type === 'single-choice' || type === 'multiple-choice';

describe('networking decks', () => {
  it('compile with no errors and no warnings', () => {
    const mine = compileDecks().diagnostics.filter((d) => DECK_FILES.includes(d.file) || d.file === BLUEPRINT_FILE);
    expect(mine.map(formatDiagnostic)).toEqual([]);
  });

  it('compile into one deck per file, with the front matter', () => {
    for (const file of DECK_FILES) {
      const deck = bank.decks.find((d) => d.file === file);
      expect(deck).toMatchObject({ domain: 'Networking' });
      expect(deck!.questionCount).toBeGreaterThan(0);
      expect(deck!.description).toBeTruthy();
      expect(typeof deck!.weight).toBe('number');
    }
  });

  it('meet the issue minimums: 150 questions, 40 command tasks, 30 written for DOMC', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(questions.filter((q) => q.type === 'command').length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.tags?.includes('domc')).length).toBeGreaterThanOrEqual(30);
  });

  it('give every question exactly one objective tag', () => {
    const untagged = questions.filter((q) => objectiveOf(q) === undefined).map((q) => `${q.source.file}:${q.source.line}`);
    expect(untagged).toEqual([]);
  });

  it('give every question an explanation and a docs.docker.com (or, for MKE/MSR, docs.mirantis.com) link', () => {
    const official = (u: string) => u.startsWith('https://docs.docker.com/') || u.startsWith('https://docs.mirantis.com/');
    const missing = questions
      .filter((q) => !q.explanation?.trim() || !q.docs?.some(official))
      .map((q) => `${q.source.file}:${q.source.line}`);
    expect(missing).toEqual([]);
  });

  it('only tag as DOMC choice questions', () => {
    const wrong = questions.filter((q) => q.tags?.includes('domc') && !isChoice(q.type)).map((q) => `${q.source.file}:${q.source.line}`);
    expect(wrong).toEqual([]);
  });

  it('include multi-node swarm tasks', () => {
    const swarm = questions.filter((q) => q.type === 'command' && (q.command!.nodes?.length ?? 0) >= 2);
    expect(swarm.length).toBeGreaterThanOrEqual(8);
    expect(swarm.some((q) => (q.command!.nodes?.length ?? 0) >= 3)).toBe(true);
  });

  it.each(OBJECTIVE_TAGS)('cover objective %s with cards, choice questions and command tasks', (tag) => {
    const mine = questions.filter((q) => objectiveOf(q) === tag);
    expect(mine.filter((q) => isChoice(q.type)).length).toBeGreaterThanOrEqual(8);
    expect(mine.filter((q) => q.type === 'command').length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((q) => q.type === 'qa' || q.type === 'cloze').length).toBeGreaterThanOrEqual(2);
  });
});

describe('exam blueprint', () => {
  const blueprint = bank.blueprints.find((b) => b.id === 'dca-networking')!;

  it('is compiled and shaped for a 55-question, 90-minute exam', () => {
    expect(blueprint).toMatchObject({ questions: 55, minutes: 90, domcShare: 0.8 });
    expect(blueprint.objectives.reduce((n, o) => n + o.count, 0)).toBe(55);
    expect(blueprint.objectives.map((o) => o.id).sort()).toEqual([...OBJECTIVE_TAGS].sort());
  });

  it.each(OBJECTIVE_TAGS)('has at least 1.5x as many distinct choice items as it draws for %s', (tag) => {
    const objective = blueprint.objectives.find((o) => o.id === tag)!;
    const items = new Set(
      bank.questions.filter((q) => isChoice(q.type) && q.tags?.some((t) => objective.tags.includes(t))).map((q) => q.sourceItem),
    );
    expect(items.size).toBeGreaterThanOrEqual(Math.ceil(objective.count * 1.5));
  });
});
