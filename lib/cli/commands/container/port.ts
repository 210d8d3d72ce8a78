import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { parsePort16 } from '../common';

/** docker port CONTAINER [PRIVATE_PORT[/PROTO]] */
export const port: CommandDef = {
  path: 'port',
  aliases: ['container port'],
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { kind: 'range', min: 1, max: 2 },
  flags: [],
  run(ctx, _f, args) {
    const c = ctx.ctl.findContainer(args[0]);
    const fmtIp = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);
    const ports = [...c.ports].sort((a, b) => a.containerPort - b.containerPort || a.proto.localeCompare(b.proto));
    if (args[1]) {
      // docker/cli container/port.go: the port is checked with ParseUint and echoed as typed.
      const slash = args[1].indexOf('/');
      const p = slash < 0 ? args[1] : args[1].slice(0, slash);
      const proto = (slash < 0 ? '' : args[1].slice(slash + 1)) || 'tcp';
      const n = parsePort16(p);
      if (typeof n === 'string') throw new CliError(`Error: invalid port (${p}): ${n}`);
      const hits = ports.filter((b) => b.containerPort === n && b.proto === proto);
      if (!hits.length) throw new CliError(`Error: No public port '${args[1]}' published for ${args[0]}`);
      for (const h of hits) ctx.out.push(`${fmtIp(h.hostIp)}:${h.hostPort}\n`);
      return;
    }
    for (const b of ports) ctx.out.push(`${b.containerPort}/${b.proto} -> ${fmtIp(b.hostIp)}:${b.hostPort}\n`);
  },
};
