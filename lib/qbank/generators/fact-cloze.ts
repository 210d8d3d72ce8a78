/**
 * Rule: factual statements become cloze cards, one gap each, on the things worth recalling:
 * bold terms, key numbers (4+ digits such as 32768), command-line flags in prose (`-P`), the
 * section's subject (heading term), the terms compared in an "A vs. B" intro, terms defined in the
 * section (CNM components), and inline-code names. At most one card per answer per item; a gap whose
 * answer still shows elsewhere in the sentence is dropped (it would give itself away).
 */
import type { Heading, Node, Parent, PhrasingContent } from 'mdast';
import { emit, positionOf, type NoteState } from '../state';
import { capitalise, normalise, pick, plainText, sentences, singular } from '../text';
import { order } from './option-recall';
import { tagsFor } from '../tags';

const GENERIC = new Set(['network', 'networks', 'driver', 'drivers', 'the', 'and', 'docker', 'overview', 'introduction', 'notes', 'basics']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Marked-up gaps (bold, code, numbers, flags): the author pointed at them. */
const MARKED = [/\*\*([^*]+)\*\*/, /`([^`]+)`/, /(?<![\w./:-])(\d{4,5})(?![\w./:-])/, /(?<=\s)(--?[A-Za-z][\w-]*)(?=[\s,.])/];

/**
 * Words after which an unmarked term is a noun phrase of its own ("by using _____", "called _____");
 * after any other word the gap may cut a compound ("certificate _____") or hit a verb ("can _____").
 */
const BEFORE_TERM = new Set(
  'a an the of by use using uses with to in on for and or called named as is are than from into via each every any all its their your our this that these those between among about like both either same multiple several many other different one two three single default new separate own some no'.split(' '),
);

/** An unmarked term at `index` stands as a noun phrase: sentence start or after a function word, not inside quotes or brackets. */
export function freeStanding(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  if (!before.trim()) return true;
  if (/[(“"'‘/-]\s*$/.test(before)) return false;
  const word = /(\w+)[,:]?\s+$/.exec(before)?.[1]?.toLowerCase();
  return !!word && BEFORE_TERM.has(word) && !/[,:]\s+$/.test(before.replace(/^\w+:\s+/, 'x '));
}

/** Verbs that make a sentence about its subject a statement worth recalling ("X is ...", "X allows ..."). */
const DEFINING =
  'is|are|was|were|allows?|lets?|provides?|contains?|defines?|represents?|enables?|manages?|stores?|runs?|creates?|holds?|keeps?|uses?|works?|ensures?|supports?|requires?|groups?|handles?|monitors?|controls?|gives?|includes?|has|have|can|cannot|will|must|should|only|always|never|does|do|acts?';
/** Single words too broad to be a note's term. */
const BROAD = new Set('docker overview introduction intro notes basics summary commands command examples example misc other others references links setup usage tips faq questions answers contents'.split(' '));

/** The note's short headings (1-3 words) and bold phrases: the things it defines. */
export function noteTerms(tree: Parent): string[] {
  const out = new Set<string>();
  const add = (raw: string) => {
    const t = raw.replace(/[`*_:]/g, '').replace(/\s+/g, ' ').trim();
    const words = t.split(' ');
    if (!t || words.length > 3 || !/^[A-Za-z][\w .-]*$/.test(t) || t.length < 3) return;
    if (words.length === 1 && BROAD.has(t.toLowerCase())) return;
    out.add(t);
  };
  const walk = (n: Node) => {
    if (n.type === 'heading' && (n as Heading).depth > 1) add(plainText((n as Heading).children));
    if (n.type === 'strong') add(plainText((n as Parent).children as PhrasingContent[]));
    if (n.type !== 'code' && 'children' in n) for (const c of (n as Parent).children) walk(c);
  };
  walk(tree);
  return [...out];
}

/**
 * The note's own terms, for sentences anywhere in it: short headings (1-3 words), bold phrases
 * and inline-code names of 1-3 words. A sentence opening with one of them and a defining verb
 * ("Collections are groupings of ...") is clozed on it.
 */
export function subjectPattern(terms: readonly string[]): RegExp | undefined {
  if (!terms.length) return undefined;
  const forms = [...new Set(terms.flatMap((t) => [t, singular(t)]))];
  const alts = forms.sort((a, b) => b.length - a.length).map((t) => escape(t).replace(/\\ /g, '\\s+'));
  // "X is ...", "X only allows ...", or any verb in the third person before a determiner ("X maps a ...").
  const verb = `(?:\\w+\\s+)?(?:${DEFINING})\\b|[a-z]+[^s\\W]s\\s+(?:a|an|the|all|every|each|its|their|one|no|any)\\b`;
  return new RegExp(`^(?:(?:An?|The)\\s+)?((?:${alts.join('|')})(?:e?s)?)\\b(?=\\s+(?:${verb}))`, 'i');
}

/** Candidate gap patterns for the current section, most specific first. */
function patterns(state: NoteState): RegExp[] {
  const out: RegExp[] = [...MARKED];
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
  const subject = subjectPattern(state.noteTerms);
  if (subject) out.push(subject);
  return out;
}

/** A bullet written as a note ("docker stack suits production") as a sentence: capital first letter, final stop. */
function asSentence(s: string): string {
  let out = s.trim();
  if (/^[a-z][a-z]*\b(?![-._/])/.test(out) && !/^(docker|dockerd|containerd|runc|kubectl|npm|git|curl)\b/.test(out)) out = capitalise(out);
  if (!/[.!?)`"']$/.test(out)) out = `${out}.`;
  return out;
}

/** Units that make a small number worth asking: "tolerates 2 failures", "3 managers", "port 53". */
const NUMBER = /(?<![\w.:/$-])(\d{1,3})(?![\w.:/%-])(?=[ -](?:managers?|nodes?|workers?|failures?|replicas?|seconds?|minutes?|hours?|days?|tasks?|containers?|GB|MB|KB|bits?|bytes?|characters?|layers?|members?|votes?|networks?|addresses)\b)|(?<=\b(?:ports?|TCP|UDP|tcp|udp)\s)(\d{2,5})\b/;
const PORTS = ['22', '53', '80', '443', '2375', '2376', '2377', '4789', '5000', '7946', '8080'];

/** Plausible wrong numbers for a number: other well-known ports, or neighbours and a double. */
export function numericDistractors(n: string, port: boolean, key: string): string[] {
  if (port) return pick(PORTS.filter((p) => p !== n), 3, key);
  const v = Number(n);
  // Small counts: neighbours (a 5-manager swarm tolerates 1, 2 or 3?); larger ones: a half, a double, a triple.
  const pool = (v < 10 ? [v - 1, v + 1, v * 2, v + 2, v - 2] : [Math.round(v / 2), v * 2, v * 3]).filter((x) => x >= 0 && x !== v);
  return [...new Set(pool)].slice(0, 3).map(String);
}

/** A sentence with a counted or port number: a single choice among plausible numbers; true when emitted. */
function numberFact(state: NoteState, node: Node, md: string, sentence: string, rule: string): boolean {
  const m = NUMBER.exec(sentence);
  if (!m || m.index === undefined) return false;
  const value = m[1] ?? m[2];
  // "like HTTP port 80", "e.g. 3 nodes": an example, not a fact.
  if (/\b(like|e\.g\.|such as|for example|for instance)\s+(\S+\s+){0,2}$/i.test(sentence.slice(0, m.index))) return false;
  const prompt = `${sentence.slice(0, m.index)}_____${sentence.slice(m.index + value.length)}`;
  if (prompt.replace(/[^A-Za-z]/g, '').length < 20) return false;
  const wrong = numericDistractors(value, !!m[2], prompt);
  if (wrong.length < 2) return false;
  emit(state, {
    type: 'single-choice',
    prompt,
    choices: order([{ text: value, correct: true }, ...wrong.map((w) => ({ text: w, correct: false }))], prompt),
    ...(sentences(md).length > 1 ? { explanation: md } : {}),
    tags: [...tagsFor(state, md), 'domc'],
    at: positionOf(node),
    item: normalise(md),
    rule,
  });
  return true;
}

export function factCloze(state: NoteState, item: Node, md: string, from: 'list' | 'paragraph' = 'list'): void {
  const done = new Set<string>();
  const res = patterns(state);
  const subject = res.find((re) => re.source.startsWith('^(?:(?:An?|The)'));
  for (const raw of sentences(md)) {
    const sentence = asSentence(raw);
    if (numberFact(state, item, md, sentence, from === 'list' ? 'number-fact' : 'paragraph-number')) continue;
    // One cloze per sentence: the first gap worth asking.
    for (const re of res) {
      const m = re.exec(sentence);
      if (!m || m.index === undefined) continue;
      const whole = m[0];
      const answer = m[1].trim();
      if (!MARKED.includes(re) && !freeStanding(sentence, re === subject ? m.index + whole.indexOf(m[1]) : m.index)) continue;
      const key = normalise(answer.replace(/s$/, ''));
      if (done.has(key) || answer.length < 2) continue;
      // The subject pattern keeps the article it matched ("A _____ is ..."); the others replace their markup too.
      const start = re === subject ? m.index + whole.indexOf(m[1]) : m.index;
      const length = re === subject ? m[1].length : whole.length;
      const prompt = (sentence.slice(0, start) + '_____' + sentence.slice(start + length)).replace(/\b(a|an) _____/gi, (_x, a: string) => `${a[0] === 'A' ? 'A' : 'a'}(n) _____`);
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
        rule: from === 'list' ? 'fact-cloze' : 'paragraph-cloze',
      });
      break;
    }
    if (done.size === 0 && from === 'list') isACloze(state, item, md, sentence);
  }
}

/** Words that open a noun phrase too vague to ask for ("A good idea is ...", "A new way is ..."). */
const VAGUE = /^(good|great|common|simple|new|few|lot|quick|useful|typical|single|first|second|better|best|easy|nice|way|thing|bit|number|few|key|main|major|big|small|short|long)$/;

/**
 * "A dangling image is an image with no tag ...": a bullet fact that defines an unmarked noun phrase
 * (one to three lowercase words after "A"/"An", then "is a/an/the") is clozed on that phrase.
 */
function isACloze(state: NoteState, item: Node, md: string, sentence: string): void {
  const m = /^An?\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})\s+is\s+(?:an?|the)\s+(.+)$/.exec(sentence);
  if (!m || VAGUE.test(m[1].split(' ')[0]) || BROAD.has(m[1])) return;
  const answer = m[1];
  if (new RegExp(`\\b${escape(answer)}`, 'i').test(m[2]) || m[2].replace(/[^A-Za-z]/g, '').length < 20) return;
  emit(state, {
    type: 'cloze',
    prompt: `A(n) _____${sentence.slice(sentence.indexOf(answer) + answer.length)}`,
    answer,
    ...(sentences(md).length > 1 ? { explanation: md } : {}),
    tags: tagsFor(state, md),
    at: positionOf(item),
    item: normalise(md),
    rule: 'is-a-cloze',
  });
}
