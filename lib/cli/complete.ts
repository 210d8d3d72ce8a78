/**
 * Tab completion for a terminal on a lab: docker subcommands from the command table, a command's
 * flags, and the names of the lab's networks, containers, services, nodes and images where the
 * command expects them (as docker's shell completion does).
 */
import { IMAGES } from '../cnm';
import { COMMANDS, GROUPS, lookupCommand } from './commands';
import { SHELL_BUILTINS } from './sh';
import type { Lab, LabImpl } from './lab';

export interface Completion {
  /** where the word being completed starts in the line */
  start: number;
  /** full words that fit, sorted */
  candidates: string[];
}

const TOP = [...new Set([...COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])]).map((p) => p.split(' ')[0]), ...Object.keys(GROUPS)])].sort();
/** Flags whose value names an object. */
const VALUE_KIND: Record<string, Kind> = { '--network': 'network', '--net': 'network', '-H': 'node', '--host': 'node', '--link': 'container', '--volumes-from': 'container' };
type Kind = 'network' | 'container' | 'service' | 'node' | 'image' | 'any' | 'none';

/** What the positional words of a command name: by argument position (the last entry repeats). */
function positionalKinds(path: string): Kind[] {
  const [group, verb] = path.split(' ');
  if (path === 'network connect' || path === 'network disconnect') return ['network', 'container'];
  if (group === 'network') return ['network'];
  if (path === 'run' || path === 'create') return ['image'];
  if (path === 'inspect') return ['any'];
  if (group === 'service') return ['service'];
  if (group === 'node') return ['node'];
  if (group === 'swarm') return [];
  if (path === 'exec' || path === 'logs' || path === 'port') return ['container', 'none'];
  if (['start', 'stop', 'restart', 'kill', 'rm'].includes(group) || group === 'container' || verb === 'inspect') return ['container'];
  return [];
}

function names(lab: LabImpl, node: string, kind: Kind): string[] {
  const e = lab.engine;
  switch (kind) {
    case 'network':
      return e.networks(node).map((n) => n.name);
    case 'container':
      return e.containers(node).map((c) => c.name);
    case 'service':
      return e.services().map((s) => s.name);
    case 'node':
      return e.nodes;
    case 'image':
      return IMAGES.map((i) => i.name);
    case 'any':
      return [...names(lab, node, 'container'), ...names(lab, node, 'network'), ...names(lab, node, 'service')];
    default:
      return [];
  }
}

/**
 * Complete the word that ends `line` (the text before the cursor).
 * @param node the node the terminal runs on (names come from its daemon)
 */
export function completeLine(lab: Lab, line: string, node?: string): Completion {
  const impl = lab as LabImpl;
  const on = node && lab.nodes.includes(node) ? node : lab.nodes[0];
  const seg = line.replace(/^.*(?:\|\||&&|[|;]|\$\()\s*/s, '');
  const segStart = line.length - seg.length;
  const m = /\S*$/.exec(seg)!;
  const word = m[0];
  const start = segStart + m.index;
  const words = seg.slice(0, m.index).split(/\s+/).filter(Boolean);
  const fit = (xs: Iterable<string>) => ({ start, candidates: [...new Set(xs)].filter((x) => x.startsWith(word) && x !== '').sort() });
  if (words[0] === 'sudo') words.shift();
  if (!words.length) return fit(['docker', ...SHELL_BUILTINS.filter((b) => b !== ':')]);
  if (words[0] !== 'docker') return { start, candidates: [] };
  // docker [global flags] COMMAND ...
  let i = 1;
  while (i < words.length && words[i].startsWith('-')) i += words[i] === '-H' || words[i] === '--host' || words[i] === '-c' || words[i] === '--context' ? 2 : 1;
  const prev = words[words.length - 1];
  if (VALUE_KIND[prev]) return fit(names(impl, on, VALUE_KIND[prev]));
  const rest = words.slice(i);
  if (!rest.length) return fit(word.startsWith('-') ? ['--help', '--host', '--version', '-H'] : TOP);
  if (rest.length === 1 && GROUPS[rest[0]]) {
    const subs = COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])]).filter((p) => p.startsWith(rest[0] + ' ')).map((p) => p.slice(rest[0].length + 1));
    return fit(subs);
  }
  const found = lookupCommand([...rest, word]) ?? lookupCommand(rest);
  if (!found) return { start, candidates: [] };
  const { def, path } = found;
  if (word.startsWith('-')) return fit([...def.flags.filter((f) => !f.hidden).flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]), '--help']);
  // which positional is this? count the words after the command that are not flags or flag values
  const after = rest.slice(path.split(' ').length);
  let pos = 0;
  for (let k = 0; k < after.length; k++) {
    const a = after[k];
    if (a.startsWith('-')) {
      const spec = a.startsWith('--') ? def.flags.find((f) => f.long === a.slice(2) || f.aliases?.includes(a.slice(2))) : def.flags.find((f) => f.short === a.slice(-1));
      if (spec && spec.type !== 'bool' && !a.includes('=')) k++;
    } else pos++;
  }
  if (def.interspersed === false && pos >= 1) return { start, candidates: [] };
  const kinds = positionalKinds(def.path);
  const kind = kinds[Math.min(pos, kinds.length - 1)];
  return kind ? fit(names(impl, on, kind)) : { start, candidates: [] };
}
