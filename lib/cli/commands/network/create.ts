import type { CommandDef } from '../../types';
import { CliError } from '../../types';
import { bool, list, map, str } from '../common';
import { isIP, isIPv4, parseCidr4, isCidr6, cidrString, contains, ipToNum, type NetworkOptionInput } from '../../../cnm';

const ipnet = (v: string) => (parseCidr4(v) || isCidr6(v) ? null : `invalid CIDR address: ${v}`);
const ip = (v: string) => (isIP(v) ? null : `invalid string being converted to IP address: ${v}`);

/** docker network create: client-side IPAM consolidation (docker/cli create.go), then the daemon. */
export const create: CommandDef = {
  path: 'network create',
  use: 'network create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { kind: 'exact', n: 1 },
  flags: [
    { long: 'driver', short: 'd', type: 'string', default: 'bridge' },
    { long: 'opt', short: 'o', type: 'map' },
    { long: 'label', type: 'stringArray' },
    { long: 'internal', type: 'bool' },
    { long: 'ipv4', type: 'bool', default: true },
    { long: 'ipv6', type: 'bool' },
    { long: 'attachable', type: 'bool' },
    { long: 'ingress', type: 'bool' },
    { long: 'scope', type: 'string' },
    { long: 'config-only', type: 'bool' },
    { long: 'config-from', type: 'string' },
    { long: 'ipam-driver', type: 'string', default: 'default' },
    { long: 'subnet', type: 'stringSlice' },
    { long: 'ip-range', type: 'stringSlice', validate: ipnet },
    { long: 'gateway', type: 'stringSlice', validate: ip },
    { long: 'aux-address', type: 'map' },
    { long: 'ipam-opt', type: 'map' },
  ],
  run(ctx, f, args) {
    const subnets = list(f, 'subnet');
    const ranges = list(f, 'ip-range');
    const gateways = list(f, 'gateway');
    if (subnets.length < ranges.length || subnets.length < gateways.length)
      throw new CliError('every ip-range or gateway must have a corresponding subnet');
    const ipam: NetworkOptionInput['ipam'] = [];
    const sub4 = (s: string) => {
      const c = parseCidr4(s);
      if (!c && !isCidr6(s)) throw new CliError(`invalid subnet: invalid CIDR address: ${s}`);
      return c;
    };
    for (const s of subnets) {
      const c = sub4(s);
      for (const o of ipam) {
        const oc = parseCidr4(o.subnet);
        if (c && oc && (contains(oc, c.base) || contains(c, oc.base)))
          throw new CliError('multiple overlapping subnet configuration is not supported');
        if (!c && o.subnet === s) throw new CliError('multiple overlapping subnet configuration is not supported');
      }
      ipam.push({ subnet: s, aux: {} });
    }
    const matches = (s: string, addr: string): boolean => {
      const c = parseCidr4(s);
      if (!c) return false;
      const a = addr.split('/')[0];
      return isIPv4(a) && contains(c, ipToNum(a));
    };
    for (const r of ranges) {
      let hit = false;
      for (const cfg of ipam) {
        if (!matches(cfg.subnet, r)) continue;
        const rc = parseCidr4(r);
        const norm = rc ? cidrString(rc.masked, rc.bits) : r;
        if (cfg.ipRange) throw new CliError(`cannot configure multiple ranges (${norm}, ${cfg.ipRange}) on the same subnet (${cfg.subnet})`);
        cfg.ipRange = r;
        hit = true;
      }
      if (!hit) throw new CliError(`no matching subnet for range ${r}`);
    }
    for (const g of gateways) {
      let hit = false;
      for (const cfg of ipam) {
        if (!matches(cfg.subnet, g)) continue;
        if (cfg.gateway) throw new CliError(`cannot configure multiple gateways (${g}, ${cfg.gateway}) for the same subnet (${cfg.subnet})`);
        cfg.gateway = g;
        hit = true;
      }
      if (!hit) throw new CliError(`no matching subnet for gateway ${g}`);
    }
    for (const [name, a] of Object.entries(map(f, 'aux-address'))) {
      if (!a) continue;
      if (!isIP(a)) throw new CliError(`ParseAddr(${JSON.stringify(a)}): unable to parse IP`);
      let hit = false;
      for (const cfg of ipam)
        if (matches(cfg.subnet, a)) {
          cfg.aux[name] = a;
          hit = true;
        }
      if (!hit) throw new CliError(`no matching subnet for aux-address ${a}`);
    }
    const labels: Record<string, string> = {};
    for (const l of list(f, 'label')) {
      const i = l.indexOf('=');
      if (i === 0) throw new CliError(`invalid label '${l}': empty name`);
      labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
    }
    const input: NetworkOptionInput = {
      name: args[0],
      driver: str(f, 'driver') || 'bridge',
      options: map(f, 'opt'),
      labels,
      ipamDriver: str(f, 'ipam-driver') || 'default',
      ipamOptions: map(f, 'ipam-opt'),
      ipam,
      internal: bool(f, 'internal'),
      attachable: bool(f, 'attachable'),
      ingress: bool(f, 'ingress'),
      configOnly: bool(f, 'config-only'),
      configFrom: str(f, 'config-from'),
      scope: str(f, 'scope'),
    };
    if (f.ipv4 === false) input.enableIPv4 = false;
    if (bool(f, 'ipv6')) input.enableIPv6 = true;
    const n = ctx.ctl.createNetwork(input);
    ctx.out.push(n.id + '\n');
  },
};
