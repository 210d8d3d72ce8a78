/**
 * Small text utilities shared by handlers and generators: hashing, inline Markdown rendering of
 * mdast phrasing content, sentence splitting and the bits of English grammar the generators need.
 */
import type { PhrasingContent, RootContent } from 'mdast';

/** 53-bit string hash (cyrb53) as 10 lowercase base-36 characters; deterministic everywhere. */
export function hash(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0').slice(-10);
}

/** Whitespace-collapsed, lowercased text: what ids and duplicate checks compare. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Render phrasing content back to inline Markdown (code keeps its backticks, strong its stars). */
export function inlineMarkdown(nodes: readonly (PhrasingContent | RootContent)[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += n.value;
        break;
      case 'inlineCode':
        out += n.value.includes('`') ? `\`\` ${n.value} \`\`` : `\`${n.value}\``;
        break;
      case 'strong':
        out += `**${inlineMarkdown(n.children)}**`;
        break;
      case 'emphasis':
        out += `*${inlineMarkdown(n.children)}*`;
        break;
      case 'delete':
        out += `~~${inlineMarkdown(n.children)}~~`;
        break;
      case 'link':
        out += n.url === inlineMarkdown(n.children) ? n.url : `[${inlineMarkdown(n.children)}](${n.url})`;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += n.value;
        break;
      default:
        if ('children' in n) out += inlineMarkdown(n.children as PhrasingContent[]);
        else if ('value' in n) out += String(n.value);
    }
  }
  return out.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Plain text of phrasing content: Markdown markers dropped. */
export function plainText(nodes: readonly (PhrasingContent | RootContent)[]): string {
  let out = '';
  for (const n of nodes) {
    if ('value' in n && typeof n.value === 'string' && n.type !== 'html') out += n.value;
    else if ('children' in n) out += plainText(n.children as PhrasingContent[]);
    else if (n.type === 'break') out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Split inline Markdown into sentences at `. `, `? `, `! ` outside backticks. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === '.' || c === '?' || c === '!') && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      // "e.g." and single capital initials are not sentence ends.
      const before = text.slice(Math.max(0, i - 4), i + 1);
      if (/(e\.g\.|i\.e\.|vs\.|etc\.)$/i.test(before)) continue;
      const s = text.slice(start, i + 1).trim();
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Lowercase the first letter unless the first word is an acronym or a proper-looking name (`CNM`, `Docker`). */
export function decapitalise(s: string): string {
  const first = s.split(/\s/)[0] ?? '';
  if (/^[A-Z]{2,}/.test(first) || /^(Docker|Swarm|Linux|Windows|Kubernetes|Engine|Consul|Etcd|ZooKeeper)\b/.test(first)) return s;
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Strip one trailing `.`, `:` or `;` (and spaces). */
export function stripEnd(s: string): string {
  return s.replace(/\s*[.:;,]+\s*$/, '').trim();
}

/**
 * Third person singular of a base-form verb: create -> creates, list -> lists, display -> displays.
 * A verb already in the third person (`lists`, `creates`, `removes`) is returned as it is; a final
 * `ss`/`us`/`is` marks a base form (`access`, `focus`).
 */
export function thirdPerson(verb: string): string {
  if (/[^sui]s$/.test(verb)) return verb;
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Base form of a third-person verb: accepts -> accept, specifies -> specify. */
export function baseForm(verb: string): string {
  if (/ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zes)$/.test(verb)) return verb.slice(0, -2);
  if (/s$/.test(verb) && !/ss$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** "running" -> "run", "setting" -> "set", "creating" -> "create", "listing" -> "list" (a known verb, else unchanged). */
function gerundBase(w: string): string {
  const stem = w.slice(0, -3);
  for (const c of [stem, `${stem}e`, stem.slice(0, -1)]) if (COMMAND_VERBS.has(c) && c.length > 1) return c;
  return w;
}

/** Verbs a command description starts with ("Create a network", "lists nodes"). */
const COMMAND_VERBS = new Set(
  ('access add allow apply attach back build change check clean configure connect copy create delete demote deploy detach disable ' +
    'disconnect display drain enable enter execute export expose find force generate get give import initialise initialize inspect ' +
    'install join kill leave limit list load lock log login logout make mount move open pause prevent print promote prune publish pull push ' +
    'reload remove rename replace reserve restart restore retrieve roll rotate run save scale search see set share show sign start ' +
    'stop tag test turn unlock unpause update upgrade use verify view commit initiate assign define describe download edit filter format ' +
    'grant monitor rebuild revoke trust wait watch').split(' '),
);

/**
 * A command description as an imperative sentence: "creates a service" -> "Create a service",
 * "To list nodes" -> "List nodes". Undefined when it does not start with a known verb (a narrative
 * comment such as "the volume will be removed" or one in another language).
 */
export function imperative(description: string): string | undefined {
  const s = description
    .replace(/^\s*(?:use|run)\s+(?:the\s+)?(?:following|this|below)\s+(?:commands?\s+)?(?:to|for)\s+/i, '')
    .replace(/^\s*(?:to|we|you|i)\s+(?:can\s+|will\s+|should\s+|need to\s+)?/i, '')
    .trim();
  const [first, ...rest] = s.split(/\s+/);
  if (!first || !rest.length) return undefined;
  let w = first.toLowerCase();
  // "Running a service", "Setting up autolock": a gerund heading says what to do.
  if (/ing$/.test(w)) w = gerundBase(w);
  const base = COMMAND_VERBS.has(w) ? w : COMMAND_VERBS.has(baseForm(w)) && w !== baseForm(w) ? baseForm(w) : undefined;
  if (!base) return undefined;
  return capitalise([base, ...rest].join(' '));
}

/** Naive English plural for the last word of a noun phrase. */
export function pluralise(phrase: string): string {
  return phrase.replace(/(\w+)$/, (w) => {
    if (/s$/.test(w)) return w;
    if (/(sh|ch|x|z)$/.test(w)) return `${w}es`;
    if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
    return `${w}s`;
  });
}

/** Naive singular for the last word of a noun phrase: "network types" -> "network type". */
export function singular(phrase: string): string {
  return phrase.replace(/(\w+)$/, (w) => {
    if (/(ss|us|is)$/.test(w) || w.length <= 3) return w;
    if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
    if (/(sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
    return w.replace(/s$/, '');
  });
}

/** `a` or `an` for the word that follows. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(one|use|user|uni)/i.test(word) ? 'an' : 'a';
}

const STOP = new Set(
  'a an the and or of to in on for with from by is are be can that this which what when how docker use used using it its as at all any'.split(' '),
);

/** Content words of a text, lowercased and crudely stemmed (connects -> connect). */
export function keywords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9_-]*/g) ?? [])
    .map((w) => w.replace(/^-+/, ''))
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

export function stem(w: string): string {
  return w.replace(/(ing|ed|es|s)$/, '') || w;
}

/** Deterministic pick of `n` items from a pool, ordered by a hash of `key` and the item. */
export function pick<T>(pool: readonly T[], n: number, key: string, text: (t: T) => string = String): T[] {
  return [...pool]
    .map((item) => ({ item, h: hash(`${key}\u0000${text(item)}`) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .slice(0, n)
    .map((x) => x.item);
}

/** Turn a heading or title into an id: lowercase letters, digits and dashes. */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[`'"“”’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
