/**
 * Endpoint: a sandbox's attachment to one network. The config part (aliases, static IPs, links)
 * survives stop/start; the operational part (id, addresses, MAC) exists only while running.
 */
import type { NetworkId } from './network';

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
