import type { CommandDef } from '../../types';
import { bool } from '../common';
import { CnmError } from '../../../cnm';

/** docker network rm: removes each argument; reports failures and exits 1 if any failed. */
export const rm: CommandDef = {
  path: 'network rm',
  aliases: ['network remove'],
  use: 'network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { kind: 'min', n: 1 },
  flags: [{ long: 'force', short: 'f', type: 'bool' }],
  run(ctx, f, args) {
    for (const a of args) {
      try {
        ctx.ctl.removeNetwork(a);
        ctx.out.push(a + '\n');
      } catch (e) {
        if (bool(f, 'force') && e instanceof CnmError && e.kind === 'not-found') continue;
        ctx.daemonError((e as Error).message);
        ctx.exitCode = 1;
      }
    }
  },
};
