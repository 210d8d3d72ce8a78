/** docker node ls|inspect|promote|demote|update|rm */
import type { CommandDef } from '../../types';
import { bool, checkFilterKeys, list, naturalLess, parseFilters, str, filterMatcher } from '../common';
import { formatInspect, formatList } from '../../format/formatter';
import { CnmError } from '../../../cnm';

const HEADERS = { ID: 'ID', Self: '', Hostname: 'HOSTNAME', Status: 'STATUS', Availability: 'AVAILABILITY', ManagerStatus: 'MANAGER STATUS', EngineVersion: 'ENGINE VERSION', TLSStatus: 'TLS STATUS' };

export const nodeLs: CommandDef = {
  path: 'node ls',
  aliases: ['node list'],
  use: 'node ls [OPTIONS]',
  short: 'List nodes in the swarm',
  args: { kind: 'none' },
  flags: [
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'quiet', short: 'q', type: 'bool' },
  ],
  run(ctx, f) {
    const sw = ctx.engine.managerSwarm(ctx.node);
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['id', 'label', 'membership', 'name', 'role', 'node.label']);
    const any = filterMatcher(filters);
    const nodes = sw.nodes
      .filter((n) => any('role', (v) => n.role === v) && any('name', (v) => n.name.includes(v)) && any('id', (v) => n.id.startsWith(v)))
      .sort((a, b) => naturalLess(a.name, b.name));
    const rows = nodes.map((n) => ({
      ID: n.id,
      Self: n.id === ctx.ctl.node.swarmNodeId,
      Hostname: n.name,
      Status: 'Ready',
      Availability: n.availability[0].toUpperCase() + n.availability.slice(1),
      ManagerStatus: n.role === 'manager' ? (n.leader ? 'Leader' : 'Reachable') : '',
      EngineVersion: '28.5.1',
      TLSStatus: 'Ready',
    }));
    const fmt = str(f, 'format');
    if (bool(f, 'quiet') && !fmt) {
      ctx.out.push(nodes.map((n) => n.id + '\n').join(''));
      return;
    }
    ctx.out.push(formatList(rows, fmt, 'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}', HEADERS, '*formatter.nodeContext'));
  },
};

export const nodeInspectCmd: CommandDef = {
  path: 'node inspect',
  use: 'node inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', type: 'string' },
    { long: 'pretty', type: 'bool' },
  ],
  run(ctx, f, args) {
    ctx.engine.managerSwarm(ctx.node);
    const out = args.map((a) => {
      const ref = a === 'self' ? ctx.ctl.node.swarmNodeId! : a;
      ctx.engine.findSwarmNode(ctx.node, ref);
      return ctx.engine.inspectNode(ctx.node, ref);
    });
    ctx.out.push(formatInspect(out, str(f, 'format')));
  },
};

function roleCmd(verb: 'promote' | 'demote'): CommandDef {
  return {
    path: `node ${verb}`,
    use: `node ${verb} NODE [NODE...]`,
    short: verb === 'promote' ? 'Promote one or more nodes to manager in the swarm' : 'Demote one or more nodes from manager in the swarm',
    args: { kind: 'min', n: 1 },
    flags: [],
    run(ctx, _f, args) {
      ctx.engine.managerSwarm(ctx.node);
      for (const a of args) {
        const n = ctx.engine.findSwarmNode(ctx.node, a);
        const want = verb === 'promote' ? 'manager' : 'worker';
        if (n.role === want) {
          ctx.out.push(`Node ${n.name} is already a ${want}.\n`);
          continue;
        }
        ctx.engine.setNodeRole(ctx.node, a, want);
        ctx.out.push(`Node ${n.name} ${verb}d to a ${want} in the swarm.\n`);
      }
    },
  };
}

export const nodeUpdate: CommandDef = {
  path: 'node update',
  use: 'node update [OPTIONS] NODE',
  short: 'Update a node',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'availability', type: 'string' },
    { long: 'role', type: 'string' },
    { long: 'label-add', type: 'stringArray' },
    { long: 'label-rm', type: 'stringArray' },
  ],
  run(ctx, f, args) {
    const n = ctx.engine.findSwarmNode(ctx.node, args[0]);
    const av = str(f, 'availability');
    if (av && !['active', 'pause', 'drain'].includes(av)) throw new CnmError('bad-request', `invalid availability: ${av}`);
    const role = str(f, 'role');
    if (role && role !== 'manager' && role !== 'worker') throw new CnmError('bad-request', `invalid role ${role}, only worker and manager are supported`);
    if (role) ctx.engine.setNodeRole(ctx.node, n.id, role as 'manager' | 'worker');
    if (av) n.availability = av as typeof n.availability;
    ctx.out.push(args[0] + '\n');
  },
};

export const nodeCommands: CommandDef[] = [nodeLs, nodeInspectCmd, roleCmd('promote'), roleCmd('demote'), nodeUpdate];
