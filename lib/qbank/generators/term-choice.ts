/**
 * Rules for lists of terms and what they mean, in the shapes other authors write them:
 * - `term: description` / `**term** - description` items (three or more in a list, or the rows of a
 *   two-column table) -> one single choice per item, "Which <kind> <description>?", the other terms
 *   as distractors;
 * - a paragraph ending in ":" that introduces a list ("Swarm supports three network types:") -> a qa
 *   card asking for the list.
 */
import type { Node } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { baseForm, decapitalise, imperative, normalise, pick, plainText, sentences, singular, stripEnd, thirdPerson } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';
import { givesAway } from './quality';

export interface TermItem {
  /** The term as written (inline Markdown). */
  term: string;
  description: string;
  node: Node;
}

/** `**term** - text`, `` `term`: text ``, `term: text` (a term of at most five words). */
export function readTerm(md: string, node: Node): TermItem | undefined {
  const m = /^(\*\*[^*]+\*\*|`[^`]+`|[A-Za-z0-9][\w .()/'+-]*?)\s*(?::|\s[-–—]\s|\*\*\s*[-–—:])\s*(\S.*)$/.exec(md);
  if (!m) return undefined;
  let term = m[1].trim();
  if (/\*\*$/.test(term) === false && /^\*\*/.test(term) && !/\*\*$/.test(term)) return undefined;
  term = term.replace(/^\*\*(.+)\*\*$/, '$1').replace(/:$/, '').trim();
  const words = plainText([{ type: 'text', value: term }]).split(/\s+/);
  if (!term || words.length > 5 || /^(https?|note|e\.g|i\.e|example|tip|warning)$/i.test(term)) return undefined;
  const description = m[2].trim();
  if (description.split(/\s+/).length < 2) return undefined;
  return { term, description, node };
}

/** The kind of thing the terms are, from the intro or section heading: "network types" -> "network type". */
export function kindFrom(state: NoteState, intro?: string): string {
  const fromIntro = intro && /\b(?:(?:two|three|four|five|six|several|main|following|different|some)\s+)?([a-z][a-z -]{2,30}?)s?\s*(?:are|is|include|exist)?\s*:\s*$/i.exec(intro);
  const raw = fromIntro?.[1] ?? state.topic[state.topic.length - 1] ?? '';
  const words = raw.replace(/[`*]/g, '').trim().split(/\s+/).slice(-3);
  const kind = singular(words.join(' ').toLowerCase());
  return kind && kind.split(' ').length <= 3 && !/\b(vs|and|or|the|docker)\b/.test(kind) ? kind : 'one';
}

/** "remove all containers" -> "removes all containers"; "global scope" -> undefined (not a verb phrase). */
export function predicate(description: string): string | undefined {
  const first = stripEnd(sentences(description)[0] ?? description).replace(/^(?:it|this|used to)\s+/i, '');
  const [w, ...rest] = first.split(/\s+/);
  if (!w || !rest.length) return undefined;
  const lower = w.toLowerCase();
  // "limit and account for": both verbs agree with the third person.
  if (imperative(first) && lower === baseForm(lower)) return `${thirdPerson(lower)} ${(rest[0] === 'and' && rest[1] && /^[a-z]+$/.test(rest[1]) && rest[1] === baseForm(rest[1]) ? ['and', thirdPerson(rest[1]), ...rest.slice(2)] : rest).join(' ')}`;
  if (imperative(first)) return `${lower} ${rest.join(' ')}`;
  if (/^(is|are|has|have|can|does|runs|allows|provides|enables|stores|keeps|lets|gives|uses|makes|sends|handles)$/i.test(w)) return `${lower} ${rest.join(' ')}`;
  // "holds the Raft store": a verb in the third person before a determiner.
  if (/^[a-z]+[^s]s$/.test(w) && /^(the|a|an|all|every|each|its|their|one|no|any|traffic|data)$/i.test(rest[0] ?? '')) return `${lower} ${rest.join(' ')}`;
  return undefined;
}

/** One single choice per term of a group of three or more. */
export function termChoices(state: NoteState, items: TermItem[], kind: string, rule = 'term-choice'): void {
  if (items.length < 3) return;
  const terms = [...new Set(items.map((i) => i.term))];
  if (terms.length !== items.length) return;
  for (const it of items) {
    const pred = predicate(it.description);
    const what = pred ?? `matches this description: ${decapitalise(stripEnd(it.description))}`;
    const prompt = `Which ${kind} ${what}?`;
    const others = terms.filter((t) => t !== it.term);
    if (givesAway(it.description, it.term.replace(/`/g, ''), others.map((o) => o.replace(/`/g, '')))) continue;
    const bare = normalise(it.term.replace(/`/g, '')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\w-])${bare}($|[^\\w-])`).test(normalise(it.description))) continue;
    const wrong = pick(others, 3, it.term);
    emit(state, {
      type: 'single-choice',
      prompt,
      choices: order([{ text: it.term, correct: true }, ...wrong.map((t) => ({ text: t, correct: false }))], prompt),
      explanation: `${it.term}: ${it.description}`,
      tags: [...tagsFor(state, `${it.term} ${it.description}`), 'domc'],
      at: positionOf(it.node),
      item: normalise(`${it.term}\n${it.description}`),
      rule,
    });
  }
}

/** Rephrase a list intro ending in ":" into a question, or undefined. */
export function listIntroQuestion(intro: string, count: number): string | undefined {
  const s = stripEnd(intro.replace(/\s+/g, ' ')).replace(/\s*\(.*?\)\s*$/, '');
  if (!intro.trim().endsWith(':') || s.split(/\s+/).length > 16 || /[.?!]\s/.test(s)) return undefined;
  const n = (w?: string) => (w ? `${w} ` : '');
  let m = /^(.+?)\s+(supports?|has|have|includes?|provides?|offers?|uses?|contains?|requires?|needs?|consists? of|comes? with)\s+(?:(two|three|four|five|six|seven|\d+|several|many|some|the following|these|different)\s+)?(.+)$/i.exec(s);
  if (m && !/^(it|this|they|there)$/i.test(m[1])) {
    const subject = decapitalise(m[1]);
    const plural = /s$/.test(m[1].split(' ').pop() ?? '') && !/ss$/.test(m[1]);
    const verb = baseForm(m[2].toLowerCase().replace(/ of$/, '')) + (/ of$/i.test(m[2]) ? ' of' : '');
    const many = /^(two|three|four|five|six|seven|\d+)$/i.test(m[3] ?? '') ? n(m[3].toLowerCase()) : '';
    return `Which ${many}${m[4]} ${plural ? 'do' : 'does'} ${subject} ${verb}?`;
  }
  m = /^there are\s+(?:(two|three|four|five|six|seven|\d+|several)\s+)?(.+?)(\s+(?:in|for|of|on)\s+.+)?$/i.exec(s);
  if (m) return `Which ${n(m[1]?.toLowerCase())}${m[2]} are there${m[3] ?? ''}?`;
  m = /^the\s+(.+?)\s+(?:are|is|include)$/i.exec(s);
  if (m) return `What are the ${m[1]}?`;
  if (count >= 2 && !/\b(is|are|was|were|will|can|should|must|do|does|to)\b/i.test(s) && s.split(/\s+/).length <= 8 && /^[A-Z]/.test(s)) {
    return `Name the ${decapitalise(s)}.`;
  }
  return undefined;
}

/** A list introduced by a paragraph ending in ":" -> a qa card whose answer is the list. */
export function introList(state: NoteState, intro: string, node: Node, items: string[], answer: string): void {
  const prompt = listIntroQuestion(intro, items.length);
  if (!prompt || items.length < 2 || items.length > 8) return;
  emit(state, {
    type: 'qa',
    prompt,
    answer,
    explanation: intro,
    tags: tagsFor(state, `${intro} ${items.join(' ')}`),
    at: positionOf(node),
    item: normalise(`${intro}\n${items.join('\n')}`),
    rule: 'intro-list',
  });
}
