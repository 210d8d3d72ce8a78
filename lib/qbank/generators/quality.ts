/** Quality checks shared by the generators: give-aways, same-kind distractors. */
import { keywords } from '../text';

/** Two words match when equal or sharing a 5-letter prefix (connect / connects / connected). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

/**
 * True when the prompt contains every distinctive word of the answer (so it gives the answer away).
 * Words the answer shares with all other choices are not distinctive; "Docker host" is a generic term.
 */
export function givesAway(prompt: string, answer: string, others: string[] = []): boolean {
  const p = keywords(prompt.replace(/\bdocker hosts?\b/gi, ''));
  const common = others.length ? others.map((o) => keywords(o)) : [];
  const a = keywords(answer).filter((w) => w.length >= 2 && !(common.length && common.every((c) => c.some((x) => sameWord(x, w)))));
  if (a.length === 0) return false;
  return a.every((w) => p.some((x) => sameWord(x, w)));
}

/** What kind of thing an answer is, so distractors can be of the same kind. */
export type Kind = 'command' | 'option' | 'name' | 'number' | 'text';

export function kindOf(text: string): Kind {
  const t = text.replace(/`/g, '').trim();
  if (/^docker\b/.test(t) || /^dockerd\b/.test(t)) return 'command';
  if (/^--?[a-z]/i.test(t)) return 'option';
  if (/^\d+$/.test(t)) return 'number';
  if (/^[a-z0-9_.-]+$/i.test(t) && text.includes('`')) return 'name';
  return 'text';
}
