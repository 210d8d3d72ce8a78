/**
 * Rule: "**X** is the best <kind> when <condition>" items (the driver list of the seed) become one
 * single-choice question per item: "Which <kind> is the best choice when <condition>?", answer X,
 * the other X of the same list and kind as distractors (padded from a vocabulary to 3+ choices).
 */
import type { Paragraph } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { normalise, pick, plainText, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';
import { givesAway } from './quality';

export interface BestItem {
  term: string;
  kind: string;
  condition: string;
  sentence: string;
  node: Paragraph;
}

/** Padding when a list names fewer than three options of a kind. */
const VOCABULARY: [RegExp, string[]][] = [
  [/network driver/i, ['Bridge networks', 'Host networks', 'Overlay networks', 'Macvlan networks', 'IPvlan networks', 'None (no networking)']],
  [/storage|mount/i, ['Volumes', 'Bind mounts', 'tmpfs mounts']],
  [/service mode/i, ['Replicated services', 'Global services', 'Replicated-job services', 'Global-job services']],
  [/restart polic/i, ['no', 'on-failure', 'always', 'unless-stopped']],
  [/log(ging)? driver/i, ['json-file', 'local', 'syslog', 'journald', 'fluentd']],
];

/** Recognise the item; the term must be the bold text at its start. */
export function readBest(p: Paragraph, md: string): BestItem | undefined {
  const first = p.children[0];
  if (first?.type !== 'strong') return undefined;
  const term = plainText(first.children);
  const text = plainText(p.children);
  const m = /^(.+?)\s+(?:is|are)\s+the best\s+(.+?)\s+(?:when|if|for)\s+(.+)$/i.exec(text);
  if (!m || m[1] !== term) return undefined;
  // "...; they are stored in memory": what follows a semicolon is another fact, not the condition.
  return { term, kind: m[2].trim(), condition: stripEnd(m[3].split(/;\s/)[0]), sentence: md, node: p };
}

export function bestChoice(state: NoteState, items: BestItem[]): void {
  const kinds = new Map<string, BestItem[]>();
  for (const it of items) kinds.set(normalise(it.kind), [...(kinds.get(normalise(it.kind)) ?? []), it]);
  for (const group of kinds.values()) {
    const terms = group.map((g) => g.term);
    for (const it of group) {
      let wrong = terms.filter((t) => t !== it.term);
      if (wrong.length < 2) {
        const vocab = VOCABULARY.find(([re]) => re.test(it.kind))?.[1] ?? [];
        const extra = vocab.filter((v) => !terms.some((t) => normalise(t) === normalise(v)));
        wrong = [...wrong, ...pick(extra, 3 - wrong.length, it.term)];
      }
      if (wrong.length < 2) continue;
      const prompt = `Which ${it.kind} is the best choice when ${it.condition}?`;
      if (givesAway(prompt, it.term, wrong)) continue;
      const choices = order([{ text: it.term, correct: true }, ...wrong.map((t) => ({ text: t, correct: false }))], prompt);
      emit(state, {
        type: 'single-choice',
        prompt,
        choices,
        explanation: it.sentence,
        tags: [...tagsFor(state, `${it.term} ${it.kind}`), 'domc'],
        at: positionOf(it.node),
        item: normalise(it.sentence),
        rule: 'best-choice',
      });
    }
  }
}
