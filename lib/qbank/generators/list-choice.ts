/**
 * Rule: an item that introduces a sub-list ("The following docker command can be used to find out all
 * the ports mapped:" + `docker inspect`, `docker port`, `docker ps`) becomes a question about the list:
 * - when the sub-items are names (code, or "a bridge network called `x`"): a multiple-choice question
 *   (single-choice when there is one) with distractors of the same kind from a vocabulary;
 * - otherwise a qa card whose answer is the list.
 * Each "called `x`, which ..." sub-item also gives a qa card "Which <kind> <does ...>?" -> `x`.
 * Intros the rephrasing rules cannot turn into a question are skipped, never emitted verbatim.
 */
import type { List, ListItem } from 'mdast';
import { blockMarkdown } from '../markdown';
import { emit, positionOf, type NoteState } from '../state';
import { decapitalise, inlineMarkdown, normalise, pick, pluralise, sentences, stripEnd } from '../text';
import { tagsFor } from '../tags';
import { order } from './option-recall';
import { givesAway, kindOf, type Kind } from './quality';

/** Same-kind distractor vocabularies, chosen by answer kind and the words of the prompt. */
const POOLS: { kind: Kind; when?: RegExp; items: string[] }[] = [
  { kind: 'option', when: /dockerd|daemon/i, items: ['--bip', '--default-gateway', '--fixed-cidr', '--icc', '--iptables', '--ip-forward', '--userland-proxy', '--dns'] },
  { kind: 'option', when: /docker run|container/i, items: ['--expose', '--link', '--network', '--add-host', '--dns', '--hostname'] },
  { kind: 'command', items: ['docker logs', 'docker top', 'docker stats', 'docker diff', 'docker history', 'docker events', 'docker images'] },
  { kind: 'command', when: /docker run/i, items: ['docker run --expose', 'docker run --link', 'docker run --network', 'docker run --add-host'] },
  { kind: 'name', when: /network/i, items: ['bridge', 'host', 'none'] },
];

/** Rephrase an intro into a question; `many` is whether several answers are expected. */
export function introQuestion(intro: string, many: boolean): string | undefined {
  const s = stripEnd(intro.replace(/\s+/g, ' '));
  let m = /^the following (.+?) (can be used to|can|are used to|is used to|are|is) (.+)$/i.exec(s);
  if (m) {
    const verb = many ? m[2].replace(/^is\b/, 'are') : m[2].replace(/^are\b/, 'is');
    return `Which ${many ? pluralise(m[1]) : m[1]} ${verb} ${m[3]}?`;
  }
  m = /^the (.+?) (?:that|which) (.+?) (?:are|is)$/i.exec(s);
  // Only when the clause starts with its verb ("that support ..."), not a subject ("that Docker recommends").
  if (m && !/^[A-Z]/.test(m[2]) && !/^(you|we|it|they|the|a|an|this|docker)\b/i.test(m[2]))
    return `Which ${m[1]} ${m[2]}?`;
  m = /^(.*?),?\s*\b(two|three|four|five|six|several|some|the following) (new )?(\w+) (are|is) (.+)$/i.exec(s);
  if (m) return `${m[1] ? `${m[1]}, w` : 'W'}hich ${m[3] ?? ''}${m[4]} ${m[5]} ${m[6]}?`;
  m = /^(.+?) (requires?|needs?) (?:some |a few )?(.+?)(?: (before|to|for) (.+?))?\. these \w+ (?:are|is)$/i.exec(s);
  if (m) {
    const subject = decapitalise(m[1]);
    const aux = /s$/.test(m[1].split(' ').pop() ?? '') ? 'do' : 'does';
    const verb = m[2].replace(/s$/, '');
    return `Which ${m[3]} ${aux} ${subject} ${verb}${m[4] ? ` ${m[4]} ${m[5]}` : ''}?`;
  }
  m = /^the (.+?) to (.+)$/i.exec(s);
  if (m && !many) return `What is the ${m[1]} to ${m[2]}?`;
  return undefined;
}

/** The name a sub-item stands for: all-code item, or "... called `x`". */
function nameOf(md: string): string | undefined {
  if (/^`[^`]+`$/.test(md)) return md;
  const m = /\b(?:called|named)\s+(`[^`]+`)/.exec(md);
  return m?.[1];
}

function named(state: NoteState, item: ListItem, md: string): void {
  const first = sentences(md)[0] ?? md;
  const m = /^(?:an?|the)\s+(.+?)\s+(?:called|named)\s+(`[^`]+`),?\s+(?:which|that)\s+(.+?)\.?$/i.exec(first);
  if (!m) return;
  const prompt = `Which ${m[1]} ${stripEnd(m[3])}?`;
  if (givesAway(prompt, m[2])) return;
  emit(state, {
    type: 'qa',
    prompt,
    answer: m[2],
    explanation: md,
    tags: tagsFor(state, md),
    at: positionOf(item),
    item: normalise(md),
    rule: 'named-thing',
  });
}

export function listChoice(state: NoteState, item: ListItem, intro: string, sub: List): void {
  const subs = sub.children.map((c) => {
    const p = c.children[0];
    return { node: c, md: p?.type === 'paragraph' ? inlineMarkdown(p.children).trim() : '' };
  });
  for (const s of subs) named(state, s.node, s.md);
  const names = subs.map((s) => nameOf(s.md));
  const itemKey = normalise(`${intro}\n${subs.map((s) => s.md).join('\n')}`);
  if (names.every((n): n is string => !!n)) {
    const many = names.length > 1;
    const prompt = introQuestion(intro, many);
    if (!prompt) return;
    const kind = kindOf(names[0]);
    const pool = POOLS.filter((p) => p.kind === kind && (!p.when || p.when.test(prompt)))
      .sort((a, b) => Number(!!b.when) - Number(!!a.when))[0]?.items;
    if (!pool) return;
    const bare = (t: string) => t.replace(/`/g, '');
    const wrong = pick(
      pool.filter((w) => !names.some((n) => bare(n) === w) && !prompt.includes(w)),
      many ? 2 : 3,
      prompt,
    );
    if (wrong.length < 2) return;
    if (!many && givesAway(prompt, names[0], wrong)) return;
    const choices = order(
      [...names.map((n) => ({ text: n, correct: true })), ...wrong.map((w) => ({ text: `\`${w}\``, correct: false }))],
      prompt,
    );
    emit(state, {
      type: many ? 'multiple-choice' : 'single-choice',
      prompt,
      choices,
      explanation: `${intro}\n\n${subs.map((s) => `- ${s.md}`).join('\n')}`,
      tags: [...tagsFor(state, `${prompt} ${names.join(' ')}`), 'domc'],
      at: positionOf(item),
      item: itemKey,
      rule: 'list-choice',
    });
    return;
  }
  const prompt = introQuestion(intro, true);
  if (!prompt) return;
  emit(state, {
    type: 'qa',
    prompt,
    answer: blockMarkdown(sub),
    tags: tagsFor(state, `${prompt} ${subs.map((s) => s.md).join(' ')}`),
    at: positionOf(item),
    item: itemKey,
    rule: 'list-answer',
  });
}
