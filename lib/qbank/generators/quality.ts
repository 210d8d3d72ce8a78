/** Quality checks shared by the generators: give-aways, same-kind distractors. */
import type { QuestionType } from '../schema';
import { keywords } from '../text';

/** Two words match when equal or sharing a 5-letter prefix (connect / connects / connected). */
export function sameWord(a: string, b: string): boolean {
  if (a === b || a.replace(/e$/, '') === b.replace(/e$/, '')) return true;
  // "init" in "initializes": a stem of four letters or more that starts the other word.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
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

/** The parts of a generated question the quality gate reads. */
export interface GateInput {
  type: QuestionType;
  prompt: string;
  answer?: string;
  choices?: readonly { text: string; correct: boolean }[];
  /** Normalised text of the source item. */
  item: string;
}

const plain = (s: string) => s.replace(/_____/g, '\u2423').replace(/[`*_]/g, '').replace(/\u2423/g, '_____').replace(/\s+/g, ' ').trim();
const norm = (s: string) => plain(s).toLowerCase().replace(/[.;:,]+$/, '');
/** Words that point at something the card does not show. */
const UNSEEN = /\b(the following|as follows|(?:these|those) (?:options|commands|flags|steps|settings|values|ones)|(?:shown|listed|mentioned) (?:above|below)|(?:the )?(?:above|below) (?:command|list|table|example)|(?:examples?|commands?|steps?) (?:above|below)|in this case|this (?:table|list|example|command|output))\b/i;

/**
 * Why a generated question is not good enough to keep, or undefined when it is. The reasons:
 * `fragment` (a cloze or prompt that is not a whole statement or question), `gives away its answer`,
 * `refers to unseen options or context`, `duplicate distractors`, `a distractor is also true`.
 */
export function qualityProblem(q: GateInput): string | undefined {
  const prompt = plain(q.prompt);
  if (q.type === 'cloze') {
    const sentence = prompt.replace('_____', q.answer ?? '');
    const words = sentence.split(/\s+/).length;
    if (words < 6) return `fragment: "${sentence}" is too short to be a statement`;
    if (!/^[A-Z0-9`"'(_]/.test(q.prompt.trim()) || !/[.!?)`"']$/.test(q.prompt.trim())) return `fragment: "${prompt}" is not a whole sentence`;
    if (/^(and|or|but|which|that|because|so|then|also)\b/i.test(prompt)) return `fragment: "${prompt}" continues another sentence`;
    if (/^(this|these|those|it|they)\s+(?!_____)/i.test(prompt)) return `fragment: "${prompt}" opens on a pronoun for something the card does not show`;
    if (/^`[^`]+`[.]?$/.test(q.prompt.trim())) return `fragment: "${prompt}" is a command line, not a statement`;
  } else if (q.type !== 'command') {
    if (prompt.split(/\s+/).length < 4) return `fragment: "${prompt}" is too short to be a question`;
    if (!/[?.:]$/.test(prompt)) return `fragment: "${prompt}" does not end as a question or task`;
  }
  if (UNSEEN.test(prompt) && (q.type === 'qa' || q.type === 'cloze' || !q.choices?.length)) return `refers to unseen options or context: "${prompt}"`;
  if (/\bwhich of (the|these)\b/i.test(prompt) && !q.choices?.length) return `refers to unseen options or context: "${prompt}" has no options`;
  const key = q.answer ?? q.choices?.filter((c) => c.correct).map((c) => c.text).join(' ');
  if (key && q.type !== 'command' && q.type !== 'cloze' && plain(key).split(/\s+/).length <= 4) {
    const others = (q.choices ?? []).filter((c) => !c.correct).map((c) => c.text);
    if (norm(key).includes(' ') && norm(prompt).includes(norm(key))) return `gives away its answer: "${plain(key)}" is in the prompt`;
    if (q.type === 'qa' && !/\d/.test(key) && givesAway(prompt, key, others)) return `gives away its answer: "${plain(key)}"`;
  }
  if (q.type === 'cloze' && q.answer && norm(prompt.replace('_____', ' ')).includes(norm(q.answer)) && norm(q.answer).length >= 3) {
    return `gives away its answer: "${q.answer}" still shows`;
  }
  if (q.choices) {
    const texts = q.choices.map((c) => norm(c.text));
    const dup = texts.find((t, i) => texts.indexOf(t) !== i);
    if (dup) return `duplicate distractors: "${dup}" appears twice`;
    const right = new Set(q.choices.filter((c) => c.correct).map((c) => norm(c.text)));
    const wrongButTrue = q.choices.find((c) => !c.correct && right.has(norm(c.text)));
    if (wrongButTrue) return `a distractor is also true: "${plain(wrongButTrue.text)}"`;
  }
  return undefined;
}
