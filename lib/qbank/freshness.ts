/**
 * Fact freshness: which questions depend on a Docker fact that has since changed.
 *
 * A question depends on an entry of CHANGED_FACTS when its prompt, its key (answer or correct
 * choices) or the text of its source item matches one of the entry's `match` patterns, and none
 * of the entry's `unless` patterns matches anything the card shows (a question that already
 * says "removed in 23.0" teaches the change). Distractors are never looked at: a wrong option
 * naming a removed flag is a good distractor, not an outdated fact.
 */
import { CHANGED_FACTS } from './changed-facts';
import { ChangedFactSchema, type ChangedFact, type Choice, type Outdated } from './schema';

/** The parts of a question (or draft) freshness reads. */
export interface FreshnessInput {
  prompt: string;
  answer?: string;
  choices?: Choice[];
  explanation?: string;
  /** The source item's text (a generated question's list item, an explicit question's prompt). */
  item?: string;
}

interface Compiled {
  fact: ChangedFact;
  match: RegExp[];
  unless: RegExp[];
}

function compileFact(fact: ChangedFact): Compiled {
  return { fact, match: fact.match.map((m) => new RegExp(m, 'i')), unless: (fact.unless ?? []).map((m) => new RegExp(m, 'i')) };
}

let compiled: Compiled[] | undefined;
function table(): Compiled[] {
  compiled ??= CHANGED_FACTS.map((f) => compileFact(ChangedFactSchema.parse(f)));
  return compiled;
}

/** Does `text` state the old fact of `fact` (matches a pattern and none of its exemptions)? */
export function statesOldFact(fact: ChangedFact, text: string): boolean {
  const c = compileFact(fact);
  return c.match.some((r) => r.test(text)) && !c.unless.some((r) => r.test(text));
}

/** Markdown markers that would split a pattern (`--cluster-store` in backticks, **bold**). */
function flat(text: string | undefined): string {
  return (text ?? '').replace(/[`*_]/g, '').replace(/\s+/g, ' ');
}

/**
 * The changed fact a question depends on, if any.
 * @returns the entry, or undefined when the question is current
 */
export function changedFactFor(q: FreshnessInput, facts: readonly ChangedFact[] = CHANGED_FACTS): ChangedFact | undefined {
  const key = [q.answer, ...(q.choices ?? []).filter((c) => c.correct).map((c) => c.text)];
  const depends = flat([q.prompt, ...key, q.item].filter(Boolean).join('\n'));
  const shown = flat([q.prompt, q.answer, ...(q.choices ?? []).map((c) => c.text), q.explanation].filter(Boolean).join('\n'));
  const list = facts === CHANGED_FACTS ? table() : facts.map(compileFact);
  return list.find((c) => c.match.some((r) => r.test(depends)) && !c.unless.some((r) => r.test(shown)))?.fact;
}

/** The bank's `outdated` field for a question, or undefined. */
export function outdatedFor(q: FreshnessInput): Outdated | undefined {
  const fact = changedFactFor(q);
  return fact ? { since: fact.since, note: fact.note, source: fact.source } : undefined;
}

/** "Outdated since Engine 23.0: ..." — the banner text, one place for every UI. */
export function outdatedBanner(o: Outdated): string {
  return `Outdated since ${o.since}: ${o.note}`;
}
