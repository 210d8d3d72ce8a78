/**
 * docker pause / unpause / wait / top / container prune (docker/cli cli/command/container/{pause,
 * unpause,wait,top,prune}.go; daemon side moby daemon/{pause,unpause,wait,top_unix,prune}.go).
 */
import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { PRUNE_FLAGS, pruneMatcher } from '../common';
import { tabwriteText } from '../../format/tabwriter';
import { CnmError, findImage, type ContainerState } from '../../../cnm';
import { each } from './lifecycle';

function pauseCmd(pause: boolean): CommandDef {
  const verb = pause ? 'pause' : 'unpause';
  return {
    path: verb,
    aliases: [`container ${verb}`],
    use: `${verb} CONTAINER [CONTAINER...]`,
    short: pause ? 'Pause all processes within one or more containers' : 'Unpause all processes within one or more containers',
    args: { kind: 'min', n: 1 },
    flags: [],
    run(ctx, _f, args) {
      each(ctx, args, (a) => ctx.ctl.pauseContainer(ctx.ctl.findContainer(a), pause));
    },
  };
}

export const pause = pauseCmd(true);
export const unpause = pauseCmd(false);

/**
 * docker wait: prints each container's exit code once it is not running. A real `docker wait` on a
 * running container blocks until it stops; the lab's terminal runs one command at a time, so
 * nothing could stop it while it waited: it says so on stderr and fails instead of hanging.
 */
export const wait: CommandDef = {
  path: 'wait',
  aliases: ['container wait'],
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  args: { kind: 'min', n: 1 },
  flags: [],
  run(ctx, _f, args) {
    for (const a of args) {
      try {
        const c = ctx.ctl.findContainer(a);
        if (c.status === 'running') {
          ctx.err.push(
            `docker wait: container ${a} is still running${c.paused ? ' (paused)' : ''}: a real docker wait would block until it stops; ` +
              `this lab runs one command at a time and cannot block. Stop it first (docker stop ${a}), then wait.\n`,
          );
          ctx.exitCode = 1;
          continue;
        }
        // A created container counts as not running: the exit code is 0.
        ctx.out.push(`${c.status === 'exited' ? c.exitCode : 0}\n`);
      } catch (e) {
        ctx.daemonError((e as Error).message);
        ctx.exitCode = 1;
      }
    }
  },
};

/** The main process's command line as ps shows it (an entrypoint script execs the command). */
function processLine(c: ContainerState): string {
  const img = findImage(c.image);
  const script = c.entrypoint.length === 1 && /(^|\/)[\w-]*entrypoint[\w-]*\.sh$/.test(c.entrypoint[0]);
  const argv = script && c.cmd.length ? c.cmd : [...c.entrypoint, ...c.cmd];
  if (img?.name === 'nginx' && argv[0] === 'nginx') return `nginx: master process ${argv.join(' ')}`;
  return argv.join(' ');
}

/** A stable host PID for the container's main process (no draw from the lab's generator). */
function hostPid(c: ContainerState): number {
  return 2000 + (parseInt(c.id.slice(0, 6), 16) % 60000);
}

function clock(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(11, 16);
}

/**
 * docker top CONTAINER [ps OPTIONS]: the container's processes as `ps -ef` (or `ps aux`) on the
 * host shows them. The lab models one process per container, its main process.
 */
export const top: CommandDef = {
  path: 'top',
  aliases: ['container top'],
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  flags: [],
  run(ctx, _f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    if (c.status !== 'running') throw new CnmError('conflict', `container ${c.id} is not running`);
    const ps = args.slice(1).join(' ');
    const pid = hostPid(c);
    const tty = c.tty ? 'pts/0' : '?';
    let rows: string[][];
    if (ps === '' || ps === '-ef' || ps === '-e -f') {
      rows = [
        ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
        ['root', String(pid), String(pid - 21), '0', clock(c.startedAt), tty, '00:00:00', processLine(c)],
      ];
    } else if (ps === 'aux' || ps === '-aux' || ps === 'au' || ps === 'ax') {
      rows = [
        ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'],
        ['root', String(pid), '0.0', '0.0', '11404', '7424', tty, c.paused ? 'Ds' : 'Ss', clock(c.startedAt), '0:00', processLine(c)],
      ];
    } else {
      throw new CliError(`docker top: the lab knows the default columns (ps -ef) and "aux"; "${ps}" is not simulated`);
    }
    ctx.out.push(tabwriteText(rows.map((r) => r.join('\t') + '\n').join(''), 20, 3));
  },
};

/** docker container prune: removes every stopped container (created or exited) on this node. */
export const containerPrune: CommandDef = {
  path: 'container prune',
  use: 'container prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { kind: 'none' },
  flags: PRUNE_FLAGS,
  run(ctx, f) {
    const pruned = pruneMatcher(ctx, f, 'This will remove all stopped containers.');
    if (!pruned) return;
    const removed: string[] = [];
    for (const c of [...ctx.ctl.node.containers]) {
      if (c.status === 'running' || !pruned(c.created, c.labels)) continue;
      ctx.ctl.removeContainer(c.id, false);
      removed.push(c.id);
    }
    if (removed.length) ctx.out.push(`Deleted Containers:\n${removed.map((id) => id + '\n').join('')}\n`);
    ctx.out.push('Total reclaimed space: 0B\n');
  },
};
