/**
 * What the generators need to know about docker command lines, on top of lib/cli's grammar: which
 * resources a command needs and creates (to infer the setup a task needs on a fresh engine), which
 * values a prompt must state, and an English description.
 */
import { readDockerLine, type LineFlag } from '../cli';

/** Built-in networks that exist on every engine. */
export const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

/**
 * Docker's command families (management commands and their verbs), including those the simulator
 * does not implement: a line of one of these is still read as `family verb`, and recall questions
 * draw distractors from the same family.
 */
export const FAMILIES: Record<string, string[]> = {
  service: ['create', 'update', 'scale', 'ls', 'ps', 'inspect', 'rm', 'logs', 'rollback'],
  node: ['ls', 'inspect', 'update', 'promote', 'demote', 'rm', 'ps'],
  swarm: ['init', 'join', 'leave', 'join-token', 'update', 'unlock', 'unlock-key', 'ca'],
  stack: ['deploy', 'ls', 'ps', 'rm', 'services'],
  secret: ['create', 'ls', 'inspect', 'rm'],
  config: ['create', 'ls', 'inspect', 'rm'],
  volume: ['create', 'ls', 'inspect', 'rm', 'prune'],
  image: ['build', 'pull', 'push', 'tag', 'ls', 'rm', 'prune', 'history', 'inspect', 'save', 'load'],
  container: ['run', 'create', 'start', 'stop', 'rm', 'ls', 'logs', 'exec', 'inspect', 'port', 'top', 'stats', 'commit', 'cp'],
  network: ['create', 'connect', 'disconnect', 'ls', 'inspect', 'rm', 'prune'],
  system: ['df', 'prune', 'info', 'events'],
  plugin: ['install', 'ls', 'enable', 'disable', 'inspect', 'rm'],
  trust: ['sign', 'inspect', 'revoke'],
  context: ['create', 'ls', 'use', 'inspect', 'rm'],
};

export interface ParsedCommand {
  /** `object verb`, e.g. `network create`; undefined when not recognised. */
  key?: string;
  /** Flags in order: name as written (long or short) and value when it takes one. */
  flags: LineFlag[];
  args: string[];
}

/**
 * Read a `docker ...` line with the lab's grammar (lib/cli `readDockerLine`: its shell words, command
 * table and flag specs). A command the simulator lacks is read as `family verb` when its family is
 * one of Docker's (`docker volume create data`), every flag of it a switch.
 */
export function parseCommand(line: string): ParsedCommand {
  const { path, flags, args } = readDockerLine(line);
  if (path) return { key: path, flags, args };
  const [family, verb, ...tail] = args;
  if (args.length === 0 || !Object.hasOwn(FAMILIES, family) || verb === undefined || verb.startsWith('-') || !lineStartsWithDocker(line)) return { flags, args };
  // After `family verb`, as lib/cli reads an unknown command: flags before the first argument are switches (or `--x=value`).
  const cmd: ParsedCommand = { key: `${family} ${verb === 'list' ? 'ls' : verb === 'remove' ? 'rm' : verb}`, flags: [...flags], args: [] };
  for (const w of tail) {
    const eq = w.indexOf('=');
    if (cmd.args.length > 0 || w.length < 2 || w[0] !== '-') cmd.args.push(w);
    else cmd.flags.push(eq > 0 ? { name: w.slice(0, eq), value: w.slice(eq + 1) } : { name: w });
  }
  return cmd;
}

function lineStartsWithDocker(line: string): boolean {
  return /^\s*docker\s/.test(line);
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
    case 'inspect':
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
