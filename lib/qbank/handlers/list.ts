/**
 * A list in the notes: each item is classified and handed to the generator for its form.
 * - `**X** is the best <kind> when <condition>` items      -> best-choice (one group per list)
 * - `Question?` items with an answer below                  -> question-answer
 * - a short term with a one-item sub-list (its definition)  -> definition (one group per list)
 * - an item introducing a sub-list (`...:` or code items)   -> list-choice
 * - an item followed by a one-line code block (a name)      -> named-thing
 * - any other item: its sentences                           -> fact-cloze
 */
import type { List, ListItem, Paragraph } from 'mdast';
import { blockMarkdown } from '../markdown';
import type { NoteState } from '../state';
import { imperative, inlineMarkdown, plainText, singular, thirdPerson } from '../text';
import { bestChoice, readBest, type BestItem } from '../generators/best-choice';
import { definitions, type Definition } from '../generators/definition';
import { listChoice } from '../generators/list-choice';
import { factCloze } from '../generators/fact-cloze';
import { namedThing } from '../generators/named-thing';
import { questionAnswer } from '../generators/question-answer';
import { introList, kindFrom, predicate, readTerm, termChoices, type TermItem } from '../generators/term-choice';
import { comparison, inlineAnswer } from '../generators/comparison';
import { blockquote } from './blockquote';

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children[0]?.type === 'paragraph' ? item.children[0] : undefined;
}

function isTerm(p: Paragraph): boolean {
  const text = plainText(p.children);
  // Not a label ("Def.)", "e.g.)": an unbalanced bracket) and not a step ("Edit /etc/docker/daemon.json").
  const label = /\)$/.test(text) && !text.includes('(');
  return text.split(/\s+/).length <= 5 && !/[.:;?!,]$/.test(text) && /^[A-Z`]/.test(text) && !label && !imperative(text);
}

/**
 * "**Seccomp** profiles restrict ...", "The **root key** is ...": an item that opens on a bold term
 * (at most five words, after an optional article) and goes on with what it does or is.
 */
export function readSubject(md: string, node: ListItem): TermItem | undefined {
  const m = /^(?:(?:A|An|The)\s+)?\*\*([^*]+)\*\*\s+([a-z].*)$/.exec(md);
  if (!m || m[1].trim().split(/\s+/).length > 5) return undefined;
  let description = m[2].trim();
  // A plural term takes a base-form verb ("**Namespaces** provide the ..."): read it in the third person.
  const [verb, next] = description.split(/\s+/);
  if (!predicate(description) && /[^s]s$/.test(m[1].trim()) && /^[a-z]{3,}$/.test(verb) && /^(the|a|an|and|all|every|each|its|their|tasks|services|data|resources)$/.test(next ?? '')) {
    description = `${thirdPerson(verb)}${description.slice(verb.length)}`;
  }
  // "Which one is ...": the prompt's subject is singular.
  description = description.replace(/^are\s/, 'is ').replace(/^have\s/, 'has ');
  if (!predicate(description)) return undefined;
  return { term: m[1].trim(), description, node };
}

/** Names that keep their capital inside a prompt ("Which Dockerfile instruction ..."). */
const PROPER = /^(Docker\w*|Swarm|Compose|Kubernetes|Linux|Windows|UCP|DTR|MKE|MSR|Raft|Notary|TLS)$/;

/**
 * The kind of thing sibling terms are, only when the section heading names one in the plural
 * ("Dockerfile instructions" -> "Dockerfile instruction"); "Role-based access control" names none,
 * so the prompt says "Which one ...".
 */
export function pluralKind(state: NoteState): string {
  const words = (state.topic[state.topic.length - 1] ?? '').replace(/[`*]/g, '').trim().split(/\s+/).slice(-3);
  const last = words[words.length - 1] ?? '';
  if (state.topic.length < 2 || !/^[a-z]{3,}s$/i.test(last) || /ss$/.test(last) || words.some((w) => /^(vs\.?|and|or|the|of)$/i.test(w))) return 'one';
  const kind = words.map((w) => (PROPER.test(w) ? w : w.toLowerCase()));
  kind[kind.length - 1] = singular(kind[kind.length - 1]);
  return kind.join(' ');
}

function handleItem(item: ListItem, state: NoteState, best: BestItem[], defs: Definition[], terms: TermItem[], later: (() => void)[], subjects: TermItem[]): void {
  const p = firstParagraph(item);
  if (!p) return;
  const md = inlineMarkdown(p.children).trim();
  const rest = item.children.slice(1);
  if (inlineAnswer(state, p, md) || comparison(state, item, md)) return;
  const term = !rest.length ? readTerm(md, item) : undefined;
  if (term) {
    terms.push(term);
    // Clozed only when the list turns out not to be a list of terms.
    later.push(() => factCloze(state, item, md));
    return;
  }
  const sub = rest.find((c): c is List => c.type === 'list');
  const codeBlock = rest.find((c) => c.type === 'code');

  const b = readBest(p, md);
  if (b) {
    best.push(b);
    return;
  }
  if (md.endsWith('?') && rest.length) {
    const answer = rest.map((c) => (c.type === 'paragraph' ? inlineMarkdown(c.children).trim() : blockMarkdown(c)));
    questionAnswer(state, p, md, answer);
    return;
  }
  if (sub && isTerm(p) && sub.children.length === 1 && firstParagraph(sub.children[0])) {
    defs.push({ term: plainText(p.children), definition: inlineMarkdown(firstParagraph(sub.children[0])!.children).trim(), node: item });
    return;
  }
  if (sub) {
    listChoice(state, item, md, sub);
    return;
  }
  if (codeBlock && codeBlock.type === 'code' && /^\S+$/.test(codeBlock.value.trim())) {
    namedThing(state, item, md, codeBlock.value.trim());
    return;
  }
  const subject = !rest.length ? readSubject(md, item) : undefined;
  if (subject) subjects.push(subject);
  factCloze(state, item, md);
}

/** Handle a list (top level or nested in a blockquote-free context). */
export function list(node: List, state: NoteState): void {
  const best: BestItem[] = [];
  const defs: Definition[] = [];
  const terms: TermItem[] = [];
  const later: (() => void)[] = [];
  const subjects: TermItem[] = [];
  const intro = state.intro;
  if (intro?.trim().endsWith(':')) {
    const items = node.children.map((i) => (firstParagraph(i) ? inlineMarkdown(firstParagraph(i)!.children).trim() : '')).filter(Boolean);
    const heads = items.map((md) => readTerm(md, node)?.term ?? md);
    const short = heads.every((h) => h.split(/\s+/).length <= 8);
    if (short && items.length === node.children.length) introList(state, intro, node, heads, blockMarkdown(node));
  }
  for (const item of node.children) {
    // An explicit question inside a list item still counts.
    for (const c of item.children) if (c.type === 'blockquote') blockquote(c, state);
    handleItem(item, state, best, defs, terms, later, subjects);
  }
  // Sibling items on bold terms (the seed author's fact lists): besides their clozes, a choice each
  // among the sibling terms ("Which one restricts the system calls ...?").
  if (subjects.length >= 3 && subjects.length >= node.children.length / 2) termChoices(state, subjects, pluralKind(state), 'subject-choice');
  if (terms.length >= 3 && terms.length >= node.children.length / 2) termChoices(state, terms, kindFrom(state, intro));
  else for (const f of later) f();
  bestChoice(state, best);
  definitions(state, defs);
}

