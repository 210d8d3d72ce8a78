/**
 * Rule: a short term whose sub-list holds one definition ("Endpoint" / "A network interface ...")
 * gives a qa card "What is an Endpoint in <section>?" and, when the list defines three or more terms,
 * a single choice "Which <section> component is <definition>?" with the other terms as distractors.
 * The terms are remembered so later statements in the section can be clozed on them.
 */
import type { ListItem } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { article, decapitalise, normalise, sentences, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';
import { givesAway } from './quality';

export interface Definition {
  term: string;
  definition: string;
  node: ListItem;
}

export function definitions(state: NoteState, defs: Definition[]): void {
  if (!defs.length) return;
  const section = state.topic[state.topic.length - 1];
  state.terms = [...new Set([...state.terms, ...defs.map((d) => d.term)])].sort((a, b) => b.length - a.length);
  for (const d of defs) {
    const qa = `What is ${article(d.term)} ${d.term} in the ${section}?`;
    emit(state, {
      type: 'qa',
      prompt: qa,
      answer: d.definition,
      tags: tagsFor(state, `${d.term} ${d.definition}`),
      at: positionOf(d.node),
      item: normalise(`${d.term}\n${d.definition}`),
      rule: 'definition',
    });
    if (defs.length < 3) continue;
    const first = stripEnd(sentences(d.definition)[0] ?? d.definition);
    const escaped = d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const body = first.replace(new RegExp(`^(?:an?|the)\\s+${escaped}\\s+(?:is|are)\\s+`, 'i'), '');
    const prompt = `Which ${section} component is ${decapitalise(body)}?`;
    const others = defs.filter((o) => o !== d).map((o) => o.term);
    if (givesAway(body, d.term, others)) continue;
    emit(state, {
      type: 'single-choice',
      prompt,
      choices: order([{ text: d.term, correct: true }, ...others.map((t) => ({ text: t, correct: false }))], prompt),
      explanation: `${d.term}: ${d.definition}`,
      tags: [...tagsFor(state, `${d.term} ${d.definition}`), 'domc'],
      at: positionOf(d.node),
      item: normalise(`${d.term}\n${d.definition}`),
      rule: 'definition-choice',
    });
  }
}
