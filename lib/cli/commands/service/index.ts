/** docker service create|ls|ps|inspect|rm|scale|update|logs */
import type { CommandContext, CommandDef } from '../../types';
import { CliError } from '../../types';
import { bool, changed, checkFilterKeys, labelMatch, list, naturalLess, num, parseFilters, parsePort16, str, filterMatcher } from '../common';
import { parsePublish } from '../container/options';
import type { FlagSpec } from '../../flags';
import { type ServicePort, type ServiceUpdate, findImage, CnmError, ImageNotFoundError } from '../../../cnm';
import { formatInspect, formatList, humanDuration } from '../../format/formatter';

/**
 * One --publish value as docker/cli's swarmopts.PortOpt.Set reads it: long syntax
 * "published=8080,target=80,protocol=udp,mode=host" or short syntax "[HOST[-HOST]:]PORT[-PORT][/PROTO]"
 * (each port of a range becomes its own port config).
 * @returns the ports, or the error text pflag reports as the flag's invalid argument
 */
export function parsePortOpt(v: string): ServicePort[] | string {
  if (/\w+=\w+(,\w+=\w+)*/.test(v)) {
    const p: ServicePort = { protocol: 'tcp', targetPort: 0, publishedPort: 0, publishMode: 'ingress' };
    for (const field of v.split(',')) {
      const lower = field.toLowerCase();
      const eq = lower.indexOf('=');
      if (eq <= 0) return `invalid field: ${field}`;
      const key = lower.slice(0, eq);
      const val = lower.slice(eq + 1);
      switch (key) {
        case 'protocol':
          if (!['tcp', 'udp', 'sctp'].includes(val)) return `invalid protocol value '${val}'`;
          p.protocol = val as ServicePort['protocol'];
          break;
        case 'mode':
          if (val !== 'ingress' && val !== 'host') return `invalid publish mode value (${val}): must be either 'ingress' or 'host'`;
          p.publishMode = val;
          break;
        case 'target':
        case 'published': {
          const n = parsePort16(val);
          const what = key === 'target' ? 'target' : 'published';
          if (typeof n === 'string') return `invalid ${what} port (${val}): value must be an integer: ${n.replace(/^.*: /, '')}`;
          if (key === 'target') p.targetPort = n;
          else p.publishedPort = n;
          break;
        }
        default:
          return `invalid field key: ${key}`;
      }
    }
    if (!p.targetPort) return "missing mandatory field 'target'";
    return [p];
  }
  let specs;
  try {
    specs = parsePublish(v);
  } catch (e) {
    return (e as Error).message;
  }
  if (specs.some((x) => x.hostIp)) return 'hostip is not supported';
  const out: ServicePort[] = [];
  for (const x of specs) {
    const [lo, hi = lo] = x.hostPort === '' ? [0] : x.hostPort.split('-').map(Number);
    for (let h = lo; h <= hi; h++) out.push({ protocol: x.proto, targetPort: x.containerPort, publishedPort: h, publishMode: 'ingress' });
  }
  return out;
}

/**
 * The PORTS column of `service ls` (docker/cli service/formatter.go serviceContext.Ports):
 * ingress ports sorted by protocol and published port, consecutive ones folded into ranges.
 */
export function ingressPortsText(ports: ServicePort[]): string {
  const sorted = [...ports].sort((a, b) => (a.protocol === b.protocol ? a.publishedPort - b.publishedPort : a.protocol < b.protocol ? -1 : 1));
  const out: string[] = [];
  let pr: { pStart: number; pEnd: number; tStart: number; tEnd: number; protocol: string } | null = null;
  const text = (r: NonNullable<typeof pr>) =>
    `*:${r.pEnd > r.pStart ? `${r.pStart}-${r.pEnd}` : r.pStart}->${r.tEnd > r.tStart ? `${r.tStart}-${r.tEnd}` : r.tStart}/${r.protocol}`;
  for (const p of sorted) {
    if (p.publishMode !== 'ingress') continue;
    const isRange = pr !== null && pr.tEnd !== pr.tStart;
    if (!pr || p.protocol !== pr.protocol || p.publishedPort - pr.pEnd > 1 || p.targetPort - pr.tEnd > 1 || (isRange && p.targetPort <= pr.tEnd)) {
      if (pr && pr.pStart > 0) out.push(text(pr));
      pr = { pStart: p.publishedPort, pEnd: p.publishedPort, tStart: p.targetPort, tEnd: p.targetPort, protocol: p.protocol };
      continue;
    }
    pr.pEnd = p.publishedPort;
    pr.tEnd = p.targetPort;
  }
  if (pr && pr.pStart > 0) out.push(text(pr));
  return out.join(', ');
}

/** --publish values (already checked by the flag's validator). */
function servicePorts(values: string[]): ServicePort[] {
  return values.flatMap((v) => parsePortOpt(v) as ServicePort[]);
}

/** The flag spec of a PortOpt flag (--publish, --publish-add, --publish-rm). */
function portFlag(long: string, short?: string): FlagSpec {
  return { long, ...(short ? { short } : {}), type: 'stringArray', validate: (v) => { const r = parsePortOpt(v); return typeof r === 'string' ? r : null; } };
}

/** --network: "name" or "name=x,alias=y". */
function parseNetworkOpt(v: string): { ref: string; aliases: string[] } {
  if (!v.includes('=')) return { ref: v, aliases: [] };
  const out = { ref: '', aliases: [] as string[] };
  for (const kv of v.split(',')) {
    const [k, val = ''] = kv.split('=');
    if (k === 'name' || k === 'target') out.ref = val;
    else if (k === 'alias') out.aliases.push(val);
    else if (k !== 'driver-opt') throw new CliError(`invalid argument "${v}" for "--network" flag: invalid field key ${k}`, 125);
  }
  return out;
}

function progress(ctx: CommandContext, n: number, global = false): void {
  let s = `overall progress: ${n} out of ${n} tasks \n`;
  for (let i = 1; i <= n; i++) s += `${global ? 'node' : `${i}/${n}`}: running   [==================================================>] \n`;
  ctx.out.push(s + 'verify: Service converged \n');
}

function checkImage(ctx: CommandContext, image: string): void {
  if (!findImage(image)) {
    ctx.err.push(`image ${image.includes(':') ? image : `${image}:latest`} could not be accessed on a registry to record\nits digest. Each node will access ${image.includes(':') ? image : `${image}:latest`} independently,\npossibly leading to different nodes running different\nversions of the image.\n\n`);
    throw new ImageNotFoundError(image);
  }
}

export const serviceCreate: CommandDef = {
  path: 'service create',
  use: 'service create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  args: { kind: 'min', n: 1 },
  interspersed: false,
  flags: [
    { long: 'name', type: 'string' },
    { long: 'replicas', type: 'uint' },
    { long: 'mode', type: 'string', default: 'replicated' },
    { long: 'network', type: 'stringArray' },
    portFlag('publish', 'p'),
    { long: 'endpoint-mode', type: 'string', default: 'vip' },
    { long: 'detach', short: 'd', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'env', short: 'e', type: 'stringArray' },
    { long: 'label', short: 'l', type: 'stringArray' },
    { long: 'container-label', type: 'stringArray' },
    { long: 'constraint', type: 'stringArray' },
    { long: 'hostname', type: 'string' },
    { long: 'dns', type: 'stringArray' },
    { long: 'restart-condition', type: 'string' },
    { long: 'update-parallelism', type: 'uint' },
    { long: 'update-delay', type: 'duration' },
    { long: 'limit-memory', type: 'string' },
    { long: 'reserve-memory', type: 'string' },
    { long: 'mount', type: 'stringArray' },
    { long: 'with-registry-auth', type: 'bool' },
  ],
  run(ctx, f, args) {
    ctx.engine.managerSwarm(ctx.node);
    const mode = str(f, 'mode');
    if (mode !== 'replicated' && mode !== 'global') throw new CliError(`invalid argument "${mode}" for "--mode" flag: invalid mode`, 125);
    if (mode === 'global' && changed(f, 'replicas')) throw new CliError('replicas can only be used with replicated or replicated-job mode');
    const em = str(f, 'endpoint-mode');
    if (em !== 'vip' && em !== 'dnsrr') throw new CnmError('bad-request', `rpc error: code = InvalidArgument desc = EndpointSpec: invalid endpoint mode ${em}`);
    checkImage(ctx, args[0]);
    const labels: Record<string, string> = {};
    for (const l of list(f, 'label')) labels[l.split('=')[0]] = l.split('=').slice(1).join('=');
    const s = ctx.engine.createService(ctx.node, {
      name: str(f, 'name') || undefined,
      image: args[0].includes(':') ? args[0] : `${args[0]}:latest`,
      args: args.slice(1),
      mode,
      replicas: changed(f, 'replicas') ? num(f, 'replicas') : 1,
      networks: list(f, 'network').map(parseNetworkOpt),
      ports: servicePorts(list(f, 'publish')),
      endpointMode: em,
      env: list(f, 'env'),
      labels,
      constraints: list(f, 'constraint'),
    });
    ctx.out.push(s.id + '\n');
    if (!bool(f, 'detach') && !bool(f, 'quiet')) progress(ctx, s.tasks.length, mode === 'global');
  },
};

const SERVICE_HEADERS = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' };

export const serviceLs: CommandDef = {
  path: 'service ls',
  aliases: ['service list'],
  use: 'service ls [OPTIONS]',
  short: 'List services',
  args: { kind: 'none' },
  flags: [
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'quiet', short: 'q', type: 'bool' },
  ],
  run(ctx, f) {
    const sw = ctx.engine.managerSwarm(ctx.node);
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['id', 'label', 'mode', 'name']);
    const any = filterMatcher(filters);
    const svcs = sw.services
      .filter((s) => any('name', (v) => s.name.startsWith(v)) && any('id', (v) => s.id.startsWith(v)) && any('mode', (v) => s.mode === v) && (!filters.has('label') || labelMatch(s.labels, filters.get('label')!)))
      .sort((a, b) => naturalLess(a.name, b.name));
    const rows = svcs.map((s) => ({
      ID: s.id.slice(0, 12),
      Name: s.name,
      Mode: s.mode,
      Replicas: s.mode === 'global' ? `${s.tasks.length}/${s.tasks.length}` : `${s.tasks.filter((t) => t.state === 'running').length}/${s.replicas}`,
      Image: s.image,
      Ports: ingressPortsText(s.ports),
    }));
    const fmt = str(f, 'format');
    ctx.out.push(formatList(rows, bool(f, 'quiet') && !fmt ? '{{.ID}}' : fmt, 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}', SERVICE_HEADERS, '*formatter.serviceContext'));
  },
};

const TASK_HEADERS = { ID: 'ID', Name: 'NAME', Image: 'IMAGE', Node: 'NODE', DesiredState: 'DESIRED STATE', CurrentState: 'CURRENT STATE', Error: 'ERROR', Ports: 'PORTS' };

export const servicePs: CommandDef = {
  path: 'service ps',
  use: 'service ps [OPTIONS] SERVICE [SERVICE...]',
  short: 'List the tasks of one or more services',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'no-resolve', type: 'bool' },
    { long: 'no-trunc', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
  ],
  run(ctx, f, args) {
    ctx.engine.managerSwarm(ctx.node);
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['id', 'name', 'node', 'desired-state']);
    const rows: Record<string, string>[] = [];
    for (const a of args) {
      const s = ctx.engine.findService(ctx.node, a);
      const tasks = [...s.tasks].sort((x, y) => x.slot - y.slot);
      for (const t of tasks) {
        if (filters.has('node') && !filters.get('node')!.includes(t.node)) continue;
        if (filters.has('desired-state') && !filters.get('desired-state')!.includes(t.desired)) continue;
        rows.push({
          ID: bool(f, 'no-trunc') ? t.id : t.id.slice(0, 12),
          Name: s.mode === 'global' ? s.name : `${s.name}.${t.slot}`,
          Image: s.image,
          Node: t.node,
          DesiredState: 'Running',
          CurrentState: `Running ${humanDuration(Math.max(1, ctx.world.state.clock - t.created))} ago`,
          Error: '',
          Ports: s.ports.filter((p) => p.publishMode === 'host').map((p) => `*:${p.publishedPort}->${p.targetPort}/${p.protocol}`).join(','),
        });
      }
    }
    const fmt = str(f, 'format');
    ctx.out.push(formatList(rows, bool(f, 'quiet') && !fmt ? '{{.ID}}' : fmt, 'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}', TASK_HEADERS, '*formatter.taskContext'));
  },
};

export const serviceInspectCmd: CommandDef = {
  path: 'service inspect',
  use: 'service inspect [OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  args: { kind: 'min', n: 1 },
  flags: [
    { long: 'format', short: 'f', type: 'string' },
    { long: 'pretty', type: 'bool' },
  ],
  run(ctx, f, args) {
    const sw = ctx.engine.managerSwarm(ctx.node);
    const items = args.map((a) => {
      ctx.engine.findService(ctx.node, a);
      return ctx.engine.inspectService(ctx.node, a)!;
    });
    if (bool(f, 'pretty')) {
      for (const a of args) {
        const s = ctx.engine.findService(ctx.node, a);
        let t = `\nID:\t\t${s.id}\nName:\t\t${s.name}\nService Mode:\t${s.mode === 'global' ? 'Global' : 'Replicated'}\n`;
        if (s.mode === 'replicated') t += ` Replicas:\t${s.replicas}\n`;
        t += `Placement:\nUpdateConfig:\n Parallelism:\t1\nContainerSpec:\n Image:\t\t${s.image}\n`;
        if (s.args.length) t += ` Args:\t\t${s.args.join(' ')} \n`;
        if (s.networks.length) t += `Networks:\t${s.networks.map((n) => sw.networks.find((x) => x.id === n.target)?.name ?? n.target).join(' ')} \n`;
        t += `Endpoint Mode:\t${s.endpointMode}\n`;
        if (s.ports.length) t += `Ports:\n${s.ports.map((p) => ` PublishedPort = ${p.publishedPort}\n  Protocol = ${p.protocol}\n  TargetPort = ${p.targetPort}\n  PublishMode = ${p.publishMode}\n`).join('')}`;
        ctx.out.push(t);
      }
      return;
    }
    ctx.out.push(formatInspect(items, str(f, 'format')));
  },
};

export const serviceRm: CommandDef = {
  path: 'service rm',
  aliases: ['service remove'],
  use: 'service rm SERVICE [SERVICE...]',
  short: 'Remove one or more services',
  args: { kind: 'min', n: 1 },
  flags: [],
  run(ctx, _f, args) {
    ctx.engine.managerSwarm(ctx.node);
    for (const a of args) {
      try {
        ctx.engine.removeService(ctx.node, a);
        ctx.out.push(a + '\n');
      } catch (e) {
        ctx.daemonError((e as Error).message);
        ctx.exitCode = 1;
      }
    }
  },
};

export const serviceScale: CommandDef = {
  path: 'service scale',
  use: 'service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  args: { kind: 'min', n: 1 },
  flags: [{ long: 'detach', short: 'd', type: 'bool' }],
  run(ctx, f, args) {
    ctx.engine.managerSwarm(ctx.node);
    for (const a of args) {
      const [name, n] = a.split('=');
      if (n === undefined || !/^\d+$/.test(n)) throw new CliError(`Invalid scale specifier '${a}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services`);
      const s = ctx.engine.findService(ctx.node, name);
      ctx.engine.updateService(ctx.node, s, { ...emptyUpdate(), replicas: Number(n) });
      ctx.out.push(`${name} scaled to ${n}\n`);
      if (!bool(f, 'detach')) progress(ctx, s.tasks.length);
    }
  },
};

function emptyUpdate(): ServiceUpdate {
  return { portsAdd: [], portsRm: [], networksAdd: [], networksRm: [], envAdd: [], envRm: [], labelsAdd: {}, labelsRm: [], constraintsAdd: [], constraintsRm: [], force: false };
}

export const serviceUpdate: CommandDef = {
  path: 'service update',
  use: 'service update [OPTIONS] SERVICE',
  short: 'Update a service',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'replicas', type: 'uint' },
    { long: 'image', type: 'string' },
    { long: 'args', type: 'string' },
    portFlag('publish-add'),
    portFlag('publish-rm'),
    { long: 'network-add', type: 'stringArray' },
    { long: 'network-rm', type: 'stringArray' },
    { long: 'endpoint-mode', type: 'string' },
    { long: 'env-add', type: 'stringArray' },
    { long: 'env-rm', type: 'stringArray' },
    { long: 'label-add', type: 'stringArray' },
    { long: 'label-rm', type: 'stringArray' },
    { long: 'constraint-add', type: 'stringArray' },
    { long: 'constraint-rm', type: 'stringArray' },
    { long: 'force', type: 'bool' },
    { long: 'detach', short: 'd', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'update-parallelism', type: 'uint' },
    { long: 'update-delay', type: 'duration' },
    { long: 'with-registry-auth', type: 'bool' },
  ],
  run(ctx, f, args) {
    ctx.engine.managerSwarm(ctx.node);
    const s = ctx.engine.findService(ctx.node, args[0]);
    const em = str(f, 'endpoint-mode');
    if (em && em !== 'vip' && em !== 'dnsrr') throw new CnmError('bad-request', `rpc error: code = InvalidArgument desc = EndpointSpec: invalid endpoint mode ${em}`);
    if (str(f, 'image')) checkImage(ctx, str(f, 'image'));
    const labelsAdd: Record<string, string> = {};
    for (const l of list(f, 'label-add')) labelsAdd[l.split('=')[0]] = l.split('=').slice(1).join('=');
    const u: ServiceUpdate = {
      ...emptyUpdate(),
      replicas: changed(f, 'replicas') ? num(f, 'replicas') : undefined,
      image: str(f, 'image') ? (str(f, 'image').includes(':') ? str(f, 'image') : `${str(f, 'image')}:latest`) : undefined,
      args: str(f, 'args') ? str(f, 'args').split(/\s+/) : undefined,
      portsAdd: servicePorts(list(f, 'publish-add')),
      portsRm: servicePorts(list(f, 'publish-rm')),
      networksAdd: list(f, 'network-add').map(parseNetworkOpt),
      networksRm: list(f, 'network-rm'),
      endpointMode: em ? (em as 'vip' | 'dnsrr') : undefined,
      envAdd: list(f, 'env-add'),
      envRm: list(f, 'env-rm'),
      labelsAdd,
      labelsRm: list(f, 'label-rm'),
      constraintsAdd: list(f, 'constraint-add'),
      constraintsRm: list(f, 'constraint-rm'),
      force: bool(f, 'force'),
    };
    ctx.engine.updateService(ctx.node, s, u);
    ctx.out.push(args[0] + '\n');
    if (!bool(f, 'detach') && !bool(f, 'quiet')) progress(ctx, s.tasks.length, s.mode === 'global');
  },
};

export const serviceLogs: CommandDef = {
  path: 'service logs',
  use: 'service logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'follow', short: 'f', type: 'bool' },
    { long: 'tail', type: 'string' },
  ],
  run(ctx, _f, args) {
    ctx.engine.managerSwarm(ctx.node);
    ctx.engine.findService(ctx.node, args[0]);
  },
};

export const serviceCommands: CommandDef[] = [serviceCreate, serviceLs, servicePs, serviceInspectCmd, serviceRm, serviceScale, serviceUpdate, serviceLogs];
