import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { CnmError } from '../../../cnm';

/** docker rename CONTAINER NEW_NAME (docker/cli cli/command/container/rename.go). */
export const rename: CommandDef = {
  path: 'rename',
  aliases: ['container rename'],
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { kind: 'exact', n: 2 },
  flags: [],
  run(ctx, _f, args) {
    const oldName = args[0].trim();
    const newName = args[1].trim();
    if (!oldName || !newName) throw new CliError('Error: Neither old nor new names may be empty');
    try {
      ctx.ctl.renameContainer(oldName, newName);
    } catch (e) {
      if (!(e instanceof CnmError)) throw e;
      // The CLI prints the daemon's error, then its own.
      ctx.daemonError(e.message);
      throw new CliError(`Error: failed to rename container named ${oldName}`);
    }
  },
};
