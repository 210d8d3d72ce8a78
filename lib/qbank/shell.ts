/**
 * A small model of docker command lines, enough for the generators: split a line into words,
 * recognise the subcommand and its flags, tell which resources the command needs and creates
 * (to infer the setup a task needs on a fresh engine), and describe it in English.
 */

/** Built-in networks that exist on every engine. */
export const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

/** Flags that take a value, per subcommand; anything else is boolean. Keys are `object verb`. */
const VALUE_FLAGS: Record<string, string[]> = {
  'network create': ['-d', '--driver', '--subnet', '--gateway', '--ip-range', '--aux-address', '-o', '--opt', '--label', '--ipam-driver', '--ipam-opt', '--scope', '--config-from'],
  'network connect': ['--alias', '--ip', '--ip6', '--link', '--link-local-ip', '--driver-opt'],
  'network inspect': ['-f', '--format'],
  'network ls': ['-f', '--filter', '--format'],
  'network prune': ['--filter'],
  'container run': ['--name', '--network', '--net', '-p', '--publish', '-e', '--env', '-v', '--volume', '--network-alias', '--ip', '--ip6', '-h', '--hostname', '--dns', '--mount', '--restart', '-w', '--workdir', '-u', '--user', '-l', '--label', '--expose', '--add-host', '--entrypoint', '--link', '--cpus', '-m', '--memory', '--mac-address'],
  'service create': ['--name', '--network', '-p', '--publish', '--replicas', '--mode', '--constraint', '-e', '--env', '--mount', '--endpoint-mode', '--label', '--secret', '--config', '--update-delay', '--update-parallelism', '--restart-condition', '--limit-cpu', '--limit-memory', '--reserve-cpu', '--reserve-memory', '--placement-pref', '--hostname', '--workdir', '--user', '-u', '-w'],
  'service update': ['--image', '--replicas', '--publish-add', '--publish-rm', '--network-add', '--network-rm', '--env-add', '--env-rm', '--label-add', '--label-rm', '--constraint-add', '--constraint-rm', '--update-delay', '--update-parallelism', '--secret-add', '--secret-rm', '--mount-add', '--mount-rm', '--limit-cpu', '--limit-memory'],
  'service ps': ['-f', '--filter', '--format'],
  'service logs': ['--tail', '--since'],
  'node update': ['--availability', '--role', '--label-add', '--label-rm'],
  'swarm init': ['--advertise-addr', '--listen-addr', '--data-path-addr', '--default-addr-pool'],
  'swarm join': ['--token', '--advertise-addr', '--listen-addr'],
  'container inspect': ['-f', '--format'],
  'container ls': ['-f', '--filter', '--format'],
};
VALUE_FLAGS['container create'] = VALUE_FLAGS['container run'];

/** Top-level shortcuts and their `object verb`. */
const SHORTCUTS: Record<string, string> = {
  run: 'container run',
  create: 'container create',
  ps: 'container ls',
  port: 'container port',
  start: 'container start',
  stop: 'container stop',
  rm: 'container rm',
  exec: 'container exec',
  logs: 'container logs',
  inspect: 'container inspect',
};
const OBJECTS = new Set(['network', 'container', 'service', 'swarm', 'volume', 'image', 'node', 'secret', 'config', 'stack', 'system', 'plugin']);

export interface ParsedCommand {
  /** `object verb`, e.g. `network create`; undefined when not recognised. */
  key?: string;
  /** Flags in order: name as written (long or short) and value when it takes one. */
  flags: { name: string; value?: string }[];
  args: string[];
}

/** Split a shell line into words (quotes removed; no expansion). */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** Parse `docker ...` into subcommand, flags and arguments. */
export function parseCommand(line: string): ParsedCommand {
  const w = words(line);
  if (w[0] !== 'docker') return { flags: [], args: w };
  let i = 1;
  let key: string | undefined;
  if (OBJECTS.has(w[i]) && w[i + 1] && !w[i + 1].startsWith('-')) {
    key = `${w[i]} ${w[i + 1] === 'list' ? 'ls' : w[i + 1] === 'remove' ? 'rm' : w[i + 1]}`;
    i += 2;
  } else if (SHORTCUTS[w[i]]) {
    key = SHORTCUTS[w[i]];
    i += 1;
  }
  const takes = new Set(key ? (VALUE_FLAGS[key] ?? []) : []);
  const flags: ParsedCommand['flags'] = [];
  const args: string[] = [];
  for (; i < w.length; i++) {
    const t = w[i];
    if (t.startsWith('-') && t.length > 1 && args.length === 0) {
      const eq = t.indexOf('=');
      if (eq > 0) flags.push({ name: t.slice(0, eq), value: t.slice(eq + 1) });
      else if (takes.has(t) && i + 1 < w.length) flags.push({ name: t, value: w[++i] });
      else flags.push({ name: t });
    } else if (t.startsWith('-') && t.length > 1 && takes.has(t.split('=')[0])) {
      const eq = t.indexOf('=');
      flags.push(eq > 0 ? { name: t.slice(0, eq), value: t.slice(eq + 1) } : { name: t, value: w[++i] });
    } else args.push(t);
  }
  return { key, flags, args };
}

export function flag(cmd: ParsedCommand, ...names: string[]): string | undefined {
  return cmd.flags.find((f) => names.includes(f.name))?.value;
}

/** A resource a command needs or produces. */
export type Resource =
  | { kind: 'swarm' }
  | { kind: 'service'; name: string }
  | { kind: 'network'; name: string; overlay: boolean }
  | { kind: 'container'; name: string; running: boolean; network?: string };

export function resourceKey(r: Resource): string {
  return r.kind === 'swarm' ? 'swarm' : `${r.kind}:${r.name}`;
}

/** What a command needs to exist before it runs, and what it creates. */
export function effects(cmd: ParsedCommand): { needs: Resource[]; makes: Resource[] } {
  const needs: Resource[] = [];
  const makes: Resource[] = [];
  const net = (name: string | undefined, overlay = false) => {
    if (name && !BUILTIN_NETWORKS.has(name) && !name.startsWith('container:')) needs.push({ kind: 'network', name, overlay });
  };
  switch (cmd.key) {
    case 'network create': {
      const driver = flag(cmd, '-d', '--driver') ?? 'bridge';
      if (driver === 'overlay') needs.push({ kind: 'swarm' });
      if (cmd.args[0]) makes.push({ kind: 'network', name: cmd.args[0], overlay: driver === 'overlay' });
      break;
    }
    case 'network connect':
      net(cmd.args[0]);
      if (cmd.args[1]) needs.push({ kind: 'container', name: cmd.args[1], running: true });
      break;
    case 'network disconnect':
      net(cmd.args[0]);
      if (cmd.args[1]) needs.push({ kind: 'container', name: cmd.args[1], running: true, network: cmd.args[0] });
      break;
    case 'network rm':
    case 'network inspect':
      for (const a of cmd.args) net(a);
      break;
    case 'container run':
    case 'container create': {
      net(flag(cmd, '--network', '--net'));
      const name = flag(cmd, '--name');
      if (name) makes.push({ kind: 'container', name, running: cmd.key === 'container run' });
      break;
    }
    case 'service create': {
      needs.push({ kind: 'swarm' });
      net(flag(cmd, '--network'), true);
      const name = flag(cmd, '--name');
      if (name) makes.push({ kind: 'service', name });
      break;
    }
    case 'service scale':
      needs.push({ kind: 'swarm' });
      for (const a of cmd.args) needs.push({ kind: 'service', name: a.split('=')[0] });
      break;
    case 'service update':
    case 'service rm':
    case 'service ps':
    case 'service logs':
    case 'service inspect':
    case 'service rollback':
      needs.push({ kind: 'swarm' });
      for (const a of cmd.args.slice(0, cmd.key === 'service update' || cmd.key === 'service rollback' ? 1 : undefined)) needs.push({ kind: 'service', name: a });
      break;
    case 'service ls':
    case 'node ls':
    case 'node inspect':
    case 'swarm join-token':
    case 'swarm leave':
    case 'swarm update':
    case 'swarm unlock-key':
    case 'swarm ca':
    case 'secret create':
    case 'secret ls':
    case 'config create':
    case 'config ls':
    case 'stack deploy':
    case 'stack ls':
      needs.push({ kind: 'swarm' });
      break;
    case 'container start':
    case 'container stop':
    case 'container rm':
    case 'container port':
    case 'container inspect':
    case 'container logs':
      for (const a of cmd.args) needs.push({ kind: 'container', name: a, running: cmd.key !== 'container start' });
      break;
    default:
      break;
  }
  return { needs, makes };
}

/**
 * Setup lines that make every resource a solution needs exist on a fresh engine.
 * @param solution the solution's command lines
 * @param image image for containers the setup has to start
 */
export function inferSetup(solution: string[], image: string): { setup: string[]; needs: string[] } {
  const made = new Set<string>();
  const needed: Resource[] = [];
  for (const line of solution) {
    const { needs, makes } = effects(parseCommand(line));
    for (const r of needs) if (!made.has(resourceKey(r)) && !needed.some((n) => resourceKey(n) === resourceKey(r))) needed.push(r);
    for (const r of makes) made.add(resourceKey(r));
  }
  const setup: string[] = [];
  if (needed.some((r) => r.kind === 'swarm' || r.kind === 'service' || (r.kind === 'network' && r.overlay))) setup.push('docker swarm init');
  for (const r of needed) if (r.kind === 'network') setup.push(r.overlay ? `docker network create -d overlay --attachable ${r.name}` : `docker network create ${r.name}`);
  for (const r of needed) if (r.kind === 'service') setup.push(`docker service create --name ${r.name} ${image}`);
  for (const r of needed) {
    if (r.kind !== 'container') continue;
    const network = r.network ? ` --network ${r.network}` : '';
    setup.push(r.running ? `docker run -d --name ${r.name}${network} ${image}` : `docker create --name ${r.name}${network} ${image}`);
  }
  return { setup, needs: needed.map(resourceKey).sort() };
}

/** Keys of what a solution creates (to tell alternative solutions of the same task apart). */
export function madeBy(solution: string[]): string[] {
  return solution.flatMap((l) => effects(parseCommand(l)).makes.map(resourceKey)).sort();
}

/** Human names for value flags, used to state values a task prompt must give. */
const FLAG_NOUNS: Record<string, string> = {
  '--subnet': 'the subnet',
  '--gateway': 'the gateway',
  '--ip-range': 'the IP range',
  '--ip': 'the IP address',
  '--ip6': 'the IPv6 address',
  '--alias': 'the network alias',
  '--network-alias': 'the network alias',
  '--replicas': 'replicas:',
  '--hostname': 'the hostname',
  '-h': 'the hostname',
  '--aux-address': 'the auxiliary address',
  '--label': 'the label',
  '-o': 'the driver option',
  '--opt': 'the driver option',
};

/** "publish container port 80 on host port 8080" for `-p 8080:80`. */
function describePublish(spec: string): string {
  const parts = spec.split(':');
  const container = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return host ? `publishing container port ${container} on host port ${host}` : `publishing container port ${container} on a random host port`;
}

/**
 * Sentences that give the values a solution uses and the description does not mention, so the task
 * is answerable ("Use the subnet `192.168.1.0/24` and the gateway `192.168.1.250`.").
 */
export function missingValues(description: string, line: string): string | undefined {
  const cmd = parseCommand(line);
  const parts: string[] = [];
  const numbers = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const said = (value: string) => description.includes(value) || (/^\d+$/.test(value) && new RegExp(`\\b${numbers[Number(value)]}\\b`, 'i').test(description));
  for (const f of cmd.flags) {
    if (!f.value || said(f.value)) continue;
    const noun = FLAG_NOUNS[f.name];
    if (noun) parts.push(`${noun} \`${f.value}\``);
    else if (f.name === '-p' || f.name === '--publish') parts.push(describePublish(f.value).replace(/^publishing/, 'publish'));
  }
  // The objects the command acts on or creates, when the description does not name them.
  const mentioned = (name: string) => new RegExp(`(^|[^\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(description);
  const named = flag(cmd, '--name');
  const { needs, makes } = effects(cmd);
  const acted = [...makes, ...needs].filter((r): r is Exclude<Resource, { kind: 'swarm' }> => r.kind !== 'swarm');
  const names: string[] = [];
  for (const r of acted) {
    const text = makes.includes(r) ? `the name \`${r.name}\`` : `the ${r.kind} \`${r.name}\``;
    if (!mentioned(r.name) && !names.includes(text)) names.push(text);
  }
  if (named && !mentioned(named) && !acted.some((r) => r.name === named)) names.push(`the name \`${named}\``);
  parts.unshift(...names);
  if (!parts.length) return undefined;
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Use ${joined}.`;
}

/** An English task prompt for a command that has no comment of its own (an alternative that is a different task). */
export function describeCommand(line: string): string | undefined {
  const cmd = parseCommand(line);
  const code = (s: string) => `\`${s}\``;
  switch (cmd.key) {
    case 'container create':
    case 'container run': {
      const image = cmd.args[0];
      if (!image) return undefined;
      const name = flag(cmd, '--name');
      const network = flag(cmd, '--network', '--net');
      const publish = cmd.flags.filter((f) => f.name === '-p' || f.name === '--publish').map((f) => describePublish(f.value ?? ''));
      const what = cmd.key === 'container create' ? 'Create (without starting) a container' : 'Start a container in the background';
      const pieces = [`${what}${name ? ` named ${code(name)}` : ''} from the image ${code(image)}`];
      if (network) pieces.push(`attached to the network ${code(network)}`);
      pieces.push(...publish);
      return `${pieces.length > 2 ? pieces.slice(0, -1).join(', ') + ' and ' + pieces[pieces.length - 1] : pieces.join(', ')}.`;
    }
    case 'network create': {
      const name = cmd.args[0];
      if (!name) return undefined;
      const driver = flag(cmd, '-d', '--driver') ?? 'bridge';
      return `Create ${article(driver)} ${driver} network named ${code(name)}.`;
    }
    case 'network connect':
      return cmd.args.length === 2 ? `Connect the container ${code(cmd.args[1])} to the network ${code(cmd.args[0])}.` : undefined;
    case 'network disconnect':
      return cmd.args.length === 2 ? `Disconnect the container ${code(cmd.args[1])} from the network ${code(cmd.args[0])}.` : undefined;
    default:
      return undefined;
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
