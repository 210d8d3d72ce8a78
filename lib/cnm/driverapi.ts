/**
 * Driver contract. A driver declares its scope and capabilities; the controller never branches
 * on driver names, only on these.
 */
import type { NetworkOptionInput } from './network';

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
}

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
