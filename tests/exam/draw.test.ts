import {
  drawExam,
  scaleBlueprint,
  createRng,
  ExamError,
  InsufficientQuestionsError,
  InvalidExamRequestError,
  nearDuplicates,
  ExamItemSchema,
  type ExamBankInput,
  type ExamBlueprintInput,
  type ExamQuestionInput,
} from '@/lib/exam';

/** n choice questions for one objective tag, every third written for DOMC. */
function questions(tag: string, n: number, extra: Partial<ExamQuestionInput> = {}): ExamQuestionInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${i}`,
    type: i % 2 === 0 ? 'single-choice' : 'multiple-choice',
    tags: i % 3 === 0 ? [tag, 'domc'] : [tag],
    sourceItem: `${tag}-src-${i}`,
    ...extra,
  }));
}

const blueprint: ExamBlueprintInput = {
  questions: 10,
  domcShare: 0.8,
  objectives: [
    { id: 'a', count: 5, tags: ['a'] },
    { id: 'b', count: 3, tags: ['b'] },
    { id: 'c', count: 2, tags: ['c', 'c2'] },
  ],
};

const bank: ExamBankInput = {
  questions: [
    ...questions('a', 9),
    ...questions('b', 6),
    ...questions('c', 2),
    ...questions('c2', 2),
    // not drawable: other types
    { id: 'qa-1', type: 'qa', tags: ['a'], sourceItem: 'qa-src' },
    { id: 'cmd-1', type: 'command', tags: ['b'], sourceItem: 'cmd-src' },
  ],
};

const byId = new Map(bank.questions.map((q) => [q.id, q]));

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('drawExam', () => {
  // shape and blueprint rules
  it('draws the blueprint counts from choice questions with distinct source items', () => {
    const items = drawExam(bank, blueprint, { seed: 1 });
    expect(items).toHaveLength(10);
    for (const item of items) expect(ExamItemSchema.parse(item)).toEqual(item);
    expect(countBy(items, (i) => i.objective)).toEqual({ a: 5, b: 3, c: 2 });
    const qs = items.map((i) => byId.get(i.questionId)!);
    expect(qs.every((q) => q.type === 'single-choice' || q.type === 'multiple-choice')).toBe(true);
    expect(new Set(qs.map((q) => q.sourceItem)).size).toBe(10);
    for (const item of items) {
      const tags = byId.get(item.questionId)!.tags ?? [];
      expect(blueprint.objectives.find((o) => o.id === item.objective)!.tags.some((t) => tags.includes(t))).toBe(true);
    }
  });

  it('delivers round(domcShare * size) items as DOMC, DOMC-tagged questions first', () => {
    const items = drawExam(bank, blueprint, { seed: 7 });
    const domc = items.filter((i) => i.format === 'domc');
    expect(domc).toHaveLength(8);
    const taggedDrawn = items.filter((i) => byId.get(i.questionId)!.tags!.includes('domc'));
    // every drawn DOMC-tagged question is delivered as DOMC (there are fewer of them than 8)
    expect(taggedDrawn.every((i) => i.format === 'domc')).toBe(true);
  });

  it.each([0, 0.5, 1])('honours domcShare %p', (share) => {
    const items = drawExam(bank, { ...blueprint, domcShare: share }, { seed: 3 });
    expect(items.filter((i) => i.format === 'domc')).toHaveLength(Math.round(share * 10));
  });

  // determinism
  it('gives the same exam for the same seed and different exams for different seeds', () => {
    expect(drawExam(bank, blueprint, { seed: 42 })).toEqual(drawExam(bank, blueprint, { seed: 42 }));
    const exams = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(drawExam(bank, blueprint, { seed })));
    expect(new Set(exams).size).toBeGreaterThan(1);
  });

  it('does not depend on the order of the bank', () => {
    const reversed = { questions: bank.questions.slice().reverse() };
    expect(drawExam(reversed, blueprint, { seed: 9 })).toEqual(drawExam(bank, blueprint, { seed: 9 }));
  });

  // shorter exams
  it.each([
    [5, { a: 3, b: 1, c: 1 }],
    [4, { a: 2, b: 1, c: 1 }],
    [1, { a: 1 }],
  ])('draws a %i-question exam with proportional counts', (size, expected) => {
    const items = drawExam(bank, blueprint, { seed: 11, size });
    expect(items).toHaveLength(size);
    expect(countBy(items, (i) => i.objective)).toEqual(expected);
  });

  // matching, not greedy: shared questions go where they are needed
  it('assigns a question tagged for two objectives to the one that needs it', () => {
    const shared: ExamBankInput = {
      questions: [
        { id: 'x1', type: 'single-choice', tags: ['x', 'y'], sourceItem: 's1' },
        { id: 'x2', type: 'single-choice', tags: ['x', 'y'], sourceItem: 's2' },
        { id: 'y1', type: 'single-choice', tags: ['y'], sourceItem: 's3' },
      ],
    };
    const bp: ExamBlueprintInput = {
      questions: 3,
      domcShare: 0,
      objectives: [
        { id: 'y', count: 1, tags: ['y'] },
        { id: 'x', count: 2, tags: ['x'] },
      ],
    };
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const items = drawExam(shared, bp, { seed });
      expect(items.find((i) => i.objective === 'y')!.questionId).toBe('y1');
    }
  });

  it('never draws two siblings of one source item', () => {
    const siblings: ExamBankInput = {
      questions: [
        { id: 's-a', type: 'single-choice', tags: ['t'], sourceItem: 'same' },
        { id: 's-b', type: 'multiple-choice', tags: ['t', 'domc'], sourceItem: 'same' },
        { id: 'o', type: 'single-choice', tags: ['t'], sourceItem: 'other' },
      ],
    };
    const bp: ExamBlueprintInput = { questions: 2, domcShare: 0.5, objectives: [{ id: 't', count: 2, tags: ['t'] }] };
    const ids = drawExam(siblings, bp, { seed: 5 }).map((i) => i.questionId).sort();
    expect(ids).toEqual(['o', 's-b']);
  });

  // errors
  it('throws InsufficientQuestionsError naming the objective that cannot be filled', () => {
    const thin = { questions: bank.questions.filter((q) => !q.id.startsWith('b-') || q.id === 'b-0') };
    let caught: unknown;
    try {
      drawExam(thin, blueprint, { seed: 1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InsufficientQuestionsError);
    expect(caught).toBeInstanceOf(ExamError);
    const err = caught as InsufficientQuestionsError;
    expect(err.kind).toBe('unavailable');
    expect(err.shortfalls).toEqual([{ objective: 'b', needed: 3, drawn: 1 }]);
    expect(err.message).toMatch(/"b" needs 3/);
  });

  it('counts only choice questions towards an objective', () => {
    const onlyCommands: ExamBankInput = { questions: questions('a', 6, { type: 'command' }) };
    const bp: ExamBlueprintInput = { questions: 1, domcShare: 0, objectives: [{ id: 'a', count: 1, tags: ['a'] }] };
    expect(() => drawExam(onlyCommands, bp, { seed: 1 })).toThrow(InsufficientQuestionsError);
  });

  it.each([
    ['a fractional size', { seed: 1, size: 2.5 }],
    ['a zero size', { seed: 1, size: 0 }],
    ['a non-finite seed', { seed: Number.NaN }],
  ])('rejects %s with a bad-request error', (_, opts) => {
    expect(() => drawExam(bank, blueprint, opts)).toThrow(InvalidExamRequestError);
    try {
      drawExam(bank, blueprint, opts);
    } catch (e) {
      expect((e as ExamError).kind).toBe('bad-request');
    }
  });

  it('rejects a blueprint whose counts do not sum to its size', () => {
    expect(() => drawExam(bank, { ...blueprint, questions: 11 }, { seed: 1 })).toThrow(InvalidExamRequestError);
  });
});

describe('scaleBlueprint', () => {
  it.each([
    [10, [5, 3, 2]],
    [5, [3, 1, 1]],
    [3, [1, 1, 1]],
    [2, [1, 1, 0]],
    [20, [10, 6, 4]],
  ])('scales to %i questions as %j', (size, counts) => {
    const scaled = scaleBlueprint(blueprint, size);
    expect(scaled.questions).toBe(size);
    expect(scaled.objectives.map((o) => o.count)).toEqual(counts);
    expect(scaled.objectives.map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps sums exact for every size of a 55-question blueprint', () => {
    const bp: ExamBlueprintInput = {
      questions: 55,
      domcShare: 0.8,
      objectives: [8, 7, 5, 8, 7, 12, 4, 4].map((count, i) => ({ id: `o${i}`, count, tags: [`o${i}`] })),
    };
    for (let size = 1; size <= 55; size++) {
      const scaled = scaleBlueprint(bp, size);
      expect(scaled.objectives.reduce((n, o) => n + o.count, 0)).toBe(size);
      scaled.objectives.forEach((o, i) => expect(Math.abs(o.count - (bp.objectives[i].count * size) / 55)).toBeLessThan(1));
    }
  });
});

describe('createRng', () => {
  it('is deterministic, in range, and separates nearby and fractional seeds', () => {
    const seq = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    expect(seq(1)).not.toEqual(seq(1.5));
    expect(seq(2 ** 40)).not.toEqual(seq(0));
    const r = createRng(123);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
  });
});

describe('drawExam: outdated and near-duplicate questions', () => {
  const one: ExamBlueprintInput = { questions: 2, domcShare: 0, objectives: [{ id: 'x', count: 2, tags: ['x'] }] };
  const q = (id: string, prompt: string, key: string, extra: Partial<ExamQuestionInput> = {}): ExamQuestionInput => ({
    id,
    type: 'single-choice',
    tags: ['x'],
    sourceItem: `src-${id}`,
    prompt,
    choices: [
      { text: key, correct: true },
      { text: 'something else entirely', correct: false },
    ],
    ...extra,
  });

  it('never draws an outdated question', () => {
    const bank = {
      questions: [
        q('old', 'Which dockerd options support overlay networks?', '`--cluster-store`', { outdated: { since: 'Engine 23.0' } }),
        q('a', 'Which TCP port do swarm managers use?', '2377'),
        q('b', 'Which driver gives a container the host stack?', 'host'),
      ],
    };
    for (const seed of [1, 2, 3, 4, 5]) expect(drawExam(bank, one, { seed }).map((i) => i.questionId).sort()).toEqual(['a', 'b']);
  });

  it('fails rather than fill a slot with an outdated question', () => {
    const bank = { questions: [q('old', 'Old?', 'x', { outdated: { since: 'Engine 23.0' } }), q('a', 'Which port?', '2377')] };
    expect(() => drawExam(bank, one, { seed: 1 })).toThrow(InsufficientQuestionsError);
  });

  it('takes at most one of two near-duplicates', () => {
    const bank = {
      questions: [
        q('a', 'Which command removes all unused networks?', '`docker network prune`'),
        q('b', 'Which command removes every network that no container is using?', '`docker network prune`'),
        q('c', 'Which TCP port do swarm managers use?', '2377'),
      ],
    };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ids = drawExam(bank, one, { seed }).map((i) => i.questionId);
      expect(ids).toContain('c');
      expect(ids.filter((id) => id === 'a' || id === 'b')).toHaveLength(1);
    }
  });

  it('groups near-duplicates per bank: a new question list is compared afresh (the groups are cached per list)', () => {
    const base = [q('a', 'Which command removes all unused networks?', '`docker network prune`'), q('c', 'Which TCP port do swarm managers use?', '2377')];
    const first = { questions: base };
    expect(drawExam(first, one, { seed: 1 }).map((i) => i.questionId).sort()).toEqual(['a', 'c']);
    // The same questions plus a near-duplicate of 'a', in a new list (as a rebuilt bank is): 'a' and 'b' stay exclusive.
    const grown = { questions: [...base, q('b', 'Which command removes every network that no container is using?', '`docker network prune`')] };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const ids = drawExam(grown, one, { seed }).map((i) => i.questionId);
      expect(ids).toContain('c');
      expect(ids.filter((id) => id === 'a' || id === 'b')).toHaveLength(1);
    }
    // And the first list still draws as before.
    expect(drawExam(first, one, { seed: 2 }).map((i) => i.questionId).sort()).toEqual(['a', 'c']);
  });

  it('tells near-duplicates from questions about different options', () => {
    expect(nearDuplicates(q('a', 'Which statements about overlay networks are true?', 'Overlay networks are created on a manager node.'), q('b', 'Which statements about encrypting an overlay network are true?', 'Encryption costs performance, so test it first.'))).toBe(false);
    expect(nearDuplicates(q('a', 'Which command accepts the `--alias` option?', 'foo'), q('b', 'Which command accepts the `--ip` option?', 'bar'))).toBe(false);
    expect(nearDuplicates(q('a', 'Which port do swarm managers listen on for cluster management?', '2377'), q('b', 'On which port do swarm managers listen for cluster management traffic?', '2377'))).toBe(true);
  });
});
