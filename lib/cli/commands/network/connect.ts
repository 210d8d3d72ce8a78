import type { CommandDef } from '../../types';
import { list, num, str } from '../common';
import { isIP } from '../../../cnm';

const ipv = (v: string) => (v === '' || isIP(v) ? null : `invalid string being converted to IP address: ${v}`);

/** docker network connect */
export const connect: CommandDef = {
  path: 'network connect',
  use: 'network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { kind: 'exact', n: 2 },
  flags: [
    { long: 'ip', type: 'string', validate: ipv },
    { long: 'ip6', type: 'string', validate: ipv },
    { long: 'link', type: 'stringArray' },
    { long: 'alias', type: 'stringArray' },
    { long: 'link-local-ip', type: 'stringArray' },
    { long: 'driver-opt', type: 'stringArray' },
    { long: 'gw-priority', type: 'int' },
  ],
  run(ctx, f, args) {
    const driverOpts: Record<string, string> = {};
    for (const o of list(f, 'driver-opt')) {
      const i = o.indexOf('=');
      driverOpts[i < 0 ? o : o.slice(0, i)] = i < 0 ? '' : o.slice(i + 1);
    }
    ctx.ctl.connect(args[1], args[0], {
      aliases: list(f, 'alias'),
      ipv4: str(f, 'ip') || undefined,
      ipv6: str(f, 'ip6') || undefined,
      links: list(f, 'link').map((l) => (l.includes(':') ? l : `${l}:${l}`)),
      linkLocalIPs: list(f, 'link-local-ip'),
      driverOpts,
      gwPriority: num(f, 'gw-priority'),
    });
  },
};
