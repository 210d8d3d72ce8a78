/**
 * Rule: factual statements become cloze cards, one gap each, on the things worth recalling:
 * bold terms, key numbers (4+ digits such as 32768), command-line flags in prose (`-P`), the
 * section's subject (heading term), the terms compared in an "A vs. B" intro, terms defined in the
 * section (CNM components), and inline-code names. At most one card per answer per item; a gap whose
 * answer still shows elsewhere in the sentence is dropped (it would give itself away).
 */
import type { ListItem } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { normalise, sentences } from '../text';
import { tagsFor } from '../tags';

const GENERIC = new Set(['network', 'networks', 'driver', 'drivers', 'the', 'and', 'docker', 'overview', 'introduction', 'notes', 'basics']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Candidate gap patterns for the current section, most specific first. */
function patterns(state: NoteState): RegExp[] {
  const out: RegExp[] = [/\*\*([^*]+)\*\*/, /`([^`]+)`/, /(?<![\w./:-])(\d{4,5})(?![\w./:-])/, /(?<=\s)(--?[A-Za-z][\w-]*)(?=[\s,.])/];
  for (const term of state.terms) out.push(new RegExp(`\\b(${escape(term)}s?)\\b`, 'i'));
  const section = state.topic.length > 1 ? state.topic[state.topic.length - 1] : undefined;
  if (section && !/\band\b/i.test(section) && section.split(/\s+/).length <= 4) {
    const key = section
      .replace(/[`'"]/g, '')
      .split(/\s+/)
      .filter((w) => !GENERIC.has(w.toLowerCase()));
    if (key.length) out.push(new RegExp(`['"]?\\b(${key.map(escape).join('\\s+')}\\w*)\\b['"]?`, 'i'));
  }
  const vs = state.intro && /^(.+?)\s+vs\.?\s+(.+?)\.?$/i.exec(state.intro);
  if (vs) {
    for (const side of [vs[1], vs[2]]) {
      const words = side.trim().split(/\s+/);
      if (words.length >= 2) out.push(new RegExp(`\\b(${words.slice(0, -1).map(escape).join('\\s+')}\\s+\\w+)\\b`, 'i'));
    }
  }
  return out;
}

export function factCloze(state: NoteState, item: ListItem, md: string): void {
  const done = new Set<string>();
  const res = patterns(state);
  for (const sentence of sentences(md)) {
    for (const re of res) {
      const m = re.exec(sentence);
      if (!m || m.index === undefined) continue;
      const whole = m[0];
      const answer = m[1].trim();
      const key = normalise(answer.replace(/s$/, ''));
      if (done.has(key) || answer.length < 2) continue;
      const prompt = (sentence.slice(0, m.index) + '_____' + sentence.slice(m.index + whole.length)).replace(/\b(a|an) _____/gi, (_x, a: string) => `${a[0] === 'A' ? 'A' : 'a'}(n) _____`);
      if (new RegExp(`\\b${escape(key)}`, 'i').test(prompt.replace(/_____/, ''))) continue;
      if (prompt.replace(/[^A-Za-z]/g, '').length < 20) continue;
      done.add(key);
      emit(state, {
        type: 'cloze',
        prompt,
        answer,
        ...(sentences(md).length > 1 ? { explanation: md } : {}),
        tags: tagsFor(state, md),
        at: positionOf(item),
        item: normalise(md),
        rule: 'fact-cloze',
      });
    }
  }
}
