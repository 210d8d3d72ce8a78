/**
 * Network: a named, driver-managed group of endpoints with its IPAM pools. Stored as plain data so
 * a lab serializes with JSON.stringify and no per-command cloning is needed.
 */
import type { PoolState } from './ipam';

export type NetworkId = string & { readonly __brand: 'NetworkId' };
export type Scope = 'local' | 'swarm' | 'global';

export interface NetworkState {
  id: NetworkId;
  name: string;
  driver: string;
  scope: Scope;
  /** lab clock (seconds since epoch) */
  created: number;
  ipamDriver: string;
  ipamOptions: Record<string, string>;
  pools: PoolState[];
  /** IPv6 subnets configured (no allocation modelled beyond the first address sequence) */
  pools6: { subnet: string; gateway?: string; next: number }[];
  enableIPv4: boolean;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  configFrom: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  /** bridge/host/none created by the daemon */
  predefined: boolean;
  /** ipam config shown in inspect: true when the user gave the config */
  userIpam: boolean;
  /** Overlay VXLAN id (display only) */
  vni?: number;
  /** Peers: nodes that have this (global) network instantiated */
  peers?: string[];
}

/** Options accepted by Controller.createNetwork (validated CLI input). */
export interface NetworkOptionInput {
  name: string;
  driver: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  ipamDriver: string;
  ipamOptions: Record<string, string>;
  ipam: { subnet: string; ipRange?: string; gateway?: string; aux: Record<string, string> }[];
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv4?: boolean;
  enableIPv6?: boolean;
  configOnly: boolean;
  configFrom: string;
  scope: string;
}
