import type { CommandDef } from '../../types';
import { bool, checkFilterKeys, labelMatch, list, naturalLess, parseFilters, str, filterMatcher } from '../common';
import { formatList, goTime } from '../../format/formatter';
import { CnmError } from '../../../cnm';

export const NETWORK_HEADERS = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** docker network ls */
export const ls: CommandDef = {
  path: 'network ls',
  aliases: ['network list'],
  use: 'network ls [OPTIONS]',
  short: 'List networks',
  args: { kind: 'none' },
  flags: [
    { long: 'filter', short: 'f', type: 'stringArray' },
    { long: 'format', type: 'string' },
    { long: 'no-trunc', type: 'bool' },
    { long: 'quiet', short: 'q', type: 'bool' },
  ],
  run(ctx, f) {
    const filters = parseFilters(list(f, 'filter'));
    checkFilterKeys(filters, ['driver', 'id', 'label', 'name', 'scope', 'type', 'dangling']);
    for (const t of filters.get('type') ?? [])
      if (t !== 'custom' && t !== 'builtin') throw new CnmError('bad-request', `invalid filter: 'type'='${t}'`);
    for (const d of filters.get('dangling') ?? [])
      if (!['true', 'false', '1', '0'].includes(d.toLowerCase())) throw new CnmError('bad-request', `invalid filter 'dangling=${d}'`);
    const any = filterMatcher(filters);
    const nets = ctx.ctl.networks().filter((n) => {
      if (!any('driver', (v) => n.driver === v)) return false;
      if (!any('id', (v) => n.id.startsWith(v))) return false;
      if (!any('name', (v) => n.name.includes(v))) return false;
      if (!any('scope', (v) => n.scope === v)) return false;
      if (!any('type', (v) => (v === 'builtin' ? n.predefined : !n.predefined))) return false;
      if (filters.has('label') && !labelMatch(n.labels, filters.get('label')!)) return false;
      if (filters.has('dangling')) {
        const want = ['true', '1'].includes(filters.get('dangling')![0].toLowerCase());
        const dangling = !n.predefined && ctx.ctl.allEndpointsOn(n.id).length === 0;
        if (dangling !== want) return false;
      }
      return true;
    });
    nets.sort((a, b) => naturalLess(a.name, b.name));
    const trunc = !bool(f, 'no-trunc');
    const rows = nets.map((n) => ({
      ID: trunc ? n.id.slice(0, 12) : n.id,
      Name: n.name,
      Driver: n.driver,
      Scope: n.scope,
      IPv4: String(n.enableIPv4),
      IPv6: String(n.enableIPv6),
      Internal: String(n.internal),
      Labels: Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(','),
      CreatedAt: goTime(n.created),
      // networkContext.Label(name): one label's value, "" when unset (docker/cli network/formatter.go)
      Label: (name: string) => n.labels[name] ?? '',
    }));
    const fmt = str(f, 'format');
    const quiet = bool(f, 'quiet');
    ctx.out.push(
      formatList(rows, quiet && !fmt ? '{{.ID}}' : fmt, 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', NETWORK_HEADERS, '*network.networkContext'),
    );
  },
};
