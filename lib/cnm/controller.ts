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
import { drivers } from './drivers';
import type { Driver, DriverContext } from './driverapi';
import {
  AmbiguousError,
  ConflictError,
  ContainerNameConflictError,
  ContainerNotFoundError,
  ImageNotFoundError,
  InvalidParameterError,
  NetworkNotFoundError,
} from './errors';
import { findImage, keepImage, localImages, parseImageRef, removeImage, type ImageRemoval, type LocalImage } from './images';
import { DEFAULT_SWARM_POOLS } from './ipam';
import * as L from './labels';
import type { NetworkOptionInput, NetworkState } from './network';
import type { EndpointState } from './endpoint';
import type { ContainerState, PortSpec } from './sandbox';
import type { NodeState, World } from './world';
import { logEvent } from './events';
import * as networks from './network';
import * as sandboxes from './sandbox';

export { PREDEFINED } from './network';

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

  /** What the drivers' hooks may use on this node (made once per controller). */
  driverContext(): DriverContext {
    return (this.driverCtx ??= {
      rng: this.world.rng,
      newMac: () => this.newMac(),
      swarmNetworks: () => this.world.state.swarm?.networks ?? [],
      usedHostPorts: (exclude) => this.usedHostPorts(exclude),
    });
  }
  private driverCtx?: DriverContext;

  // ---------------------------------------------------------------- ids
  newId(): string {
    return this.world.rng.hex(64);
  }
  newSwarmId(): string {
    return this.world.rng.alnum(25);
  }
  newMac(): string {
    const r = this.world.rng;
    const b = [0x02, 0x42, r.int(0, 255), r.int(0, 255), r.int(0, 255), r.int(0, 255)];
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }

  // ---------------------------------------------------------------- events
  /** daemon LogNetworkEventWithAttributes: name and type (the driver), plus the container for (dis)connect. */
  networkEvent(n: NetworkState, action: string, containerId?: string): void {
    logEvent(this.world.eventsOf(this.node), { t: this.world.state.clock, type: 'network', action, id: n.id, name: n.name, kind: n.driver, container: containerId, scope: 'local' });
  }
  /** Swarm-scoped networks are cluster events (daemon/events.go logNetworkEvent): every manager logs them. */
  clusterNetworkEvent(n: NetworkState, action: string): void {
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
    networks.insertNetwork(this, 
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
    networks.insertNetwork(this, base('host', 'host', {}), true);
    networks.insertNetwork(this, base('none', 'null', {}), true);
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

  /**
   * Create a network through its driver. Validation mirrors dockerd: unknown driver, singleton
   * drivers, swarm requirement for global scope, name conflicts, IPAM validation and pool overlap.
   */
  createNetwork(input: NetworkOptionInput): NetworkState {
    return networks.createNetwork(this, input);
  }

  /** The swarm's default address pools (global scope subnets are carved from them). */
  swarmPools(): { pools: string[]; size: number } {
    const sw = this.world.state.swarm;
    return { pools: sw?.addrPools ?? DEFAULT_SWARM_POOLS.pools, size: sw?.subnetSize ?? DEFAULT_SWARM_POOLS.size };
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
    return networks.removeNetwork(this, ref);
  }
  checkRemovable(n: NetworkState): void {
    networks.checkRemovable(this, n);
  }
  deleteNetwork(n: NetworkState): void {
    networks.deleteNetwork(this, n);
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

  /** Create a container (docker create). Nothing is allocated until start. */
  createContainer(input: ContainerInput): ContainerState {
    return sandboxes.createContainer(this, input);
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
  publishingNetwork(c: ContainerState): NetworkState | null {
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

  /** Whether the command keeps the container alive (a server or an interactive shell). */
  static longRunning(c: ContainerState): boolean {
    return sandboxes.longRunning(c);
  }

  /**
   * Start a container: join its endpoints (addresses, MACs), then publish ports. Atomic: on any
   * failure every allocation is rolled back.
   */
  startContainer(c: ContainerState): void {
    sandboxes.startContainer(this, c);
  }

  /** The process ended: release the network as dockerd does when a container stops. */
  finish(c: ContainerState, exitCode: number): void {
    sandboxes.finish(this, c, exitCode);
  }

  stopContainer(c: ContainerState): void {
    sandboxes.stopContainer(this, c);
  }
  /** docker kill: SIGKILL (exit 137). */
  killContainer(c: ContainerState): void {
    sandboxes.killContainer(this, c);
  }
  /**
   * docker pause (true) / unpause (false).
   * @throws ConflictError when not running, already paused, or not paused
   */
  pauseContainer(c: ContainerState, pause: boolean): void {
    sandboxes.pauseContainer(this, c, pause);
  }

  // ---------------------------------------------------------------- images
  /**
   * docker pull: the node now holds the image.
   * @returns false when it held it already ("Image is up to date")
   * @throws ImageNotFoundError when the catalogue does not know the repository or tag
   */
  pullImage(ref: string): boolean {
    if (!findImage(ref)) throw new ImageNotFoundError(parseImageRef(ref).repo);
    return keepImage(this.node, ref);
  }
  /** The images this node holds (docker images). */
  images(): LocalImage[] {
    return localImages(this.node);
  }
  /**
   * docker rmi / image rm: the lines docker prints for it.
   * @throws CnmError when there is no such image or a container uses it (see images.ts removeImage)
   */
  removeImage(ref: string, force: boolean): ImageRemoval {
    return removeImage(this.node, ref, force);
  }

  /**
   * Remove a container.
   * @throws ConflictError when it runs and force is not set
   */
  removeContainer(ref: string, force: boolean): ContainerState {
    return sandboxes.removeContainer(this, ref, force);
  }

  /**
   * Connect a container to a network (docker network connect).
   */
  connect(containerRef: string, netRef: string, ep: EndpointInput): void {
    sandboxes.connect(this, containerRef, netRef, ep);
  }

  /** Disconnect a container from a network. */
  disconnect(containerRef: string, netRef: string, force: boolean): void {
    sandboxes.disconnect(this, containerRef, netRef, force);
  }

  // ---------------------------------------------------------------- queries used by exec/inspect
  /** Address book of the node's host stack: node address, gateways of local bridges. */
  hostAddresses(): string[] {
    const out = ['127.0.0.1', this.node.addr];
    for (const n of this.node.networks) if (drivers.get(n.driver)?.capability.gatewayOnHost) for (const p of n.pools) if (p.gateway) out.push(p.gateway);
    return out;
  }
}
