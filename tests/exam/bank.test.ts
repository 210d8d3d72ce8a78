/**
 * Drawing from the real compiled bank and blueprint (content/exam-blueprint.yaml).
 */
import { drawExam, InsufficientQuestionsError, nearDuplicates } from '@/lib/exam';
import { loadBank } from '../content/bank';

const bank = loadBank();
const blueprint = bank.blueprints.find((b) => b.id === 'dca-networking')!;
const byId = new Map(bank.questions.map((q) => [q.id, q]));

describe('drawing from the real bank', () => {
  it.each([1, 2, 3, 2026, 987654321])('draws a full 55-question exam with seed %i', (seed) => {
    const items = drawExam(bank, blueprint, { seed });
    expect(items).toHaveLength(55);
    const questions = items.map((i) => byId.get(i.questionId)!);
    expect(questions.every((q) => q.type === 'single-choice' || q.type === 'multiple-choice')).toBe(true);
    expect(new Set(questions.map((q) => q.sourceItem)).size).toBe(55);
    for (const o of blueprint.objectives) {
      const mine = items.filter((i) => i.objective === o.id);
      expect(mine).toHaveLength(o.count);
      expect(mine.every((i) => byId.get(i.questionId)!.tags!.some((t) => o.tags.includes(t)))).toBe(true);
    }
    expect(items.filter((i) => i.format === 'domc')).toHaveLength(Math.round(blueprint.domcShare * 55));
    // DOMC delivery goes to DOMC-written questions first
    const tagged = items.filter((i) => byId.get(i.questionId)!.tags!.includes('domc'));
    const domcTagged = tagged.filter((i) => i.format === 'domc');
    expect(domcTagged).toHaveLength(Math.min(tagged.length, Math.round(blueprint.domcShare * 55)));
  });

  it.each([1, 2, 3, 2026, 987654321])('seed %i: no outdated question, no two near-duplicates', (seed) => {
    const questions = drawExam(bank, blueprint, { seed }).map((i) => byId.get(i.questionId)!);
    expect(questions.filter((q) => q.outdated).map((q) => q.prompt)).toEqual([]);
    const pairs = questions.flatMap((a, i) => questions.slice(i + 1).filter((b) => nearDuplicates(a, b)).map((b) => [a.prompt, b.prompt]));
    expect(pairs).toEqual([]);
  });

  it('the bank has outdated choice questions that drawing leaves out', () => {
    const outdated = bank.questions.filter((q) => q.outdated && (q.type === 'single-choice' || q.type === 'multiple-choice'));
    expect(outdated.length).toBeGreaterThan(0);
    const drawn = new Set([1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => drawExam(bank, blueprint, { seed }).map((i) => i.questionId)));
    expect(outdated.filter((q) => drawn.has(q.id))).toEqual([]);
  });

  it('is deterministic per seed and varies across seeds', () => {
    expect(drawExam(bank, blueprint, { seed: 5 })).toEqual(drawExam(bank, blueprint, { seed: 5 }));
    expect(drawExam(bank, blueprint, { seed: 5 })).not.toEqual(drawExam(bank, blueprint, { seed: 6 }));
  });

  it.each([10, 20, 30])('draws a shorter %i-question exam in proportion', (size) => {
    const items = drawExam(bank, blueprint, { seed: 9, size });
    expect(items).toHaveLength(size);
    expect(new Set(items.map((i) => byId.get(i.questionId)!.sourceItem)).size).toBe(size);
    for (const o of blueprint.objectives) {
      const exact = (o.count * size) / blueprint.questions;
      const n = items.filter((i) => i.objective === o.id).length;
      expect(Math.abs(n - exact)).toBeLessThan(1);
    }
  });

  it('fails with InsufficientQuestionsError when an objective asks for more than the bank holds', () => {
    const greedy = {
      ...blueprint,
      questions: 500,
      objectives: blueprint.objectives.map((o) => (o.id === 'cnm' ? { ...o, count: o.count + 445 } : o)),
    };
    expect(() => drawExam(bank, greedy, { seed: 1 })).toThrow(InsufficientQuestionsError);
  });
});
