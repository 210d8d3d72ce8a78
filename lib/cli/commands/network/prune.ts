import type { CommandDef } from '../../types';
import { bool, checkFilterKeys, labelMatch, list, parseFilters, parseUntil } from '../common';

/** docker network prune: removes user-defined networks without active endpoints. */
export const prune: CommandDef = {
  path: 'network prune',
  use: 'network prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { kind: 'none' },
  flags: [
    { long: 'force', short: 'f', type: 'bool' },
    { long: 'filter', type: 'stringArray' },
  ],
  run(ctx, f) {
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['until', 'label', 'label!']);
    if (!bool(f, 'force')) {
      ctx.out.push('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
      // No terminal to answer: like a closed stdin, the answer is "no".
      ctx.out.push('\n');
      return;
    }
    const until = filters.get('until')?.map((u) => parseUntil(u, ctx.world.state.clock));
    const removed: string[] = [];
    // daemon/prune.go: config-only networks are never pruned
    const candidates = ctx.ctl.networks().filter((n) => !n.predefined && !n.ingress && !n.configOnly);
    for (const n of candidates) {
      if (until && !until.every((u) => n.created < u)) continue;
      if (filters.has('label') && !labelMatch(n.labels, filters.get('label')!)) continue;
      if (filters.has('label!') && labelMatch(n.labels, filters.get('label!')!)) continue;
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
