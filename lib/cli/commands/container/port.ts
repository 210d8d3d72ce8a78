import type { CommandDef } from '../../types';
import { CliError } from '../../types';

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
      const [p, proto = 'tcp'] = args[1].split('/');
      const hits = ports.filter((b) => b.containerPort === Number(p) && b.proto === proto);
      if (!hits.length) throw new CliError(`Error: No public port '${p}/${proto}' published for ${args[0]}`);
      for (const h of hits) ctx.out.push(`${fmtIp(h.hostIp)}:${h.hostPort}\n`);
      return;
    }
    for (const b of ports) ctx.out.push(`${b.containerPort}/${b.proto} -> ${fmtIp(b.hostIp)}:${b.hostPort}\n`);
  },
};
