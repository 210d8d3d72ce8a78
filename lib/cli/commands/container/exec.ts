import type { CommandDef } from '../../types';
import { bool } from '../common';
import { CnmError } from '../../../cnm';

/** docker exec: run a program in a running container (the in-container tools live in lib/cli/exec). */
export const exec: CommandDef = {
  path: 'exec',
  aliases: ['container exec'],
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  args: { kind: 'min', n: 2 },
  interspersed: false,
  flags: [
    { long: 'detach', short: 'd', type: 'bool' },
    { long: 'interactive', short: 'i', type: 'bool' },
    { long: 'tty', short: 't', type: 'bool' },
    { long: 'env', short: 'e', type: 'stringArray' },
    { long: 'user', short: 'u', type: 'string' },
    { long: 'workdir', short: 'w', type: 'string' },
    { long: 'privileged', type: 'bool' },
    { long: 'detach-keys', type: 'string' },
    { long: 'env-file', type: 'stringArray' },
  ],
  run(ctx, f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    if (c.status !== 'running') throw new CnmError('conflict', `container ${c.id} is not running`);
    const r = ctx.execIn(ctx.ctl, c.id, args.slice(1));
    if (bool(f, 'detach')) return;
    ctx.out.push(r.stdout);
    ctx.err.push(r.stderr);
    ctx.exitCode = r.exitCode;
  },
};

/** docker logs */
export const logs: CommandDef = {
  path: 'logs',
  aliases: ['container logs'],
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'follow', short: 'f', type: 'bool' },
    { long: 'tail', short: 'n', type: 'string', default: 'all' },
    { long: 'timestamps', short: 't', type: 'bool' },
    { long: 'since', type: 'string' },
    { long: 'until', type: 'string' },
    { long: 'details', type: 'bool' },
  ],
  run(ctx, _f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    ctx.out.push(c.logs.join(''));
  },
};
