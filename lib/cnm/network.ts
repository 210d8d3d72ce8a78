/**
 * Network: a named, driver-managed group of endpoints with its IPAM pools. Stored as plain data so
 * a lab serializes with JSON.stringify and no per-command cloning is needed.
 */
import ipaddr from 'ipaddr.js';
import { drivers } from './drivers';
import {
  ActiveEndpointsError,
  ConflictError,
  CnmError,
  ForbiddenError,
  InvalidParameterError,
  NetworkNameConflictError,
  NetworkNotFoundError,
  NoAvailablePoolError,
  PoolOverlapError,
  PredefinedNetworkError,
  SwarmRequiredError,
} from './errors';
import { allocateGateway, createPool, parseCidr4, validateIpamConfig, type PoolState } from './ipam';
import type { Controller } from './controller';

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

// ---------------------------------------------------------------------------------------------------------------
// Implementation: create, insert (driver + IPAM), remove. The controller wires these.

/** The networks dockerd creates at start. */
export const PREDEFINED = ['bridge', 'host', 'none'];

/** All subnets in use in an address space (local: this node's; global: the swarm's). */
export function takenSubnets(ctrl: Controller, global: boolean): { base: number; bits: number }[] {
  const list = global ? (ctrl.world.state.swarm?.networks ?? []) : ctrl.node.networks;
  const out: { base: number; bits: number }[] = [];
  for (const n of list) if (!n.configOnly) for (const p of n.pools) out.push({ base: p.base, bits: p.bits });
  return out;
}

/**
 * Create a network through its driver. Validation mirrors dockerd: unknown driver, singleton
 * drivers, swarm requirement for global scope, name conflicts, IPAM validation and pool overlap.
 */
export function createNetwork(ctrl: Controller, input: NetworkOptionInput): NetworkState {
  const ipamErrs = validateIpamConfig(input.ipam);
  if (ipamErrs.length) throw new InvalidParameterError(`invalid network config:\n${ipamErrs.join('\n')}`);
  if (!input.name.trim()) throw new InvalidParameterError(`invalid name: ${input.name}`);
  const driver = drivers.get(input.driver);
  if (input.configFrom) {
    // A network built from a config-only network takes its IPAM and options.
    const from = ctrl.tryNetwork(input.configFrom);
    if (!from) throw new NetworkNotFoundError(input.configFrom);
    if (!from.configOnly) throw new ForbiddenError(`network ${from.name} is not a config-only network`);
    if (input.ipam.length || Object.keys(input.options).length)
      throw new ForbiddenError('user specified configurations are not supported if the network depends on a configuration network');
    input = {
      ...input,
      ipam: from.pools.map((p) => ({ subnet: p.subnet, ipRange: p.ipRange, gateway: p.gateway, aux: p.aux })),
      options: { ...from.options },
      ipamDriver: from.ipamDriver,
      ipamOptions: { ...from.ipamOptions },
      enableIPv6: from.enableIPv6,
    };
  }
  // Order of checks: daemon/network.go createNetwork, then libnetwork controller.go NewNetwork.
  if (PREDEFINED.includes(input.name) && !input.configOnly) {
    throw new PredefinedNetworkError(input.name, 'create');
  }
  // The daemon refuses a swarm-wide driver outright unless this node is a manager.
  if (driver?.capability.dataScope === 'global' && !ctrl.isManager()) throw new SwarmRequiredError();
  if (input.scope && !['local', 'swarm', 'global'].includes(input.scope)) {
    throw new InvalidParameterError(`invalid scope value: ${input.scope}`);
  }
  if (!driver) {
    throw new NotFoundPluginError(input.driver);
  }
  const global = driver.capability.dataScope === 'global' && !input.configOnly;
  if (!input.configOnly) {
    if (input.scope === 'local' && global) throw new ForbiddenError(`cannot downgrade network scope for ${driver.name} networks`);
    if (input.ingress && !global) throw new ForbiddenError('Ingress network can only be global scope network');
  }
  const swarmScoped = global || (input.scope === 'swarm' && !input.configOnly);
  if (swarmScoped && !ctrl.isManager()) {
    if (ctrl.inSwarm()) throw new ForbiddenError(
      'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
    );
    throw new ForbiddenError('cannot create a swarm scoped network when swarm is not active');
  }
  if (input.ingress) {
    // swarmkit controlapi CreateNetwork: one ingress network per cluster.
    const ing = (ctrl.world.state.swarm?.networks ?? []).find((n) => n.ingress);
    if (ing) throw new ConflictError(`rpc error: code = AlreadyExists desc = ingress network (${ing.id}) is already present`);
  }
  if (driver.capability.singleton && ctrl.node.networks.some((n) => n.driver === driver.name)) {
    throw new ForbiddenError(`only one instance of "${driver.name}" network is allowed`);
  }
  const sameName = swarmScoped
    ? [...(ctrl.world.state.swarm?.networks ?? []), ...ctrl.node.networks]
    : ctrl.networks();
  if (sameName.some((n) => n.name === input.name)) throw new NetworkNameConflictError(input.name);
  const derr = driver.validate(input);
  if (derr) throw new InvalidParameterError(derr);
  return insertNetwork(ctrl, input, false, swarmScoped);
}

/** Build and store the network (validation done). */
export function insertNetwork(ctrl: Controller, input: NetworkOptionInput, predefined: boolean, swarmScoped = false): NetworkState {
  const driver = drivers.get(input.driver)!;
  const global = swarmScoped || driver.capability.dataScope === 'global';
  const pools: PoolState[] = [];
  const pools6: NetworkState['pools6'] = [];
  const enableIPv4 = input.enableIPv4 ?? true;
  const enableIPv6 = input.enableIPv6 ?? false;
  if (driver.capability.allocatesAddresses || (predefined && input.name === 'bridge')) {
    if (!input.configOnly) {
      const taken = takenSubnets(ctrl, global);
      const v4 = input.ipam.filter((c) => !c.subnet || c.subnet.includes('.'));
      const v6 = input.ipam.filter((c) => c.subnet && c.subnet.includes(':'));
      const reqs = v4.length ? v4 : enableIPv4 ? [{ subnet: '', aux: {} }] : [];
      for (const r of reqs) {
        const p = createPool({ subnet: r.subnet || undefined, ipRange: r.ipRange, gateway: r.gateway, aux: r.aux }, global ? 'global' : 'local', [
          ...taken,
          ...pools,
        ], ctrl.swarmPools());
        if (p === 'overlap') throw new PoolOverlapError();
        if (p === 'exhausted') throw new NoAvailablePoolError();
        if (!driver.skipGateway?.(input)) allocateGateway(p);
        pools.push(p);
      }
      // The first address of a v6 subnet is its gateway unless the driver needs none.
      for (const r of v6) pools6.push({ subnet: r.subnet, gateway: r.gateway ?? (driver.skipGateway?.(input) ? undefined : firstHost6(r.subnet)), next: 2 });
      if (enableIPv6 && !v6.length) pools6.push({ subnet: `fd${ctrl.world.rng.hex(2)}:${ctrl.world.rng.hex(4)}:${ctrl.world.rng.hex(4)}::/64`, next: 2 });
    } else {
      for (const r of input.ipam) {
        if (!r.subnet.includes(':')) {
          const c = parseCidr4(r.subnet)!;
          pools.push({
            subnet: r.subnet,
            base: c.masked,
            bits: c.bits,
            ipRange: r.ipRange,
            rangeStart: 0,
            rangeEnd: 0,
            gateway: r.gateway,
            aux: r.aux,
            used: [],
            userSubnet: true,
          });
        } else pools6.push({ subnet: r.subnet, gateway: r.gateway, next: 2 });
      }
    }
  }
  const sw = ctrl.world.state.swarm;
  const net: NetworkState = {
    id: (global ? ctrl.newSwarmId() : ctrl.newId()) as NetworkId,
    name: input.name,
    // libnetwork NewNetwork: a config-only network is stored with type "null" and local scope.
    driver: input.configOnly ? 'null' : input.driver,
    scope: input.configOnly ? 'local' : global ? 'swarm' : 'local',
    created: ctrl.world.state.clock,
    ipamDriver: input.ipamDriver || 'default',
    ipamOptions: input.ipamOptions,
    pools,
    pools6,
    enableIPv4,
    enableIPv6,
    internal: input.internal,
    attachable: input.attachable,
    ingress: input.ingress,
    configOnly: input.configOnly,
    configFrom: input.configFrom,
    options: input.configOnly ? { ...input.options } : driver.options(input),
    labels: { ...input.labels },
    predefined,
    userIpam: input.ipam.length > 0,
  };
  if (!input.configOnly) driver.createNetwork(net, ctrl.driverContext());
  if (global && sw) sw.networks.push(net);
  else ctrl.node.networks.push(net);
  if (!predefined) {
    if (global && sw) ctrl.clusterNetworkEvent(net, 'create');
    else ctrl.networkEvent(net, 'create');
  }
  return net;
}

/**
 * Remove a network.
 * @throws PredefinedNetworkError | ActiveEndpointsError
 */
export function removeNetwork(ctrl: Controller, ref: string): NetworkState {
  const n = ctrl.findNetwork(ref);
  checkRemovable(ctrl, n);
  deleteNetwork(ctrl, n);
  return n;
}

export function checkRemovable(ctrl: Controller, n: NetworkState): void {
  if (n.predefined) throw new PredefinedNetworkError(n.name, 'remove');
  if (ctrl.isGlobal(n)) {
    if (!ctrl.isManager()) throw new ForbiddenError(`network ${n.name} is a swarm network and can only be removed from a manager node`);
    if (n.ingress && ctrl.world.state.swarm?.services.some((s) => s.ports.some((p) => p.publishMode === 'ingress')))
      throw new ForbiddenError('ingress network cannot be removed because service ' + ctrl.world.state.swarm.services.find((s) => s.ports.length)!.id + ' depends on it');
    const svc = ctrl.world.state.swarm?.services.find((s) => s.networks.some((x) => x.target === n.id));
    if (svc) throw new ForbiddenError(`rpc error: code = FailedPrecondition desc = network ${n.id} is in use by service ${svc.id}`);
    const eps = ctrl.allEndpointsOn(n.id);
    if (eps.length) throw new ActiveEndpointsError(n.name, eps.map(([c, e]) => ({ name: c.name, id: e.id! })));
    return;
  }
  if (ctrl.node.networks.some((x) => x.configFrom === n.name || x.configFrom === n.id))
    throw new ForbiddenError(`configuration network "${n.name}" is in use`);
  const eps = ctrl.localEndpointsOn(n.id);
  if (eps.length) throw new ActiveEndpointsError(n.name, eps.map(([c, e]) => ({ name: c.name, id: e.id! })));
}

export function deleteNetwork(ctrl: Controller, n: NetworkState): void {
  ctrl.driverOf(n)?.deleteNetwork(n, ctrl.driverContext());
  const sw = ctrl.world.state.swarm;
  if (sw && sw.networks.includes(n)) {
    sw.networks.splice(sw.networks.indexOf(n), 1);
    ctrl.clusterNetworkEvent(n, 'remove');
  } else {
    ctrl.node.networks.splice(ctrl.node.networks.indexOf(n), 1);
    // daemon/network.go deleteNetwork: no destroy event for a config-only network
    if (!n.configOnly) ctrl.networkEvent(n, 'destroy');
  }
}

/** The first host address of an IPv6 prefix (prefix::1). */
function firstHost6(cidr: string): string {
  const [addr, len] = ipaddr.parseCIDR(cidr);
  const bytes = addr.toByteArray();
  const bits = len;
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    bytes[i] &= (0xff << (8 - keep)) & 0xff;
  }
  bytes[15] |= 1;
  return ipaddr.fromByteArray(bytes).toString();
}

class NotFoundPluginError extends CnmError {
  override name = 'NotFoundPluginError';
  constructor(driver: string) {
    super('not-found', `plugin "${driver}" not found`);
  }
}
