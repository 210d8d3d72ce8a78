import type { CommandDef } from '../../types';
import { PRUNE_FLAGS, pruneMatcher } from '../common';

/** docker network prune: removes user-defined networks without active endpoints. */
export const prune: CommandDef = {
  path: 'network prune',
  use: 'network prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: PRUNE_FLAGS,
  run(ctx, f) {
    const pruned = pruneMatcher(ctx, f, 'This will remove all custom networks not used by at least one container.');
    if (!pruned) return;
    const removed: string[] = [];
    // daemon/prune.go: config-only networks are never pruned
    const candidates = ctx.ctl.networks().filter((n) => !n.predefined && !n.ingress && !n.configOnly);
    for (const n of candidates) {
      if (!pruned(n.created, n.labels)) continue;
      if (ctx.ctl.isGlobal(n) && !ctx.ctl.isManager()) continue;
      try {
        ctx.ctl.checkRemovable(n);
      } catch {
        continue;
      }
      ctx.ctl.deleteNetwork(n);
      removed.push(n.name);
    }
    if (removed.length) ctx.out.push(`Deleted Networks:\n${removed.map((r) => r + '\n').join('')}`);
  },
};
