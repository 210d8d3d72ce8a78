/**
 * Rule `heading-term`: a section titled by a term ("## EXPOSE", "### Overlay", "#### `--rm`") whose
 * first paragraph says what it does or is ("Publishes a port to ...", "An overlay is ...").
 * - each such section gives a qa card "What does EXPOSE do?" / "What is an overlay?";
 * - three or more sibling sections of that shape (same depth, same parent heading) give one single
 *   choice each, "Which <kind> publishes a port to ...?", the sibling terms as distractors.
 * Sections whose first paragraph is about something else ("When you deploy UCP, ...") give nothing.
 */
import type { Heading, Paragraph } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { article, decapitalise, inlineMarkdown, normalise, sentences, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { kindFrom, predicate, termChoices, type TermItem } from './term-choice';

export interface HeadingTerm extends TermItem {
  depth: number;
  /** Topic path of the parent section. */
  parent: string[];
}

/** The heading as a term: 1-3 words or one code span, no sentence punctuation; undefined otherwise. */
export function headingAsTerm(node: Heading): string | undefined {
  const md = inlineMarkdown(node.children).trim();
  const plain = md.replace(/`/g, '');
  if (/^`[^`]+`$/.test(md)) return md;
  if (!/^[A-Za-z][\w./-]*(?: [\w./-]+){0,2}$/.test(plain) || /^(overview|introduction|summary|notes?|examples?|commands?|references?|links|tips|faq|misc)$/i.test(plain)) return undefined;
  return plain;
}

/** What the first sentence says about the term: a verb phrase ("publishes ..."), or "X is ..." about the term itself. */
function describes(term: string, first: string): { verb?: string; is?: string } | undefined {
  const words = first.split(/\s+/).length;
  if (words < 4 || words > 30) return undefined;
  const plain = term.replace(/`/g, '');
  const escaped = plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const is = new RegExp(`^(?:(?:an?|the)\\s+)?\`?${escaped}\`?(?:e?s)?\\s+(?:is|are)\\s+(.+)$`, 'i').exec(first);
  if (is) return { is: is[1] };
  // "Publishes a port ...": a verb in the third person with the term as its unwritten subject.
  if (!/^[A-Za-z][a-z]+[^s']s\s/.test(first) || /^(this|it|is|has|does|was|its)\s/i.test(first)) return undefined;
  const verb = predicate(decapitalise(first));
  return verb && !/^(is|are|has|have|can|does)\b/.test(verb) ? { verb } : undefined;
}

/** Remember a term heading and the paragraph right below it. */
export function headingTerm(state: NoteState, heading: Heading, para: Paragraph): void {
  const term = headingAsTerm(heading);
  if (!term || heading.depth < 2) return;
  const md = inlineMarkdown(para.children).trim();
  const first = stripEnd(sentences(md)[0] ?? md);
  const d = describes(term, first);
  if (!d) return;
  const plain = term.replace(/`/g, '');
  const display = /^[A-Z0-9_]+$/.test(plain) || term.startsWith('`') ? term : plain;
  const prompt = d.verb
    ? `What does ${display} do?`
    : `What ${/s$/.test(plain) && !/ss$/.test(plain) ? 'are' : 'is'} ${/^[A-Z0-9_]+$/.test(plain) || term.startsWith('`') || /^[A-Z]/.test(plain) ? '' : `${article(plain)} `}${display}?`;
  const answer = `${first.charAt(0).toUpperCase()}${first.slice(1)}.`;
  emit(state, {
    type: 'qa',
    prompt,
    answer,
    ...(sentences(md).length > 1 ? { explanation: md } : {}),
    tags: tagsFor(state, `${plain} ${md}`),
    at: positionOf(para),
    item: normalise(`${plain}\n${first}`),
    rule: 'heading-term',
  });
  if (d.verb) state.headingTerms.push({ term: display, description: decapitalise(first), node: para, depth: heading.depth, parent: state.topic.slice(0, -1) });
}

/** At the end of a note: sibling term sections, three or more, become single choices among each other. */
export function headingTermChoices(state: NoteState): void {
  const groups = new Map<string, HeadingTerm[]>();
  for (const h of state.headingTerms) {
    const key = JSON.stringify([h.depth, h.parent]);
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const topic = state.topic;
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    state.topic = group[0].parent;
    const kind = kindFrom(state);
    termChoices(state, group, /^[a-z][a-z -]*$/.test(kind) ? kind : 'one', 'heading-term-choice');
  }
  state.topic = topic;
}
