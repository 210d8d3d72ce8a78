/**
 * Controller: one node's network engine, as libnetwork's NetworkController.
 *
 * Lifecycle: the controller owns networks (created through a Driver from the registry, addresses
 * from IPAM); a container is a Sandbox; connecting it to a network creates an Endpoint, which is
 * joined (addresses, MAC, published ports) while the container runs and released when it stops.
 *
 * Every mutating method validates completely before it changes state, so a failed command leaves
 * the engine as it was.
 */
import ipaddr from 'ipaddr.js';
import { drivers } from './drivers';
import type { Driver } from './driverapi';
import {
  ActiveEndpointsError,
  AmbiguousError,
  ConflictError,
  ContainerNameConflictError,
  ContainerNotFoundError,
  CnmError,
  ForbiddenError,
  ImageNotFoundError,
  InvalidParameterError,
  NetworkNameConflictError,
  NetworkNotFoundError,
  NoAvailableAddressError,
  NoAvailablePoolError,
  PoolOverlapError,
  PortAllocatedError,
  PredefinedNetworkError,
  SwarmRequiredError,
  UnavailableError,
} from './errors';
import {
  allocate,
  allocateGateway,
  DEFAULT_SWARM_POOLS,
  createPool,
  inSubnet,
  ipToNum,
  isIPv4,
  markUsed,
  parseCidr4,
  release,
  validateIpamConfig,
  type PoolState,
} from './ipam';
import * as L from './labels';
import type { NetworkId, NetworkOptionInput, NetworkState } from './network';
import type { EndpointId, EndpointState } from './endpoint';
import type { ContainerId, ContainerState, PortBinding, PortSpec } from './sandbox';
import type { NodeState, World } from './world';
import { findImage } from './images';
import { logEvent } from './events';
import { startLog, stopLog } from './logs';

export const PREDEFINED = ['bridge', 'host', 'none'];
/** libnetwork network.go createEndpoint on a config-only network. */
const CONFIG_ONLY_ENDPOINT = 'cannot create endpoint on configuration-only network';
export const EPHEMERAL_LOW = 32768;
export const EPHEMERAL_HIGH = 60999;

/** Per-network endpoint request for create/connect. */
export interface EndpointInput {
  aliases?: string[];
  ipv4?: string;
  ipv6?: string;
  linkLocalIPs?: string[];
  links?: string[];
  driverOpts?: Record<string, string>;
  gwPriority?: number;
  mac?: string;
}

export interface ContainerInput {
  name?: string;
  image: string;
  cmd: string[];
  entrypoint?: string[];
  hostname?: string;
  domainname?: string;
  autoRemove: boolean;
  interactive: boolean;
  tty: boolean;
  env: string[];
  labels: Record<string, string>;
  /** --network values in order (empty = default bridge) */
  networks: string[];
  endpoint: EndpointInput;
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  links: string[];
  ports: PortSpec[];
  publishAll: boolean;
  expose: string[];
  task?: ContainerState['task'];
}

export interface NetworkRef {
  net: NetworkState;
  /** true when the network lives in the swarm store */
  global: boolean;
}

export class Controller {
  constructor(
    readonly world: World,
    readonly node: NodeState,
  ) {}

  // ---------------------------------------------------------------- ids
  newId(): string {
    return this.world.rng.hex(64);
  }
  newSwarmId(): string {
    return this.world.rng.alnum(25);
  }
  private newMac(): string {
    const r = this.world.rng;
    const b = [0x02, 0x42, r.int(0, 255), r.int(0, 255), r.int(0, 255), r.int(0, 255)];
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }

  // ---------------------------------------------------------------- events
  /** daemon LogNetworkEventWithAttributes: name and type (the driver), plus the container for (dis)connect. */
  private networkEvent(n: NetworkState, action: string, containerId?: string): void {
    logEvent(this.world.eventsOf(this.node), { t: this.world.state.clock, type: 'network', action, id: n.id, name: n.name, kind: n.driver, container: containerId, scope: 'local' });
  }
  /** Swarm-scoped networks are cluster events (daemon/events.go logNetworkEvent): every manager logs them. */
  private clusterNetworkEvent(n: NetworkState, action: string): void {
    const sw = this.world.state.swarm;
    for (const node of this.world.state.nodes) {
      const m = sw?.nodes.find((x) => x.id === node.swarmNodeId);
      if (node === this.node || m?.role === 'manager')
        logEvent(this.world.eventsOf(node), { t: this.world.state.clock, type: 'network', action, id: n.id, name: n.name, kind: '', scope: 'swarm' });
    }
  }
  /** daemon LogContainerEventWithAttributes: the container's labels, image and name (+ extra attributes). */
  containerEvent(c: ContainerState, action: string, extra?: Record<string, string>): void {
    logEvent(this.world.eventsOf(this.node), { t: this.world.state.clock, type: 'container', action, id: c.id, name: c.name, kind: c.image, extra, labels: c.labels, scope: 'local' });
  }

  // ---------------------------------------------------------------- bootstrap
  /** Create bridge/host/none as dockerd does at start. */
  bootstrap(): void {
    if (this.node.networks.length) return;
    const base = (name: string, driver: string, options: Record<string, string>): NetworkOptionInput => ({
      name,
      driver,
      options,
      labels: {},
      ipamDriver: 'default',
      ipamOptions: {},
      ipam: [],
      internal: false,
      attachable: false,
      ingress: false,
      configOnly: false,
      configFrom: '',
      scope: '',
    });
    this.insertNetwork(
      base('bridge', 'bridge', {
        [L.BridgeDefault]: 'true',
        [L.BridgeEnableIcc]: 'true',
        [L.BridgeEnableIPMasquerade]: 'true',
        [L.BridgeHostBindingIPv4]: '0.0.0.0',
        [L.BridgeName]: 'docker0',
        [L.DriverMTU]: '1500',
      }),
      true,
    );
    this.insertNetwork(base('host', 'host', {}), true);
    this.insertNetwork(base('none', 'null', {}), true);
  }

  // ---------------------------------------------------------------- networks
  /** The swarm (global) networks this node sees: all on a manager, ingress + used ones on a worker. */
  globalNetworks(): NetworkState[] {
    const sw = this.world.state.swarm;
    if (!sw || !this.node.swarmNodeId) return [];
    const me = sw.nodes.find((n) => n.id === this.node.swarmNodeId);
    if (me?.role === 'manager') return sw.networks;
    return sw.networks.filter((n) => n.ingress || this.localEndpointsOn(n.id).length > 0);
  }
  isManager(): boolean {
    const sw = this.world.state.swarm;
    if (!sw || !this.node.swarmNodeId) return false;
    return sw.nodes.find((n) => n.id === this.node.swarmNodeId)?.role === 'manager';
  }
  inSwarm(): boolean {
    return !!this.world.state.swarm && !!this.node.swarmNodeId;
  }

  /** Networks visible on this node in creation order (local first, then swarm-scoped). */
  networks(): NetworkState[] {
    const g = this.globalNetworks();
    return g.length ? [...this.node.networks, ...g] : this.node.networks;
  }

  /**
   * Find a network: full id, then full name, then unique id prefix (daemon/network.go FindNetwork).
   * @throws NetworkNotFoundError | AmbiguousError
   */
  findNetwork(ref: string): NetworkState {
    const all = this.networks();
    for (const n of all) if (n.id === ref) return n;
    const byName = all.filter((n) => n.name === ref);
    if (byName.length === 1) return byName[0];
    if (byName.length > 1) throw new InvalidParameterError(`network ${ref} is ambiguous (${byName.length} matches found on name)`);
    if (ref.length > 0) {
      const byPrefix = all.filter((n) => n.id.startsWith(ref));
      if (byPrefix.length === 1) return byPrefix[0];
      if (byPrefix.length > 1) throw new AmbiguousError('network', ref, byPrefix.length);
    }
    throw new NetworkNotFoundError(ref);
  }
  /**
   * Like findNetwork, but a swarm node may also attach to any swarm-scoped network it does not
   * see yet (a worker asks the manager for the attachment).
   */
  findNetworkForAttach(ref: string): NetworkState {
    try {
      return this.findNetwork(ref);
    } catch (e) {
      const sw = this.world.state.swarm;
      if (!sw || !this.node.swarmNodeId) throw e;
      const n = sw.networks.find((x) => x.id === ref || x.name === ref) ?? (sw.networks.filter((x) => x.id.startsWith(ref)).length === 1 ? sw.networks.find((x) => x.id.startsWith(ref)) : undefined);
      if (!n) throw e;
      return n;
    }
  }
  tryNetwork(ref: string): NetworkState | null {
    try {
      return this.findNetwork(ref);
    } catch {
      return null;
    }
  }
  isGlobal(n: NetworkState): boolean {
    return drivers.get(n.driver)?.capability.dataScope === 'global';
  }
  driverOf(n: NetworkState): Driver | undefined {
    return drivers.get(n.driver);
  }
  /** User-defined: not one of the predefined networks (embedded DNS works on these). */
  isUserDefined(n: NetworkState): boolean {
    return !n.predefined;
  }

  /** All subnets in use in an address space (local: this node's; global: the swarm's). */
  private takenSubnets(global: boolean): { base: number; bits: number }[] {
    const list = global ? (this.world.state.swarm?.networks ?? []) : this.node.networks;
    const out: { base: number; bits: number }[] = [];
    for (const n of list) if (!n.configOnly) for (const p of n.pools) out.push({ base: p.base, bits: p.bits });
    return out;
  }

  /**
   * Create a network through its driver. Validation mirrors dockerd: unknown driver, singleton
   * drivers, swarm requirement for global scope, name conflicts, IPAM validation and pool overlap.
   */
  createNetwork(input: NetworkOptionInput): NetworkState {
    const ipamErrs = validateIpamConfig(input.ipam);
    if (ipamErrs.length) throw new InvalidParameterError(`invalid network config:\n${ipamErrs.join('\n')}`);
    if (!input.name.trim()) throw new InvalidParameterError(`invalid name: ${input.name}`);
    const driver = drivers.get(input.driver);
    if (input.configFrom) {
      // A network built from a config-only network takes its IPAM and options.
      const from = this.tryNetwork(input.configFrom);
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
    if (driver?.capability.dataScope === 'global' && !this.isManager()) throw new SwarmRequiredError();
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
    if (swarmScoped && !this.isManager()) {
      if (this.inSwarm()) throw new ForbiddenError(
        'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
      );
      throw new ForbiddenError('cannot create a swarm scoped network when swarm is not active');
    }
    if (input.ingress) {
      // swarmkit controlapi CreateNetwork: one ingress network per cluster.
      const ing = (this.world.state.swarm?.networks ?? []).find((n) => n.ingress);
      if (ing) throw new ConflictError(`rpc error: code = AlreadyExists desc = ingress network (${ing.id}) is already present`);
    }
    if (driver.capability.singleton && this.node.networks.some((n) => n.driver === driver.name)) {
      throw new ForbiddenError(`only one instance of "${driver.name}" network is allowed`);
    }
    const sameName = swarmScoped
      ? [...(this.world.state.swarm?.networks ?? []), ...this.node.networks]
      : this.networks();
    if (sameName.some((n) => n.name === input.name)) throw new NetworkNameConflictError(input.name);
    const derr = driver.validate(input);
    if (derr) throw new InvalidParameterError(derr);
    return this.insertNetwork(input, false, swarmScoped);
  }

  /** The swarm's default address pools (global scope subnets are carved from them). */
  swarmPools(): { pools: string[]; size: number } {
    const sw = this.world.state.swarm;
    return { pools: sw?.addrPools ?? DEFAULT_SWARM_POOLS.pools, size: sw?.subnetSize ?? DEFAULT_SWARM_POOLS.size };
  }

  /** Build and store the network (validation done). */
  private insertNetwork(input: NetworkOptionInput, predefined: boolean, swarmScoped = false): NetworkState {
    const driver = drivers.get(input.driver)!;
    const global = swarmScoped || driver.capability.dataScope === 'global';
    const pools: PoolState[] = [];
    const pools6: NetworkState['pools6'] = [];
    const enableIPv4 = input.enableIPv4 ?? true;
    const enableIPv6 = input.enableIPv6 ?? false;
    if (driver.capability.allocatesAddresses || (predefined && input.name === 'bridge')) {
      if (!input.configOnly) {
        const taken = this.takenSubnets(global);
        const v4 = input.ipam.filter((c) => !c.subnet || c.subnet.includes('.'));
        const v6 = input.ipam.filter((c) => c.subnet && c.subnet.includes(':'));
        const reqs = v4.length ? v4 : enableIPv4 ? [{ subnet: '', aux: {} }] : [];
        for (const r of reqs) {
          const p = createPool({ subnet: r.subnet || undefined, ipRange: r.ipRange, gateway: r.gateway, aux: r.aux }, global ? 'global' : 'local', [
            ...taken,
            ...pools,
          ], this.swarmPools());
          if (p === 'overlap') throw new PoolOverlapError();
          if (p === 'exhausted') throw new NoAvailablePoolError();
          if (!driver.skipGateway?.(input)) allocateGateway(p);
          pools.push(p);
        }
        // The first address of a v6 subnet is its gateway unless the driver needs none.
        for (const r of v6) pools6.push({ subnet: r.subnet, gateway: r.gateway ?? (driver.skipGateway?.(input) ? undefined : firstHost6(r.subnet)), next: 2 });
        if (enableIPv6 && !v6.length) pools6.push({ subnet: `fd${this.world.rng.hex(2)}:${this.world.rng.hex(4)}:${this.world.rng.hex(4)}::/64`, next: 2 });
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
    const sw = this.world.state.swarm;
    const net: NetworkState = {
      id: (global ? this.newSwarmId() : this.newId()) as NetworkId,
      name: input.name,
      // libnetwork NewNetwork: a config-only network is stored with type "null" and local scope.
      driver: input.configOnly ? 'null' : input.driver,
      scope: input.configOnly ? 'local' : global ? 'swarm' : 'local',
      created: this.world.state.clock,
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
    if (driver.name === 'overlay' && !input.configOnly) {
      const used = new Set((sw?.networks ?? []).map((n) => n.vni));
      // libnetwork overlay/ovmanager: VXLAN ids are allocated from 4096 (ingress takes the first).
      let vni = 4096;
      while (used.has(vni)) vni++;
      net.vni = vni;
      net.options[L.OverlayVxlanIdList] = String(vni);
    }
    if (global && sw) sw.networks.push(net);
    else this.node.networks.push(net);
    if (!predefined) {
      if (global && sw) this.clusterNetworkEvent(net, 'create');
      else this.networkEvent(net, 'create');
    }
    return net;
  }

  /** Running endpoints on a network on this node: [container, endpoint]. */
  localEndpointsOn(netId: string): [ContainerState, EndpointState][] {
    const out: [ContainerState, EndpointState][] = [];
    for (const c of this.node.containers) {
      if (c.status !== 'running') continue;
      for (const e of c.endpoints) if (e.networkId === netId && e.id) out.push([c, e]);
    }
    return out;
  }
  /** Running endpoints on a network anywhere in the lab (overlay networks span nodes). */
  allEndpointsOn(netId: string): [ContainerState, EndpointState, NodeState][] {
    const out: [ContainerState, EndpointState, NodeState][] = [];
    for (const node of this.world.state.nodes)
      for (const c of node.containers) {
        if (c.status !== 'running') continue;
        for (const e of c.endpoints) if (e.networkId === netId && e.id) out.push([c, e, node]);
      }
    return out;
  }

  /**
   * Remove a network.
   * @throws PredefinedNetworkError | ActiveEndpointsError
   */
  removeNetwork(ref: string): NetworkState {
    const n = this.findNetwork(ref);
    this.checkRemovable(n);
    this.deleteNetwork(n);
    return n;
  }
  checkRemovable(n: NetworkState): void {
    if (n.predefined) throw new PredefinedNetworkError(n.name, 'remove');
    if (this.isGlobal(n)) {
      if (!this.isManager()) throw new ForbiddenError(`network ${n.name} is a swarm network and can only be removed from a manager node`);
      if (n.ingress && this.world.state.swarm?.services.some((s) => s.ports.some((p) => p.publishMode === 'ingress')))
        throw new ForbiddenError('ingress network cannot be removed because service ' + this.world.state.swarm.services.find((s) => s.ports.length)!.id + ' depends on it');
      const svc = this.world.state.swarm?.services.find((s) => s.networks.some((x) => x.target === n.id));
      if (svc) throw new ForbiddenError(`rpc error: code = FailedPrecondition desc = network ${n.id} is in use by service ${svc.id}`);
      const eps = this.allEndpointsOn(n.id);
      if (eps.length) throw new ActiveEndpointsError(n.name, eps.map(([c, e]) => ({ name: c.name, id: e.id! })));
      return;
    }
    if (this.node.networks.some((x) => x.configFrom === n.name || x.configFrom === n.id))
      throw new ForbiddenError(`configuration network "${n.name}" is in use`);
    const eps = this.localEndpointsOn(n.id);
    if (eps.length) throw new ActiveEndpointsError(n.name, eps.map(([c, e]) => ({ name: c.name, id: e.id! })));
  }
  deleteNetwork(n: NetworkState): void {
    const sw = this.world.state.swarm;
    if (sw && sw.networks.includes(n)) {
      sw.networks.splice(sw.networks.indexOf(n), 1);
      this.clusterNetworkEvent(n, 'remove');
    } else {
      this.node.networks.splice(this.node.networks.indexOf(n), 1);
      // daemon/network.go deleteNetwork: no destroy event for a config-only network
      if (!n.configOnly) this.networkEvent(n, 'destroy');
    }
  }

  // ---------------------------------------------------------------- containers
  /**
   * Find a container: full id, exact name, then unique id prefix.
   * @throws ContainerNotFoundError | AmbiguousError
   */
  findContainer(ref: string): ContainerState {
    const r = ref.startsWith('/') ? ref.slice(1) : ref;
    const cs = this.node.containers;
    for (const c of cs) if (c.id === r) return c;
    for (const c of cs) if (c.name === r) return c;
    if (r.length > 0) {
      const m = cs.filter((c) => c.id.startsWith(r));
      if (m.length === 1) return m[0];
      if (m.length > 1) throw new AmbiguousError('container', r, m.length);
    }
    throw new ContainerNotFoundError(ref);
  }
  tryContainer(ref: string): ContainerState | null {
    try {
      return this.findContainer(ref);
    } catch {
      return null;
    }
  }

  /**
   * Rename a container (daemon/rename.go). DNS follows: the embedded resolver answers for the
   * new name only.
   * @throws ContainerNotFoundError | InvalidParameterError | ContainerNameConflictError
   */
  renameContainer(ref: string, newName: string): ContainerState {
    const name = newName.replace(/^\//, '');
    if (!ref || !name) throw new InvalidParameterError('Neither old nor new names may be empty');
    const c = this.findContainer(ref);
    if (c.name === name) throw new InvalidParameterError('Renaming a container with the same name as its current name');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name))
      throw new InvalidParameterError(`Error when allocating new name: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const other = this.node.containers.find((x) => x.name === name);
    if (other) throw new ConflictError(`Error when allocating new name: ${new ContainerNameConflictError(name, other.id).message}`);
    const old = c.name;
    c.name = name;
    this.containerEvent(c, 'rename', { oldName: `/${old}` });
    return c;
  }

  /** Docker's random names are adjective_surname; a small deterministic list. */
  private randomName(): string {
    const adj = ['admiring', 'brave', 'clever', 'dreamy', 'eager', 'focused', 'gifted', 'happy', 'jolly', 'keen', 'lucid', 'modest', 'nifty', 'quirky', 'serene', 'vibrant', 'wizardly', 'zealous'];
    const sur = ['babbage', 'curie', 'darwin', 'einstein', 'feynman', 'galileo', 'hopper', 'kepler', 'lovelace', 'newton', 'pasteur', 'ritchie', 'shannon', 'tesla', 'turing', 'wozniak'];
    for (;;) {
      const n = `${adj[this.world.rng.int(0, adj.length - 1)]}_${sur[this.world.rng.int(0, sur.length - 1)]}`;
      if (!this.node.containers.some((c) => c.name === n)) return n;
    }
  }

  /** Validate an endpoint request against a network (static IP, aliases, exclusivity). */
  private validateEndpoint(c: { networkMode: string } | null, n: NetworkState, ep: EndpointInput, containerName: string): void {
    const errs: string[] = [];
    if (!this.isUserDefined(n) && n.name === 'bridge') {
      if (ep.ipv4 || ep.ipv6) errs.push('user-specified IP address is supported on user-defined networks only');
      if (ep.aliases?.length) errs.push('network-scoped aliases are only supported for user-defined networks');
    }
    if (ep.ipv4 !== undefined && ep.ipv4 !== '' && !isIPv4(ep.ipv4)) errs.push(`invalid IPv4 address: ${ep.ipv4}`);
    if (!errs.length && ep.ipv4 && n.name !== 'bridge') {
      if (!n.userIpam) throw new ForbiddenError('user specified IP address is supported only when connecting to networks with user configured subnets');
      if (!n.pools.some((p) => inSubnet(p, ep.ipv4!))) errs.push(`no configured subnet contains IP address ${ep.ipv4}`);
    }
    if (errs.length) throw new InvalidParameterError(`invalid endpoint settings:\n${errs.join('\n')}`);
    void c;
    void containerName;
  }

  /** Create a container (docker create). Nothing is allocated until start. */
  createContainer(input: ContainerInput): ContainerState {
    const img = findImage(input.image);
    if (!img) throw new ImageNotFoundError(input.image.replace(/:latest$/, '').split(':')[0]);
    const name = input.name ?? this.randomName();
    if (input.name !== undefined) {
      if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(input.name))
        throw new InvalidParameterError(`Invalid container name (${input.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      const other = this.node.containers.find((c) => c.name === input.name);
      if (other) throw new ContainerNameConflictError(input.name, other.id);
    }
    const nets = input.networks.length ? input.networks : ['bridge'];
    let mode = nets[0];
    const endpoints: EndpointState[] = [];
    if (mode.startsWith('container:')) {
      // runconfig/hostconfig.go validateNetContainerMode, in Docker's order.
      if (mode === 'container:') throw new InvalidParameterError('invalid network mode: invalid container format container:<name|id>');
      if (input.hostname) throw new InvalidParameterError('conflicting options: hostname and the network mode');
      if (input.links.length)
        throw new InvalidParameterError("conflicting options: container type network can't be used with links. This would result in undefined behavior");
      if (input.dns.length) throw new InvalidParameterError('conflicting options: dns and the network mode');
      if (input.extraHosts.length) throw new InvalidParameterError('conflicting options: custom host-to-IP mapping and the network mode');
      if (input.ports.length || input.publishAll) throw new InvalidParameterError('conflicting options: port publishing and the container type network mode');
      if (input.expose.length) throw new InvalidParameterError('conflicting options: port exposing and the container type network mode');
      const other = this.findContainer(mode.slice('container:'.length));
      mode = `container:${other.id}`;
    } else {
      if (mode === 'default') mode = 'bridge';
      const seen = new Set<string>();
      for (let i = 0; i < nets.length; i++) {
        const ref = nets[i] === 'default' ? 'bridge' : nets[i];
        const n = (input.task && this.world.state.swarm?.networks.find((x) => x.id === ref)) || this.findNetworkForAttach(ref);
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        const d = this.driverOf(n)!;
        if (nets.length > 1 && d.capability.exclusive) {
          throw new InvalidParameterError(
            d.capability.hostStack
              ? 'container sharing network namespace with another container or host cannot be connected to any other network'
              : 'container cannot be connected to multiple networks with one of the networks in private (none) mode',
          );
        }
        if (this.isGlobal(n) && !n.attachable && !input.task)
          throw new ForbiddenError(`Could not attach to network ${ref}: rpc error: code = PermissionDenied desc = network ${ref} not manually attachable`);
        const epIn = i === 0 ? input.endpoint : {};
        this.validateEndpoint(null, n, epIn, name);
        if (d.capability.hostStack && (input.links.length)) throw new InvalidParameterError("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
        endpoints.push(this.endpointConfig(n, epIn));
      }
      if (!input.networks.length) mode = 'bridge';
    }
    // Legacy links must name existing containers.
    for (const l of input.links) {
      const [target] = l.split(':');
      const t = this.tryContainer(target);
      if (!t) throw new InvalidParameterError(`could not get container for ${target}`);
    }
    const c: ContainerState = {
      id: this.newId() as ContainerId,
      name,
      image: input.image,
      cmd: input.cmd.length ? input.cmd : img.cmd,
      entrypoint: input.entrypoint ?? img.entrypoint,
      created: this.world.state.clock,
      status: 'created',
      startedAt: 0,
      finishedAt: 0,
      exitCode: 0,
      restarts: 0,
      hostname: '',
      domainname: input.domainname ?? '',
      autoRemove: input.autoRemove,
      interactive: input.interactive,
      tty: input.tty,
      env: [...img.env, ...input.env],
      labels: input.labels,
      networkMode: mode,
      endpoints,
      dns: input.dns,
      dnsSearch: input.dnsSearch,
      dnsOptions: input.dnsOptions,
      extraHosts: input.extraHosts,
      links: input.links.map((l) => (l.includes(':') ? l : `${l}:${l}`)),
      portSpecs: input.ports,
      publishAll: input.publishAll,
      exposed: [...new Set([...img.expose, ...input.expose])],
      ports: [],
      logs: [],
    };
    if (input.task) c.task = input.task;
    c.hostname = input.hostname ?? (mode === 'host' ? this.node.name : c.id.slice(0, 12));
    this.node.containers.push(c);
    this.containerEvent(c, 'create');
    return c;
  }

  private endpointConfig(n: NetworkState, ep: EndpointInput): EndpointState {
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

  /** The network object of an endpoint, or null when the network has gone. */
  netOf(e: EndpointState): NetworkState | null {
    const all = this.networks();
    for (const n of all) if (n.id === e.networkId) return n;
    const sw = this.world.state.swarm;
    if (sw) for (const n of sw.networks) if (n.id === e.networkId) return n;
    return null;
  }

  /** The first network of a container that publishes ports (bridge), or null. */
  private publishingNetwork(c: ContainerState): NetworkState | null {
    for (const e of c.endpoints) {
      const n = this.netOf(e);
      if (n && this.driverOf(n)?.capability.publishesPorts) return n;
    }
    return null;
  }

  /** Host ports in use on this node: [hostIp, port, proto]. */
  usedHostPorts(exclude?: ContainerState): { hostIp: string; hostPort: number; proto: string }[] {
    const out: { hostIp: string; hostPort: number; proto: string }[] = [];
    for (const c of this.node.containers) {
      if (c === exclude || c.status !== 'running') continue;
      for (const p of c.ports) out.push(p);
    }
    const sw = this.world.state.swarm;
    if (sw && this.node.swarmNodeId)
      for (const s of sw.services)
        for (const p of s.ports) if (p.publishMode === 'ingress') out.push({ hostIp: '0.0.0.0', hostPort: p.publishedPort, proto: p.protocol });
    return out;
  }

  private portClash(used: { hostIp: string; hostPort: number; proto: string }[], b: { hostIp: string; hostPort: number; proto: string }): boolean {
    const v6 = (ip: string) => ip.includes(':');
    return used.some(
      (u) =>
        u.hostPort === b.hostPort &&
        u.proto === b.proto &&
        v6(u.hostIp) === v6(b.hostIp) &&
        (u.hostIp === b.hostIp || u.hostIp === '0.0.0.0' || b.hostIp === '0.0.0.0' || u.hostIp === '::' || b.hostIp === '::'),
    );
  }

  /** Compute the port bindings a container gets when it starts. */
  private bindPorts(c: ContainerState, epName: string, epId: string, net: NetworkState): PortBinding[] {
    // The bridge's host_binding_ipv4 is the address a port without one binds to (default: all).
    const hb = net.options[L.BridgeHostBindingIPv4];
    const defaultIps = hb && hb !== '0.0.0.0' ? [hb] : ['0.0.0.0', '::'];
    const specs: PortSpec[] = [...c.portSpecs];
    if (c.publishAll) {
      for (const x of c.exposed) {
        const [p, proto = 'tcp'] = x.split('/');
        if (!specs.some((s) => s.containerPort === +p && s.proto === proto))
          specs.push({ hostIp: '', hostPort: '', containerPort: +p, proto: proto as PortSpec['proto'] });
      }
    }
    const used = this.usedHostPorts(c);
    const out: PortBinding[] = [];
    for (const s of specs) {
      const ips = s.hostIp ? [s.hostIp] : defaultIps;
      let port: number;
      if (s.hostPort === '') {
        port = 0;
        for (let tries = 0; tries < 1000; tries++) {
          const cand = this.world.rng.int(EPHEMERAL_LOW, EPHEMERAL_HIGH);
          if (!ips.some((ip) => this.portClash([...used, ...out], { hostIp: ip, hostPort: cand, proto: s.proto }))) {
            port = cand;
            break;
          }
        }
        if (!port) throw new UnavailableError('no available ports in the ephemeral range');
      } else if (s.hostPort.includes('-')) {
        // host range for a single container port: first free in the range
        const [lo, hi] = s.hostPort.split('-').map(Number);
        port = 0;
        for (let p = lo; p <= hi; p++)
          if (!ips.some((ip) => this.portClash([...used, ...out], { hostIp: ip, hostPort: p, proto: s.proto }))) {
            port = p;
            break;
          }
        if (!port) throw new PortAllocatedError(epName, epId, ips[0], lo);
      } else port = +s.hostPort;
      for (const ip of ips) {
        const b = { hostIp: ip, hostPort: port, containerPort: s.containerPort, proto: s.proto };
        if (this.portClash([...used, ...out], b)) throw new PortAllocatedError(epName, epId, ip, port);
        out.push(b);
      }
    }
    return out;
  }

  /** Join an endpoint: allocate its addresses. Returns a rollback. */
  private joinEndpoint(c: ContainerState, e: EndpointState): () => void {
    const n = this.netOf(e);
    if (!n) throw new NetworkNotFoundError(e.networkName);
    const d = this.driverOf(n)!;
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
    e.id = this.newId() as EndpointId;
    if (v4) e.ipv4 = v4;
    if (n.enableIPv6 && n.pools6.length) {
      const p6 = n.pools6[0];
      e.ipv6 = e.ipv6Static ?? `${p6.subnet.split('/')[0].replace(/::$/, '::')}${p6.subnet.split('/')[0].endsWith('::') ? '' : ':'}${(p6.next++).toString(16)}`;
    }
    if (d.capability.allocatesAddresses) e.mac = e.macStatic ?? this.newMac();
    void c;
    return () => {
      if (pool && v4) release(pool, v4);
      delete e.id;
      delete e.ipv4;
      delete e.ipv6;
      delete e.mac;
    };
  }

  private leaveEndpoint(e: EndpointState): void {
    const n = this.netOf(e);
    if (n && e.ipv4) for (const p of n.pools) if (inSubnet(p, e.ipv4)) release(p, e.ipv4);
    delete e.id;
    delete e.ipv4;
    delete e.ipv6;
    delete e.mac;
  }

  /** Whether the command keeps the container alive (a server or an interactive shell). */
  static longRunning(c: ContainerState): boolean {
    const img = findImage(c.image);
    const cmd = c.cmd;
    const first = (cmd[0] ?? '').split('/').pop() ?? '';
    if (c.task) return true;
    if (img && img.daemon && (cmd.join(' ') === img.cmd.join(' '))) return true;
    if (['sh', 'ash', 'bash', 'zsh'].includes(first) && cmd.length === 1) return c.interactive || c.tty;
    if (['sh', 'ash', 'bash'].includes(first) && cmd[1] === '-c') return /sleep|tail -f|while|top|nc -l|httpd/.test(cmd.slice(2).join(' '));
    if (first === 'sleep') return cmd[1] === 'infinity' || Number(cmd[1]) > 0 || /\d+[smhd]$/.test(cmd[1] ?? '');
    if (first === 'tail') return cmd.includes('-f');
    if (['top', 'nginx', 'httpd', 'redis-server', 'postgres', 'mysqld', 'httpd-foreground', 'traefik', 'cat'].includes(first)) return first !== 'cat' || c.interactive;
    if (first === 'ping') return !cmd.includes('-c');
    if (img && img.daemon && !cmd.length) return true;
    return false;
  }

  /**
   * Start a container: join its endpoints (addresses, MACs), then publish ports. Atomic: on any
   * failure every allocation is rolled back.
   */
  startContainer(c: ContainerState): void {
    if (c.status === 'running') return;
    if (c.networkMode.startsWith('container:')) {
      const other = this.node.containers.find((x) => x.id === c.networkMode.slice(10));
      if (!other) throw new NotFoundErrorPlain(`No such container: ${c.networkMode.slice(10)}`);
      if (other.status !== 'running')
        throw new ConflictError(`cannot join network namespace of a non running container: container ${other.name} is ${other.status}`);
    }
    const rollbacks: (() => void)[] = [];
    try {
      // daemon setupLinkedContainers (createSpec): only a container on the default bridge gets
      // legacy links, and every child must be running and on the default bridge too.
      const onDefault = (x: ContainerState) => x.endpoints.some((e) => this.netOf(e)?.predefined && e.networkName === 'bridge');
      if (onDefault(c))
        for (const l of c.links) {
          const t = this.tryContainer(l.split(':')[0]);
          if (!t || t.status !== 'running') throw new InvalidParameterError(`Cannot link to a non running container: /${l.split(':')[0]} AS /${c.name}/${l.split(':')[1]}`);
          if (!onDefault(t)) throw new UnavailableError(`container ${t.id} not attached to default bridge network`);
        }
      for (const e of c.endpoints) {
        if (this.netOf(e)?.configOnly) throw new ForbiddenError(`failed to set up container networking: ${CONFIG_ONLY_ENDPOINT}`);
        rollbacks.push(this.joinEndpoint(c, e));
      }
      const pub = this.publishingNetwork(c);
      if (pub) {
        const e = c.endpoints.find((x) => x.networkId === pub.id)!;
        c.ports = this.bindPorts(c, c.name, e.id!, pub);
      } else c.ports = [];
    } catch (err) {
      for (const r of rollbacks.reverse()) r();
      c.ports = [];
      throw err;
    }
    c.status = 'running';
    c.startedAt = this.world.state.clock;
    c.exitCode = 0;
    for (const e of c.endpoints) {
      const n = e.id ? this.netOf(e) : null;
      if (n) this.networkEvent(n, 'connect', c.id);
    }
    this.containerEvent(c, 'start');
    startLog(c, c.startedAt);
    if (!Controller.longRunning(c)) this.finish(c, 0);
  }

  /** The process ended: release the network as dockerd does when a container stops. */
  finish(c: ContainerState, exitCode: number): void {
    // daemon/monitor.go handleContainerExit: Cleanup (network disconnect events), then "die"
    this.releaseNetwork(c);
    c.ports = [];
    c.status = 'exited';
    c.exitCode = exitCode;
    c.finishedAt = this.world.state.clock;
    this.containerEvent(c, 'die', { execDuration: String(Math.max(0, c.finishedAt - c.startedAt)), exitCode: String(exitCode) });
    if (c.autoRemove) {
      this.node.containers.splice(this.node.containers.indexOf(c), 1);
      this.containerEvent(c, 'destroy');
    }
  }
  /** Leave every joined endpoint, logging "network disconnect" for each. */
  private releaseNetwork(c: ContainerState): void {
    for (const e of c.endpoints) {
      const n = e.id ? this.netOf(e) : null;
      this.leaveEndpoint(e);
      if (n) this.networkEvent(n, 'disconnect', c.id);
    }
  }

  stopContainer(c: ContainerState): void {
    if (c.status !== 'running') return;
    const img = findImage(c.image);
    // A shell as PID 1 ignores SIGTERM and is killed after the timeout.
    const code = img && !img.daemon && !c.task ? 137 : 0;
    const signal = img?.stopSignal ?? 15;
    this.containerEvent(c, 'kill', { signal: String(signal) });
    stopLog(c, this.world.state.clock, signal);
    if (code === 137) this.containerEvent(c, 'kill', { signal: '9' });
    this.finish(c, code);
    this.containerEvent(c, 'stop');
  }
  /** docker kill: SIGKILL (exit 137). */
  killContainer(c: ContainerState): void {
    this.containerEvent(c, 'kill', { signal: '9' });
    this.finish(c, 137);
  }

  /**
   * Remove a container.
   * @throws ConflictError when it runs and force is not set
   */
  removeContainer(ref: string, force: boolean): ContainerState {
    const c = this.findContainer(ref);
    if (c.status === 'running' && !force)
      throw new ConflictError(`cannot remove container "${ref}": container is running: stop the container before removing or force remove`);
    if (c.status === 'running') {
      this.containerEvent(c, 'kill', { signal: '9' });
      this.releaseNetwork(c);
      c.status = 'exited';
      c.exitCode = 137;
      this.containerEvent(c, 'die', { execDuration: String(Math.max(0, this.world.state.clock - c.startedAt)), exitCode: '137' });
    }
    const i = this.node.containers.indexOf(c);
    if (i >= 0) this.node.containers.splice(i, 1);
    this.containerEvent(c, 'destroy');
    return c;
  }

  /**
   * Connect a container to a network (docker network connect).
   */
  connect(containerRef: string, netRef: string, ep: EndpointInput): void {
    const n = this.findNetworkForAttach(netRef);
    const c = this.findContainer(containerRef);
    const d = this.driverOf(n)!;
    if (n.configOnly) throw new ForbiddenError(CONFIG_ONLY_ENDPOINT);
    if (d.capability.hostStack && c.networkMode !== 'host')
      throw new InvalidParameterError('cannot connect container to host network - container must be created in host network mode');
    const curMode = c.networkMode;
    const curNet = this.tryNetwork(curMode);
    if (curMode.startsWith('container:') || (curNet && this.driverOf(curNet)?.capability.hostStack))
      throw new InvalidParameterError('container sharing network namespace with another container or host cannot be connected to any other network');
    if ((curNet && this.driverOf(curNet)?.capability.exclusive) || d.capability.exclusive)
      throw new InvalidParameterError('container cannot be connected to multiple networks with one of the networks in private (none) mode');
    if (this.isGlobal(n) && !n.attachable)
      throw new ForbiddenError(`Could not attach to network ${netRef}: rpc error: code = PermissionDenied desc = network ${netRef} not manually attachable`);
    const existing = c.endpoints.find((e) => e.networkId === n.id);
    if (existing) {
      if (c.status === 'running') throw new ForbiddenError(`endpoint with name ${c.name} already exists in network ${n.name}`);
      throw new ConflictError(`${c.name} is already attached to network ${n.name}`);
    }
    this.validateEndpoint(c, n, ep, c.name);
    for (const l of ep.links ?? []) {
      const t = this.tryContainer(l.split(':')[0]);
      if (!t) throw new InvalidParameterError(`could not get container for ${l.split(':')[0]}`);
    }
    const e = this.endpointConfig(n, ep);
    if (c.status === 'running') this.joinEndpoint(c, e); // throws before any change on failure
    c.endpoints.push(e);
    if (c.status === 'running') this.networkEvent(n, 'connect', c.id);
  }

  /** Disconnect a container from a network. */
  disconnect(containerRef: string, netRef: string, force: boolean): void {
    const c = this.tryContainer(containerRef);
    const n = this.tryNetwork(netRef);
    if (!c) {
      if (force && n) return;
      throw new ContainerNotFoundError(containerRef);
    }
    if (!n) {
      if (force) {
        const i = c.endpoints.findIndex((e) => e.networkName === netRef);
        if (i >= 0) c.endpoints.splice(i, 1);
        return;
      }
      throw new NetworkNotFoundError(netRef);
    }
    const i = c.endpoints.findIndex((e) => e.networkId === n.id);
    if (i < 0) throw new ForbiddenError(`container ${c.id} is not connected to network ${n.name}`);
    if (this.driverOf(n)?.capability.hostStack)
      throw new InvalidParameterError('cannot disconnect container from host network - container was created in host network mode');
    const joined = !!c.endpoints[i].id;
    this.leaveEndpoint(c.endpoints[i]);
    c.endpoints.splice(i, 1);
    if (joined) this.networkEvent(n, 'disconnect', c.id);
  }

  // ---------------------------------------------------------------- queries used by exec/inspect
  /** Address book of the node's host stack: node address, gateways of local bridges. */
  hostAddresses(): string[] {
    const out = ['127.0.0.1', this.node.addr];
    for (const n of this.node.networks) if (n.driver === 'bridge') for (const p of n.pools) if (p.gateway) out.push(p.gateway);
    return out;
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
class NotFoundErrorPlain extends CnmError {
  override name = 'NotFoundErrorPlain';
  constructor(msg: string) {
    super('not-found', msg);
  }
}
