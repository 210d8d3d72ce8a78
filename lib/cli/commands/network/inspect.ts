import type { CommandDef } from '../../types';
import { bool, str } from '../common';
import { formatInspect } from '../../format/formatter';

/** docker network inspect: every found network is printed; missing ones are reported after. */
export const inspect: CommandDef = {
  path: 'network inspect',
  use: 'network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', type: 'string' },
    { long: 'verbose', short: 'v', type: 'bool' },
  ],
  run(ctx, f, args) {
    const found: unknown[] = [];
    const errors: string[] = [];
    for (const a of args) {
      try {
        found.push(ctx.engine.inspectNetwork(ctx.node, a, bool(f, 'verbose')));
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    if (found.length || !str(f, 'format')) ctx.out.push(formatInspect(found, str(f, 'format')));
    if (errors.length) {
      for (const e of errors) ctx.daemonError(e);
      ctx.exitCode = 1;
    }
  },
};
