import { InsufficientQuestionsError, InvalidExamRequestError, type ObjectiveShortfall } from './errors';
import { createRng, shuffle, type Rng } from './rng';
import { scaleBlueprint } from './scale';
import { similarityGroups } from './similar';
import {
  DOMC_TAG,
  DRAWABLE_TYPES,
  DrawOptionsSchema,
  ExamBlueprintInputSchema,
  type DrawOptions,
  type ExamBankInput,
  type ExamBlueprintInput,
  type ExamItem,
  type ExamQuestionInput,
} from './schema';

/** Choice questions of one source item that match one objective. */
type Candidates = Map<string, ExamQuestionInput[]>;

/**
 * Draw a practice exam from the bank.
 *
 * Only single- and multiple-choice questions that are not `outdated` are drawn; no two items share a
 * `sourceItem`, nor come from near-duplicate questions (lib/exam/similar.ts); each
 * objective gets its (scaled) count; about `domcShare` of the items are delivered as DOMC, taken
 * first from questions tagged `domc`. The same bank, blueprint and seed always give the same exam.
 *
 * Objectives compete for source items when a question carries tags of several objectives, so items
 * are assigned by bipartite matching (augmenting paths over seeded-shuffled candidates): whenever
 * the bank can satisfy the blueprint, the draw succeeds.
 * @param bank the compiled bank (any object with `questions`)
 * @param blueprint the exam blueprint; its counts must sum to `questions`
 * @param opts `seed` for reproducibility and optional `size` for a shorter exam
 * @returns the items in delivery order
 * @throws InvalidExamRequestError for bad options or a malformed blueprint (kind `bad-request`)
 * @throws InsufficientQuestionsError when the bank cannot fill every objective (kind `unavailable`)
 */
export function drawExam(bank: ExamBankInput, blueprint: ExamBlueprintInput, opts: DrawOptions): ExamItem[] {
  const parsedOpts = DrawOptionsSchema.safeParse(opts);
  if (!parsedOpts.success) throw new InvalidExamRequestError(`invalid exam options: ${parsedOpts.error.issues.map((i) => i.message).join('; ')}`);
  const parsedBp = ExamBlueprintInputSchema.safeParse(blueprint);
  if (!parsedBp.success) throw new InvalidExamRequestError(`invalid blueprint: ${parsedBp.error.issues.map((i) => i.message).join('; ')}`);
  const { seed, size = blueprint.questions } = parsedOpts.data;
  const scaled = scaleBlueprint(parsedBp.data, size);
  const rng = createRng(seed);

  // Candidate source items per objective, in a seeded random order.
  // Near-duplicate source items share one group: the matching below uses each group at most once.
  const drawable = bank.questions.filter((q) => DRAWABLE_TYPES.has(q.type) && !q.outdated);
  const group = groupsOf(bank.questions, drawable);
  const perObjective = scaled.objectives.map((o) => {
    const tags = new Set(o.tags);
    const bySource: Candidates = new Map();
    for (const q of drawable) {
      if (!(q.tags ?? []).some((t) => tags.has(t))) continue;
      const key = group.get(q.sourceItem) ?? q.sourceItem;
      const list = bySource.get(key) ?? [];
      list.push(q);
      bySource.set(key, list);
    }
    return { objective: o, bySource, order: shuffle([...bySource.keys()].sort(), rng) };
  });

  // One left vertex per exam slot; right vertices are source items (each used at most once).
  const slots = perObjective.flatMap((p, oi) => Array.from({ length: p.objective.count }, () => oi));
  const owner = new Map<string, number>(); // sourceItem -> slot index
  const tryAssign = (slot: number, seen: Set<string>): boolean => {
    for (const source of perObjective[slots[slot]].order) {
      if (seen.has(source)) continue;
      seen.add(source);
      const holder = owner.get(source);
      if (holder === undefined || tryAssign(holder, seen)) {
        owner.set(source, slot);
        return true;
      }
    }
    return false;
  };
  slots.forEach((_, slot) => tryAssign(slot, new Set()));

  const drawnPerObjective = perObjective.map(() => 0);
  for (const slot of owner.values()) drawnPerObjective[slots[slot]] += 1;
  const shortfalls: ObjectiveShortfall[] = perObjective
    .map((p, oi) => ({ objective: p.objective.id, needed: p.objective.count, drawn: drawnPerObjective[oi] }))
    .filter((s) => s.drawn < s.needed);
  if (shortfalls.length > 0) throw new InsufficientQuestionsError(shortfalls);

  // Pick one question per assigned source item (siblings share it), preferring DOMC-written ones.
  const picked = [...owner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([source, slot]) => {
      const p = perObjective[slots[slot]];
      return { question: pickQuestion(p.bySource.get(source) ?? [], rng), objective: p.objective.id };
    });

  const items = assignFormats(picked, Math.round(parsedBp.data.domcShare * size), rng);
  return shuffle(items, rng);
}

/**
 * Near-duplicate groups are a pairwise comparison of every drawable question (quadratic: about a second for
 * a few hundred questions on a slow machine), and they depend only on the bank: computed once per bank's
 * question list (the server keeps one list per loaded bank) instead of at every exam start.
 */
const groupsByBank = new WeakMap<readonly ExamQuestionInput[], Map<string, string>>();

function groupsOf(questions: readonly ExamQuestionInput[], drawable: readonly ExamQuestionInput[]): Map<string, string> {
  let groups = groupsByBank.get(questions);
  if (!groups) groupsByBank.set(questions, (groups = similarityGroups(drawable)));
  return groups;
}

function isDomc(q: ExamQuestionInput): boolean {
  return (q.tags ?? []).includes(DOMC_TAG);
}

function pickQuestion(siblings: ExamQuestionInput[], rng: Rng): ExamQuestionInput {
  const domc = siblings.filter(isDomc);
  const pool = domc.length > 0 ? domc : siblings;
  return pool[rng.int(pool.length)];
}

/** Give `domcCount` items the DOMC format, DOMC-tagged questions first, the rest classic choice. */
function assignFormats(picked: { question: ExamQuestionInput; objective: string }[], domcCount: number, rng: Rng): ExamItem[] {
  const indices = picked.map((_, i) => i);
  const preferred = shuffle(indices.filter((i) => isDomc(picked[i].question)), rng);
  const others = shuffle(indices.filter((i) => !isDomc(picked[i].question)), rng);
  const domc = new Set([...preferred, ...others].slice(0, domcCount));
  return picked.map((p, i) => ({ questionId: p.question.id, objective: p.objective, format: domc.has(i) ? 'domc' : 'choice' }));
}
