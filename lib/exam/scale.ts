import { InvalidExamRequestError } from './errors';
import type { ExamBlueprintInput } from './schema';

/**
 * Scale a blueprint to `size` questions, keeping objective counts in proportion.
 * Uses the largest-remainder method: each objective gets the floor of its exact share, and the
 * seats left over go to the largest fractional parts (ties to the objective listed first), so the
 * counts always sum to `size` and a full-size request returns the blueprint's own counts.
 * @param blueprint a blueprint whose counts sum to `blueprint.questions`
 * @param size the number of questions wanted (positive integer)
 * @returns a copy of the blueprint with `questions: size` and scaled counts
 */
export function scaleBlueprint<B extends ExamBlueprintInput>(blueprint: B, size: number): B {
  if (!Number.isInteger(size) || size <= 0) throw new InvalidExamRequestError(`exam size must be a positive integer, got ${size}`);
  const total = blueprint.objectives.reduce((n, o) => n + o.count, 0);
  if (total !== blueprint.questions || total <= 0) {
    throw new InvalidExamRequestError(`blueprint objective counts sum to ${total}, not ${blueprint.questions}`);
  }
  const shares = blueprint.objectives.map((o, index) => {
    const exact = (o.count * size) / total;
    return { index, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = size - shares.reduce((n, s) => n + s.floor, 0);
  const counts = shares.map((s) => s.floor);
  for (const s of shares.slice().sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left === 0) break;
    counts[s.index] += 1;
    left -= 1;
  }
  return {
    ...blueprint,
    questions: size,
    objectives: blueprint.objectives.map((o, i) => ({ ...o, count: counts[i] })),
  };
}
