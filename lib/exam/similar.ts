/**
 * Near-duplicate questions: two choice questions that test the same thing in other words (one
 * from the seed notes, one hand-written; or two decks covering one fact). A practice exam takes at
 * most one question of each near-duplicate group, as it takes at most one of each source item.
 */
import type { ExamQuestionInput } from './schema';

const STOP = new Set(
  'a an the and or of to in on for with from by is are be can that this which what when how does do docker use used using it its as at all any you your these those following statement statements true about'.split(' '),
);

/** Content words, lowercased and crudely stemmed, of a question's text. */
function words(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().replace(/[`*_]/g, '').match(/[a-z0-9][a-z0-9_.:/-]*/g) ?? [])
      .filter((w) => !STOP.has(w) && w.length > 1)
      .map((w) => w.replace(/(ing|ed|es|s)$/, '') || w),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/** Prompt and key words overlap at least this much: the same question reworded. */
export const SAME_QUESTION = 0.6;
/** Prompt words overlap at least this much and the keyed options are the same: the same fact asked twice. */
export const SAME_FACT_PROMPT = 0.3;

/** Code spans of a prompt (`--alias`, `docker port`): questions about different ones differ. */
function codeSpans(text: string): string {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1].trim().toLowerCase()).sort().join('\u0000');
}

function keyWords(q: ExamQuestionInput): Set<string> {
  return words((q.choices ?? []).filter((c) => c.correct).map((c) => c.text).join(' '));
}

/** Are two questions near-duplicates (the same question reworded, or the same key to a similar prompt)? */
export function nearDuplicates(a: ExamQuestionInput, b: ExamQuestionInput): boolean {
  if (!a.prompt || !b.prompt) return false;
  const pa = words(a.prompt);
  const pb = words(b.prompt);
  const ka = keyWords(a);
  const kb = keyWords(b);
  const sameKey = ka.size >= 2 && jaccard(ka, kb) === 1;
  if (sameKey && jaccard(pa, pb) >= SAME_FACT_PROMPT) return true;
  if (codeSpans(a.prompt) !== codeSpans(b.prompt)) return false;
  return jaccard(new Set([...pa, ...ka]), new Set([...pb, ...kb])) >= SAME_QUESTION;
}

/**
 * Group source items whose questions are near-duplicates of each other (union-find).
 * @returns a group id (the smallest source item of the group) per source item
 */
export function similarityGroups(questions: readonly ExamQuestionInput[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const q of questions) if (!parent.has(q.sourceItem)) parent.set(q.sourceItem, q.sourceItem);
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const a = questions[i];
      const b = questions[j];
      if (a.sourceItem === b.sourceItem || find(a.sourceItem) === find(b.sourceItem)) continue;
      if (!nearDuplicates(a, b)) continue;
      const [ra, rb] = [find(a.sourceItem), find(b.sourceItem)].sort();
      parent.set(rb, ra);
    }
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}
