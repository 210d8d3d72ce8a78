/**
 * Driver contract (libnetwork driverapi). A driver declares its scope and capabilities and owns the lifecycle hooks
 * of its networks and endpoints: create/delete network, join/leave, port mapping. The controller and the CNM
 * objects (network.ts, endpoint.ts, sandbox.ts) call these and never branch on driver names.
 */
import type { EndpointState } from './endpoint';
import type { NetworkOptionInput, NetworkState } from './network';
import type { Rng } from './rng';
import type { ContainerState, PortBinding } from './sandbox';

export type DataScope = 'local' | 'global';

export interface Capability {
  /** local: one engine; global: swarm-wide (requires a swarm manager to create). */
  dataScope: DataScope;
  /** Only one network of this driver may exist (host, null). */
  singleton: boolean;
  /** Containers on it cannot join other networks (host, null). */
  exclusive: boolean;
  /** Endpoints get IP addresses from IPAM. */
  allocatesAddresses: boolean;
  /** Ports published with -p are programmed (bridge); others ignore them. */
  publishesPorts: boolean;
  /** Containers share the host's network stack. */
  hostStack: boolean;
  /** Whether `docker network connect` is allowed without --attachable (overlay needs it). */
  needsAttachable: boolean;
  /** The network's gateway is an address of the host itself (the bridge's docker0 side). */
  gatewayOnHost: boolean;
}

/** A host port in use on a node. */
export type HostPort = { hostIp: string; hostPort: number; proto: string };

/** What a driver's hooks may use: the node's shared pieces, never the controller itself. */
export interface DriverContext {
  /** The lab's seeded random source. */
  readonly rng: Rng;
  /** A new locally administered MAC address (02:42:...). */
  newMac(): string;
  /** The swarm's global networks (overlay allocates VXLAN ids among them). */
  swarmNetworks(): readonly NetworkState[];
  /** Host ports in use on this node, except those of `exclude`. */
  usedHostPorts(exclude?: ContainerState): HostPort[];
}

export interface Driver {
  /** Driver name as given to -d. */
  readonly name: string;
  /** What the driver can do. */
  readonly capability: Capability;
  /** Check driver options at network creation; return an error message or null. */
  validate(input: NetworkOptionInput): string | null;
  /** GetSkipGwAlloc: true when the network gets no gateway address (ipvlan L3 routes via the interface). */
  skipGateway?(input: { options: Record<string, string>; internal?: boolean }): boolean;
  /** Driver options shown in inspect for a new network (defaults merged with user options). */
  options(input: NetworkOptionInput): Record<string, string>;
  /** CreateNetwork: driver state of a network just built (not for config-only networks). */
  createNetwork(net: NetworkState, ctx: DriverContext): void;
  /** DeleteNetwork: release what createNetwork took. */
  deleteNetwork(net: NetworkState, ctx: DriverContext): void;
  /** Join: the endpoint's interface, once IPAM has given it its addresses (a MAC for drivers with one). */
  join(ep: EndpointState, net: NetworkState, ctx: DriverContext): void;
  /** Leave: undo join (the endpoint's addresses go back to IPAM afterwards). */
  leave(ep: EndpointState, net: NetworkState, ctx: DriverContext): void;
  /** ProgramExternalConnectivity: host ports for a container's published ports (drivers that publish ports). */
  mapPorts?(c: ContainerState, epName: string, epId: string, net: NetworkState, ctx: DriverContext): PortBinding[];
}

/** Hooks of a driver that keeps no state of its own (host, null): every one does nothing. */
export const STATELESS_HOOKS: Pick<Driver, 'createNetwork' | 'deleteNetwork' | 'join' | 'leave'> = {
  createNetwork: () => {},
  deleteNetwork: () => {},
  join: () => {},
  leave: () => {},
};

/** Hooks of a driver whose endpoints are interfaces with their own MAC (bridge, overlay, macvlan, ipvlan). */
export const INTERFACE_HOOKS: Pick<Driver, 'createNetwork' | 'deleteNetwork' | 'join' | 'leave'> = {
  ...STATELESS_HOOKS,
  join: (ep, _net, ctx) => {
    ep.mac = ep.macStatic ?? ctx.newMac();
  },
};

/** The registry the drivers add themselves to. */
export class DriverRegistry {
  private drivers = new Map<string, Driver>();
  /** Register a driver under its name. */
  register(d: Driver): void {
    this.drivers.set(d.name, d);
  }
  /** The driver of that name, or undefined. */
  get(name: string): Driver | undefined {
    return this.drivers.get(name);
  }
  /** All names. */
  names(): string[] {
    return [...this.drivers.keys()];
  }
}
