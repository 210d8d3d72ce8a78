/**
 * Checks across questions, after every note is compiled:
 * - consistency: two questions, in any decks, that ask the same thing (same normalised prompt, or
 *   the same author-given `**Fact:**` key) with different keys are an error; outdated ones are exempt.
 *   When both were generated (no author wrote either), the prompt is what is wrong: it does not
 *   say enough to tell the two apart (two notes' "Which command accepts `--quiet`?"), so both are
 *   dropped with a warning instead;
 * - keyed-option length: a deck whose keyed option is the strictly longest in more than 40% of its
 *   choice questions teaches "pick the longest" (a warning).
 */
import type { DiagnosticSink } from './diagnostics';
import { isChoiceQuestion, type Question } from './schema';

/** Share of a deck's choice questions whose keyed option may be the longest before the lint warns. */
export const LONGEST_KEY_LIMIT = 0.4;
/** Decks with fewer choice questions are not judged (the share means little). */
const LONGEST_KEY_MIN = 5;

/** Prompt or answer text reduced to what a reader compares: no Markdown, no punctuation, lowercase. */
export function comparable(text: string): string {
  return text
    .replace(/[`*_]/g, '')
    .replace(/[.,;:!?'"“”’()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The key of a question in comparable form: its answer, or its correct choices sorted. */
function keyOf(q: Question): string | undefined {
  if (q.type === 'qa' || q.type === 'cloze') return q.answer ? comparable(q.answer) : undefined;
  if (isChoiceQuestion(q)) {
    return q.choices
      .filter((c) => c.correct)
      .map((c) => comparable(c.text))
      .sort()
      .join(' | ');
  }
  return undefined;
}

/** Options both questions show, with opposite correctness. */
function contradiction(a: Question, b: Question): string | undefined {
  const marks = new Map((a.choices ?? []).map((c) => [comparable(c.text), c.correct]));
  return (b.choices ?? []).find((c) => marks.has(comparable(c.text)) && marks.get(comparable(c.text)) !== c.correct)?.text;
}

/** Why two questions that ask the same thing disagree, or undefined when they agree. */
function disagreement(a: Question, b: Question, byFact: boolean): string | undefined {
  if (isChoiceQuestion(a) && isChoiceQuestion(b)) {
    const opposite = contradiction(a, b);
    if (opposite) return `the option "${opposite}" is keyed ${a.choices?.find((c) => comparable(c.text) === comparable(opposite))?.correct ? 'right' : 'wrong'} in one and the opposite in the other`;
    if ((a.type === 'single-choice' && b.type === 'single-choice') || byFact) {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka !== kb) return `keyed "${ka}" in one and "${kb}" in the other`;
    }
    return undefined;
  }
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka === undefined || kb === undefined || ka === kb) return undefined;
  // A long free-text answer and a choice key are worded differently, not contradictory.
  if (!byFact && (ka.length > 60 || kb.length > 60)) return undefined;
  return `keyed "${ka}" in one and "${kb}" in the other`;
}

/**
 * Report questions that ask the same thing with different keys (errors on the later one), or drop
 * both when both were generated.
 * @param questions every compiled question, any deck
 * @param facts author-given fact keys by question id
 * @param sinks the diagnostic sink of each note file
 * @param generated is this question's id one a generator made (not written by the author)?
 * @returns ids of generated questions to drop
 */
export function checkConsistency(
  questions: Question[],
  facts: ReadonlyMap<string, string>,
  sinks: ReadonlyMap<string, DiagnosticSink>,
  generated: (id: string) => boolean = () => false,
): Set<string> {
  const dropped = new Set<string>();
  const groups = new Map<string, Question[]>();
  const add = (key: string, q: Question) => groups.set(key, [...(groups.get(key) ?? []), q]);
  for (const q of questions) {
    if (q.outdated || q.type === 'command') continue;
    add(`prompt\u0000${q.type === 'cloze' ? 'cloze' : 'ask'}\u0000${comparable(q.prompt)}`, q);
    const fact = facts.get(q.id);
    if (fact) add(`fact\u0000${fact}`, q);
  }
  const reported = new Set<string>();
  for (const [key, group] of groups) {
    const byFact = key.startsWith('fact');
    for (let i = 1; i < group.length; i++) {
      for (let j = 0; j < i; j++) {
        const why = disagreement(group[j], group[i], byFact);
        if (!why || reported.has(group[i].id)) continue;
        const other = group[j];
        if (!byFact && generated(group[i].id) && generated(other.id)) {
          for (const [q, o] of [[group[i], other], [other, group[i]]]) {
            if (dropped.has(q.id)) continue;
            dropped.add(q.id);
            sinks.get(q.source.file)?.warn(
              { line: q.source.line, column: 1 },
              `generated question "${q.prompt}" dropped: ${o.source.file}:${o.source.line} asks the same with another key (${why}), so the prompt alone cannot tell them apart`,
              'say what the question is about (the command family, the object) in the source item',
            );
          }
          continue;
        }
        reported.add(group[i].id);
        sinks.get(group[i].source.file)?.error(
          { line: group[i].source.line, column: 1 },
          `inconsistent with ${other.source.file}:${other.source.line}: ${byFact ? `same **Fact:** "${facts.get(group[i].id)}"` : 'same question'}, ${why}`,
          'make both keys agree, or mark the outdated one (lib/qbank/changed-facts.ts)',
        );
      }
    }
  }
  return dropped;
}

/** Plain length of an option: Markdown markers do not count. */
function plainLength(text: string): number {
  return text.replace(/[`*_]/g, '').trim().length;
}

/** Is the (or a) keyed option strictly the longest option of the question? */
export function keyIsLongest(q: Question): boolean {
  const choices = q.choices ?? [];
  if (choices.length < 2) return false;
  const lengths = choices.map((c) => plainLength(c.text));
  const max = Math.max(...lengths);
  const longest = choices.filter((_, i) => lengths[i] === max);
  return longest.length === 1 && longest[0].correct;
}

/**
 * Warn per deck when the keyed option is the longest in more than LONGEST_KEY_LIMIT of its choice questions.
 * @returns the share per deck id (for reports)
 */
export function checkLongestKey(questions: Question[], sinks: ReadonlyMap<string, DiagnosticSink>): Map<string, number> {
  const byDeck = new Map<string, Question[]>();
  for (const q of questions) {
    if (!isChoiceQuestion(q)) continue;
    byDeck.set(q.deck, [...(byDeck.get(q.deck) ?? []), q]);
  }
  const shares = new Map<string, number>();
  for (const [deck, list] of byDeck) {
    const longest = list.filter(keyIsLongest);
    const share = longest.length / list.length;
    shares.set(deck, share);
    if (list.length < LONGEST_KEY_MIN || share <= LONGEST_KEY_LIMIT) continue;
    const first = longest[0];
    sinks.get(first.source.file)?.warn(
      { line: 1, column: 1 },
      `the keyed option is the longest in ${longest.length} of ${list.length} choice questions (${Math.round(share * 100)}%, limit ${LONGEST_KEY_LIMIT * 100}%): ${longest.map((q) => `line ${q.source.line}`).join(', ')}`,
      'shorten keyed options or lengthen distractors so length does not give the answer away',
    );
  }
  return shares;
}
