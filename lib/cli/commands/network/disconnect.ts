import type { CommandDef } from '../../types';
import { bool } from '../common';

/** docker network disconnect */
export const disconnect: CommandDef = {
  path: 'network disconnect',
  use: 'network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { kind: 'exact', n: 2 },
  flags: [{ long: 'force', short: 'f', type: 'bool' }],
  run(ctx, f, args) {
    ctx.ctl.disconnect(args[1], args[0], bool(f, 'force'));
  },
};
