/** The command table: every docker subcommand with Docker's aliases (docker/cli commands.go). */
import type { CommandDef } from '../types';
import { create as networkCreate } from './network/create';
import { ls as networkLs } from './network/list';
import { inspect as networkInspect } from './network/inspect';
import { rm as networkRm } from './network/remove';
import { prune as networkPrune } from './network/prune';
import { connect as networkConnect } from './network/connect';
import { disconnect as networkDisconnect } from './network/disconnect';
import { createCmd, run } from './container/run';
import { start, stop, restart, rm, kill } from './container/lifecycle';
import { ps } from './container/list';
import { port } from './container/port';
import { rename } from './container/rename';
import { containerInspectCmd, inspectAny } from './container/inspect';
import { exec, logs } from './container/exec';
import { swarmCommands } from './swarm';
import { serviceCommands } from './service';
import { info, version } from './system/info';
import { events } from './system/events';
import { pause, unpause, wait, top, containerPrune } from './container/state';
import { images, pull, rmi } from './image';

export const COMMANDS: CommandDef[] = [
  networkCreate,
  networkLs,
  networkInspect,
  networkRm,
  networkPrune,
  networkConnect,
  networkDisconnect,
  run,
  createCmd,
  start,
  stop,
  restart,
  kill,
  rm,
  ps,
  port,
  rename,
  containerInspectCmd,
  inspectAny,
  exec,
  logs,
  pause,
  unpause,
  wait,
  top,
  containerPrune,
  images,
  pull,
  rmi,
  ...swarmCommands,
  ...serviceCommands,
  info,
  version,
  events,
];

/** Management command groups and their one-line descriptions (for "docker network" help). */
export const GROUPS: Record<string, string> = {
  network: 'Manage networks',
  container: 'Manage containers',
  image: 'Manage images',
  swarm: 'Manage Swarm',
  node: 'Manage Swarm nodes',
  service: 'Manage Swarm services',
  system: 'Manage Docker',
};

const TABLE = new Map<string, CommandDef>();
for (const c of COMMANDS) {
  TABLE.set(c.path, c);
  for (const a of c.aliases ?? []) TABLE.set(a, c);
}

/** Find the command for argv (after global flags): longest matching path first. */
export function lookupCommand(argv: string[]): { def: CommandDef; path: string; rest: string[] } | null {
  if (argv.length >= 2) {
    const p = `${argv[0]} ${argv[1]}`;
    const def = TABLE.get(p);
    if (def) return { def, path: p, rest: argv.slice(2) };
  }
  if (argv.length >= 1) {
    const def = TABLE.get(argv[0]);
    if (def) return { def, path: argv[0], rest: argv.slice(1) };
  }
  return null;
}

/**
 * Real docker commands the lab does not model (docker/cli cli/command/commands.go and the
 * management groups' subcommands, plugins compose/buildx included): they get an honest "not
 * simulated" instead of "unknown command", which would tell the learner they mistyped.
 */
const NOT_SIMULATED_TOP = [
  'attach', 'build', 'builder', 'buildx', 'checkpoint', 'commit', 'compose', 'config', 'context', 'cp', 'diff', 'export',
  'history', 'import', 'init', 'load', 'login', 'logout', 'manifest', 'plugin', 'push', 'save', 'scout', 'search',
  'secret', 'stack', 'stats', 'tag', 'trust', 'update', 'volume', 'debug', 'sbom', 'model', 'desktop', 'offload', 'ai',
];
const NOT_SIMULATED_SUB: Record<string, string[]> = {
  container: ['attach', 'commit', 'cp', 'diff', 'export', 'stats', 'update'],
  image: ['build', 'history', 'import', 'inspect', 'load', 'prune', 'push', 'save', 'tag'],
  system: ['df', 'prune', 'dial-stdio'],
  swarm: ['ca', 'unlock', 'unlock-key', 'update'],
  node: ['ps', 'rm', 'remove'],
  service: ['rollback'],
  network: [],
};
/** Not-simulated management groups: the subcommand is named too ("volume ls"). */
const GROUP_LIKE = new Set(['builder', 'buildx', 'checkpoint', 'compose', 'config', 'context', 'manifest', 'plugin', 'secret', 'stack', 'trust', 'volume', 'scout', 'model', 'desktop', 'offload']);

/** The command path a not-simulated docker command names ("volume", "system df"), or null. */
export function notSimulated(argv: string[]): string | null {
  const [a, b] = argv;
  if (a === undefined) return null;
  if (NOT_SIMULATED_TOP.includes(a)) return b !== undefined && !b.startsWith('-') && GROUP_LIKE.has(a) ? `${a} ${b}` : a;
  if (b !== undefined && NOT_SIMULATED_SUB[a]?.includes(b)) return `${a} ${b}`;
  return null;
}

/** Top-level command words, simulated or not, for a "Did you mean" hint after a typo. */
export function topWords(): string[] {
  const words = new Set<string>();
  for (const c of COMMANDS) for (const p of [c.path, ...(c.aliases ?? [])]) words.add(p.split(' ')[0]);
  for (const g of Object.keys(GROUPS)) words.add(g);
  for (const w of NOT_SIMULATED_TOP) words.add(w);
  words.add('help');
  return [...words];
}
