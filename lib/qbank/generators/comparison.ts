/**
 * Rules for comparisons and one-line answers:
 * - "A vs B" (a heading or an intro paragraph) over a list: each item that names exactly one side
 *   becomes "<statement with the side masked>", a single choice between the two sides;
 * - an item or paragraph "A vs B: how they differ" becomes "What is the difference between A and B?";
 * - "Question? **Answer**" on one line becomes a qa card.
 */
import type { Node, Paragraph } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { capitalise, normalise, sentences, singular, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';

const VS = /^(.{2,40}?)\s+(?:vs\.?|versus)\s+(.{2,40}?)\s*[.:]?$/i;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The two sides compared in the current section ("Containers vs services"), if any. */
export function comparedSides(state: NoteState): [string, string] | undefined {
  for (const text of [state.intro, state.topic.length > 1 ? state.topic[state.topic.length - 1] : undefined]) {
    const m = text && VS.exec(text.replace(/[`*]/g, '').trim());
    if (m) return [m[1].trim(), m[2].trim()];
  }
  return undefined;
}

/** A side as a pattern: "User-defined bridges" matches "user-defined bridge" and "user-defined bridges". */
function sidePattern(side: string): RegExp {
  const words = singular(side.toLowerCase()).split(/\s+/).map(escape);
  return new RegExp(`\\b${words.join('\\s+')}(?:s|es)?\\b`, 'gi');
}

/** Handle one list item under a comparison; true when it was turned into a question. */
export function comparison(state: NoteState, node: Node, md: string): boolean {
  const own = /^(.{2,40}?)\s+(?:vs\.?|versus)\s+(.{2,40}?)\s*[:\u2013\u2014-]\s+(\S.+)$/i.exec(md.replace(/\*\*/g, ''));
  if (own) {
    const [a, b] = [own[1].replace(/`/g, '').trim(), own[2].replace(/`/g, '').trim()];
    emit(state, {
      type: 'qa',
      prompt: `What is the difference between ${a} and ${b}?`,
      answer: capitalise(own[3].trim()),
      tags: tagsFor(state, md),
      at: positionOf(node),
      item: normalise(md),
      rule: 'comparison',
    });
    return true;
  }
  const sides = comparedSides(state);
  if (!sides) return false;
  const sentence = sentences(md)[0] ?? md;
  const hits = sides.map((s) => (sentence.replace(/`|\*\*/g, '').match(sidePattern(s)) ?? []).length);
  // Exactly one side named (a longer side that contains the other counts once).
  const [a, b] = sides;
  const bInA = sidePattern(b).test(a);
  const named = hits[0] > 0 && (hits[1] === 0 || (bInA && hits[1] === hits[0])) ? 0 : hits[1] > 0 && hits[0] === 0 ? 1 : -1;
  if (named !== 0 && named !== 1 || (hits[named] ?? 0) > 1) return false;
  const plain = sentence.replace(/`|\*\*/g, '');
  const found = plain.match(sidePattern(named === 0 ? a : b))?.[0] ?? '';
  const masked = plain.replace(sidePattern(named === 0 ? a : b), '_____');
  // "A new volume's contents": the sentence names one, so the choices are singular too.
  const one = found !== '' && singular(found.toLowerCase()) === found.toLowerCase() && /s$/i.test(sides[named]);
  if (!/_____/.test(masked) || masked.replace(/[^A-Za-z]/g, '').length < 20) return false;
  // The two sides are the choices: the prompt is the statement with the gap.
  const prompt = `${capitalise(stripEnd(masked))}.`;
  emit(state, {
    type: 'single-choice',
    prompt,
    choices: order(
      sides.map((s, i) => ({ text: capitalise(one ? singular(s) : s), correct: i === named })),
      prompt,
    ),
    explanation: md,
    tags: [...tagsFor(state, md), 'domc'],
    at: positionOf(node),
    item: normalise(md),
    rule: 'comparison',
  });
  return true;
}

/** "Question? **Answer**" on one line (a list item or a paragraph); true when it was one. */
export function inlineAnswer(state: NoteState, node: Paragraph, md: string): boolean {
  const m = /^(.{10,}?\?)\s*(?:[-\u2013\u2014:]\s*)?\*\*(.+?)\*\*[.!]?$/.exec(md);
  if (!m || m[2].includes('**')) return false;
  emit(state, {
    type: 'qa',
    prompt: m[1].trim(),
    answer: m[2].trim(),
    tags: tagsFor(state, md),
    at: positionOf(node),
    item: normalise(m[1]),
    rule: 'inline-answer',
  });
  return true;
}
