/**
 * Endpoint: a sandbox's attachment to one network. The config part (aliases, static IPs, links)
 * survives stop/start; the operational part (id, addresses, MAC) exists only while running.
 */
import { ForbiddenError, InvalidParameterError, NetworkNotFoundError, NoAvailableAddressError } from './errors';
import { allocate, inSubnet, ipToNum, isIPv4, markUsed, release, type PoolState } from './ipam';
import type { NetworkId, NetworkState } from './network';
import type { Controller, EndpointInput } from './controller';

export type EndpointId = string & { readonly __brand: 'EndpointId' };

export interface EndpointState {
  networkId: NetworkId;
  /** name used when attaching (for stale references after rm) */
  networkName: string;
  aliases: string[];
  /** user-requested static addresses */
  ipv4Static?: string;
  ipv6Static?: string;
  linkLocalIPs: string[];
  /** legacy links given on connect: "container:alias" */
  links: string[];
  driverOpts: Record<string, string>;
  gwPriority: number;
  macStatic?: string;
  // operational
  id?: EndpointId;
  ipv4?: string;
  ipv6?: string;
  mac?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Implementation: validate, configure, join (IPAM addresses, driver interface), leave, publish ports.

/** libnetwork network.go createEndpoint on a config-only network. */
export const CONFIG_ONLY_ENDPOINT = 'cannot create endpoint on configuration-only network';

/** Validate an endpoint request against a network (static IP, aliases, exclusivity). */
export function validateEndpoint(ctrl: Controller, n: NetworkState, ep: EndpointInput): void {
  const errs: string[] = [];
  if (!ctrl.isUserDefined(n) && n.name === 'bridge') {
    if (ep.ipv4 || ep.ipv6) errs.push('user-specified IP address is supported on user-defined networks only');
    if (ep.aliases?.length) errs.push('network-scoped aliases are only supported for user-defined networks');
  }
  if (ep.ipv4 !== undefined && ep.ipv4 !== '' && !isIPv4(ep.ipv4)) errs.push(`invalid IPv4 address: ${ep.ipv4}`);
  if (!errs.length && ep.ipv4 && n.name !== 'bridge') {
    if (!n.userIpam) throw new ForbiddenError('user specified IP address is supported only when connecting to networks with user configured subnets');
    if (!n.pools.some((p) => inSubnet(p, ep.ipv4!))) errs.push(`no configured subnet contains IP address ${ep.ipv4}`);
  }
  if (errs.length) throw new InvalidParameterError(`invalid endpoint settings:\n${errs.join('\n')}`);
}

export function endpointConfig(ctrl: Controller, n: NetworkState, ep: EndpointInput): EndpointState {
  const e: EndpointState = {
    networkId: n.id,
    networkName: n.name,
    aliases: [...(ep.aliases ?? [])],
    linkLocalIPs: ep.linkLocalIPs ?? [],
    links: ep.links ?? [],
    driverOpts: ep.driverOpts ?? {},
    gwPriority: ep.gwPriority ?? 0,
  };
  if (ep.ipv4) e.ipv4Static = ep.ipv4;
  if (ep.ipv6) e.ipv6Static = ep.ipv6;
  if (ep.mac) e.macStatic = ep.mac;
  return e;
}

/** Join an endpoint: allocate its addresses. Returns a rollback. */
export function joinEndpoint(ctrl: Controller, e: EndpointState): () => void {
  const n = ctrl.netOf(e);
  if (!n) throw new NetworkNotFoundError(e.networkName);
  const d = ctrl.driverOf(n)!;
  let v4: string | undefined;
  let pool: PoolState | undefined;
  if (d.capability.allocatesAddresses && n.enableIPv4 && n.pools.length) {
    if (e.ipv4Static) {
      pool = n.pools.find((p) => inSubnet(p, e.ipv4Static!));
      if (!pool) throw new InvalidParameterError(`invalid endpoint settings:\nno configured subnet contains IP address ${e.ipv4Static}`);
      const num = ipToNum(e.ipv4Static);
      if (pool.used.includes(num)) throw new ForbiddenError('Address already in use');
      markUsed(pool, num);
      v4 = e.ipv4Static;
    } else {
      for (const p of n.pools) {
        const ip = allocate(p);
        if (ip) {
          v4 = ip;
          pool = p;
          break;
        }
      }
      if (!v4) throw new NoAvailableAddressError();
    }
  }
  e.id = ctrl.newId() as EndpointId;
  if (v4) e.ipv4 = v4;
  if (n.enableIPv6 && n.pools6.length) {
    const p6 = n.pools6[0];
    e.ipv6 = e.ipv6Static ?? `${p6.subnet.split('/')[0].replace(/::$/, '::')}${p6.subnet.split('/')[0].endsWith('::') ? '' : ':'}${(p6.next++).toString(16)}`;
  }
  d.join(e, n, ctrl.driverContext());
  return () => {
    if (pool && v4) release(pool, v4);
    delete e.id;
    delete e.ipv4;
    delete e.ipv6;
    delete e.mac;
  };
}

export function leaveEndpoint(ctrl: Controller, e: EndpointState): void {
  const n = ctrl.netOf(e);
  if (n && e.id) ctrl.driverOf(n)?.leave(e, n, ctrl.driverContext());
  if (n && e.ipv4) for (const p of n.pools) if (inSubnet(p, e.ipv4)) release(p, e.ipv4);
  delete e.id;
  delete e.ipv4;
  delete e.ipv6;
  delete e.mac;
}
