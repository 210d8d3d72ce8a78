import type { CommandDef } from '../../types';
import { bool, checkFilterKeys, labelMatch, list, num, parseFilters, str, filterMatcher, portFilterSet } from '../common';
import { formatList, goTime, humanDuration } from '../../format/formatter';
import { stateName, type ContainerState, type PortBinding, type Controller } from '../../../cnm';

export const PS_HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Names: 'NAMES',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  Networks: 'NETWORKS',
  LocalVolumes: 'LOCAL VOLUMES',
};

/** formatter.Ellipsis: cut to max display width, last rune an ellipsis. */
export function ellipsis(s: string, max: number): string {
  // no more UTF-16 units than max: no more runes either; none of them a surrogate: one unit per rune
  if (s.length <= max) return s;
  if (!/[\uD800-\uDFFF]/.test(s)) return s.slice(0, max - 1) + '…';
  const r = [...s];
  return r.length <= max ? s : r.slice(0, max - 1).join('') + '…';
}

/** docker/cli DisplayablePorts: ports sorted; same public/private ports grouped into ranges per IP. */
export function displayPorts(c: ContainerState): string {
  type P = { ip: string; pub: number; priv: number; proto: string };
  const ps: P[] = c.ports.map((b: PortBinding) => ({ ip: b.hostIp, pub: b.hostPort, priv: b.containerPort, proto: b.proto }));
  if (c.status === 'running' && c.networkMode !== 'host')
    for (const x of c.exposed) {
      const [p, proto] = x.split('/');
      if (!ps.some((q) => q.priv === +p && q.proto === proto)) ps.push({ ip: '', pub: 0, priv: +p, proto });
    }
  if (!ps.length) return '';
  const lt = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  ps.sort((a, b) => a.priv - b.priv || lt(a.ip, b.ip) || a.pub - b.pub || lt(a.proto, b.proto));
  const hostPort = (ip: string, port: string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  const form = (key: string, first: number, last: number) => {
    const slash = key.lastIndexOf('/');
    const ip = slash >= 0 && key.includes('/') && key.split('/').length > 1 && key.slice(0, slash) !== '' ? key.slice(0, slash) : '';
    const type = key.slice(slash + 1);
    let g = String(first);
    if (first !== last) g = `${g}-${last}`;
    if (ip) g = `${hostPort(ip, g)}->${g}`;
    return `${g}/${type}`;
  };
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const mappings: string[] = [];
  for (const p of ps) {
    let key = p.proto;
    if (p.ip) {
      if (p.pub !== p.priv) {
        mappings.push(`${hostPort(p.ip, String(p.pub))}->${p.priv}/${p.proto}`);
        continue;
      }
      key = `${p.ip}/${p.proto}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.priv, last: p.priv });
      continue;
    }
    if (p.priv === g.last + 1) {
      g.last = p.priv;
      continue;
    }
    result.push(form(key, g.first, g.last));
    groups.set(key, { first: p.priv, last: p.priv });
  }
  for (const [k, g] of groups) result.push(form(k, g.first, g.last));
  return [...result, ...mappings].join(', ');
}

export function statusText(c: ContainerState, now: number): string {
  if (c.status === 'running') return `Up ${humanDuration(now - c.startedAt)}${c.paused ? ' (Paused)' : ''}`;
  if (c.status === 'exited') return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
  return 'Created';
}

export function containerRow(ctl: Controller, c: ContainerState, trunc: boolean): Record<string, string> {
  const now = ctl.world.state.clock;
  const cmd = [...c.entrypoint, ...c.cmd].join(' ');
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Command: trunc ? `"${ellipsis(cmd, 20)}"` : `"${cmd}"`,
    CreatedAt: goTime(c.created),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Ports: displayPorts(c),
    State: stateName(c),
    Status: statusText(c, now),
    Size: '0B (virtual 0B)',
    Names: c.name,
    Labels: Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: '',
    Networks: c.endpoints.map((e) => ctl.netOf(e)?.name ?? e.networkName).join(','),
    LocalVolumes: '0',
  };
}

/** docker ps */
export const ps: CommandDef = {
  path: 'ps',
  aliases: ['container ls', 'container list', 'container ps'],
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: { kind: 'none' },
  flags: [
    { long: 'all', short: 'a', type: 'bool' },
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'last', short: 'n', type: 'int', default: -1 },
    { long: 'latest', short: 'l', type: 'bool' },
    { long: 'no-trunc', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
    { long: 'size', short: 's', type: 'bool' },
  ],
  run(ctx, f) {
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['name', 'id', 'status', 'network', 'ancestor', 'label', 'publish', 'expose', 'exited', 'before', 'since', 'health', 'volume', 'is-task']);
    const any = filterMatcher(filters);
    const publish = portFilterSet('publish', filters.get('publish') ?? []);
    const expose = portFilterSet('expose', filters.get('expose') ?? []);
    let cs = [...ctx.ctl.node.containers].reverse();
    const all = bool(f, 'all') || filters.has('status') || filters.has('exited');
    cs = cs.filter((c) => {
      if (!all && c.status !== 'running') return false;
      if (!any('name', (v) => new RegExp(v.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).test(c.name))) return false;
      if (!any('id', (v) => c.id.startsWith(v))) return false;
      if (!any('status', (v) => v === stateName(c))) return false;
      if (!any('exited', (v) => c.status === 'exited' && c.exitCode === Number(v))) return false;
      if (!any('ancestor', (v) => c.image === v || c.image.split(':')[0] === v)) return false;
      if (!any('network', (v) => c.endpoints.some((e) => e.networkId.startsWith(v) || (ctx.ctl.netOf(e)?.name ?? e.networkName) === v))) return false;
      // daemon/list.go: publish matches a public port, expose a private one; either one keeps the row.
      if (publish.size || expose.size) {
        const pub = c.ports.some((p) => publish.has(`${p.hostPort}/${p.proto}`));
        const priv = [...c.exposed, ...c.ports.map((p) => `${p.containerPort}/${p.proto}`)].some((x) => expose.has(x));
        if (!pub && !priv) return false;
      }
      if (!any('is-task', (v) => (v === 'true') === !!c.task)) return false;
      if (filters.has('label') && !labelMatch(c.labels, filters.get('label')!)) return false;
      return true;
    });
    const n = bool(f, 'latest') ? 1 : num(f, 'last');
    if (n >= 0) cs = cs.slice(0, n);
    const trunc = !bool(f, 'no-trunc');
    const rows = cs.map((c) => containerRow(ctx.ctl, c, trunc));
    const fmt = str(f, 'format');
    ctx.out.push(
      formatList(
        rows,
        bool(f, 'quiet') && !fmt ? '{{.ID}}' : fmt,
        'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
        PS_HEADERS,
        '*formatter.ContainerContext',
      ),
    );
  },
};
