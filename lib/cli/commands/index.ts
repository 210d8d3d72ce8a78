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
