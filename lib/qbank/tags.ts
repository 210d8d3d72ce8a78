/**
 * Tags for generated questions: the deck's front matter tags, the current section as a slug, and
 * the domain keywords found in the question text (so blueprint objectives can match them).
 */
import type { NoteState } from './state';
import { slug } from './text';

/** keyword (matched on word boundaries, case-insensitive) -> tag */
const KEYWORDS: [RegExp, string][] = [
  [/\bbridge\b|docker0|user-defined bridge/i, 'bridge'],
  [/\boverlay\b|vxlan|docker_gwbridge|\bingress\b/i, 'overlay'],
  [/\bmacvlan\b|\bipvlan\b/i, 'macvlan'],
  [/\bhost network|--network host|\bhost networks?\b/i, 'host'],
  [/\bswarm\b|\bservice\b|routing mesh/i, 'swarm'],
  [/\bdns\b|resolv|--alias|name resolution/i, 'dns'],
  [/\bport\b|\bports\b|--publish|-p\b|-P\b|32768/i, 'ports'],
  [/routing mesh/i, 'routing-mesh'],
  [/\bcnm\b|sandbox|endpoint|container network model/i, 'cnm'],
  [/network driver|\bdrivers?\b/i, 'drivers'],
  [/\bvolume|bind mount|tmpfs|storage driver/i, 'storage'],
  [/\bsecret|\btls\b|\bcertificate|seccomp|apparmor|capabilit|content trust|\brbac\b/i, 'security'],
];

export function tagsFor(state: NoteState, text: string): string[] {
  const tags = new Set<string>(state.deckTags);
  const section = state.topic[1];
  if (section) tags.add(slug(section));
  for (const [re, tag] of KEYWORDS) if (re.test(text)) tags.add(tag);
  return [...tags].filter(Boolean).sort();
}
