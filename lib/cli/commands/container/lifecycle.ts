import type { CommandDef } from '../../types';
import { bool } from '../common';

/** Run `fn` on each argument; print the argument when it worked, the daemon's error when not, and go on. */
export function each(ctx: Parameters<CommandDef['run']>[0], args: string[], fn: (ref: string) => void) {
  for (const a of args) {
    try {
      fn(a);
      ctx.out.push(a + '\n');
    } catch (e) {
      ctx.daemonError((e as Error).message);
      ctx.exitCode = 1;
    }
  }
}

/** docker start */
export const start: CommandDef = {
  path: 'start',
  aliases: ['container start'],
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'attach', short: 'a', type: 'bool' },
    { long: 'interactive', short: 'i', type: 'bool' },
  ],
  run(ctx, _f, args) {
    each(ctx, args, (a) => ctx.ctl.startContainer(ctx.ctl.findContainer(a)));
  },
};

/** docker stop */
export const stop: CommandDef = {
  path: 'stop',
  aliases: ['container stop'],
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'time', short: 't', type: 'int' },
    { long: 'signal', short: 's', type: 'string' },
  ],
  run(ctx, _f, args) {
    each(ctx, args, (a) => ctx.ctl.stopContainer(ctx.ctl.findContainer(a)));
  },
};

/** docker kill */
export const kill: CommandDef = {
  path: 'kill',
  aliases: ['container kill'],
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: { kind: 'min', n: 1 },
  flags: [{ long: 'signal', short: 's', type: 'string' }],
  run(ctx, _f, args) {
    each(ctx, args, (a) => {
      const c = ctx.ctl.findContainer(a);
      if (c.status !== 'running') throw new Error(`cannot kill container: ${a}: container ${c.id} is not running`);
      ctx.ctl.killContainer(c);
    });
  },
};

/** docker restart */
export const restart: CommandDef = {
  path: 'restart',
  aliases: ['container restart'],
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'time', short: 't', type: 'int' },
    { long: 'signal', short: 's', type: 'string' },
  ],
  run(ctx, _f, args) {
    each(ctx, args, (a) => {
      const c = ctx.ctl.findContainer(a);
      const auto = c.autoRemove;
      c.autoRemove = false;
      ctx.ctl.stopContainer(c);
      c.autoRemove = auto;
      ctx.ctl.startContainer(c);
    });
  },
};

/** docker rm */
export const rm: CommandDef = {
  path: 'rm',
  aliases: ['container rm', 'container remove'],
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'force', short: 'f', type: 'bool' },
    { long: 'link', short: 'l', type: 'bool' },
    { long: 'volumes', short: 'v', type: 'bool' },
  ],
  run(ctx, f, args) {
    each(ctx, args, (a) => {
      if (ctx.ctl.tryContainer(a)?.task) {
        // removing a task container: swarm reschedules it (modelled as: not allowed to vanish)
      }
      ctx.ctl.removeContainer(a, bool(f, 'force'));
    });
  },
};
