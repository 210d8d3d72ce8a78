/**
 * Rule: a statement followed by a one-line code block naming something ("Overlay Network allows
 * DTR components ... to communicate" + `dtr-ol`) becomes "Which overlay network allows ...?" -> `dtr-ol`.
 */
import type { ListItem } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { normalise, sentences, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { givesAway } from './quality';

/** Lowercase the subject's capitalised words (not acronyms): "Overlay Network allows" -> "overlay network allows". */
function lowerSubject(sentence: string): string {
  const words = sentence.replace(/^(the|an?)\s+/i, '').split(' ');
  const verbAt = words.findIndex((w, i) => i > 0 && /^[a-z]+s$/.test(w));
  if (verbAt < 1) return '';
  return [...words.slice(0, verbAt).map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)), ...words.slice(verbAt)].join(' ');
}

export function namedThing(state: NoteState, item: ListItem, md: string, name: string): void {
  const first = stripEnd(sentences(md)[0] ?? md);
  const body = lowerSubject(first);
  if (!body) return;
  const prompt = `Which ${body}?`;
  const answer = `\`${name}\``;
  if (givesAway(prompt, answer)) return;
  emit(state, { type: 'qa', prompt, answer, explanation: md, tags: tagsFor(state, `${md} ${name}`), at: positionOf(item), item: normalise(`${md}\n${name}`), rule: 'named-thing' });
}
