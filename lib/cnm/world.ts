/**
 * World: everything a lab holds — the nodes (one Controller each), the swarm cluster, the seeded
 * generator and the lab clock. Plain data in `state`, so serialize() is JSON.stringify.
 */
import { Rng } from './rng';
import type { NetworkState } from './network';
import type { ContainerState } from './sandbox';
import type { SwarmState } from './swarm/types';
import type { EventRecord } from './events';
import type { SystemEndpoint } from './gateway';

export interface NodeState {
  name: string;
  addr: string;
  networks: NetworkState[];
  containers: ContainerState[];
  /** swarm membership of this node (mirrors an entry of swarm.nodes) */
  swarmNodeId?: string;
  /** the routing mesh's sandbox on a swarm node: its ingress and docker_gwbridge endpoints */
  ingressSbox?: { ingress: SystemEndpoint; gw: SystemEndpoint | null };
  /** images this node holds, "repo:tag" in pull order (lib/cnm/images.ts); absent in labs saved before */
  images?: string[];
}

export interface WorldState {
  v: 1;
  seed: number;
  rng: number;
  /** lab clock, seconds since the Unix epoch; advances by one per command */
  clock: number;
  nodes: NodeState[];
  swarm: SwarmState | null;
}

/** 2026-11-28T09:00:00Z: a fixed start so output is reproducible. */
export const LAB_EPOCH = 1795856400;

export function nodeAddress(index: number): string {
  return `10.0.0.${11 + index}`;
}

/** A fresh world: each node gets the predefined bridge, host and none networks. */
export function newWorldState(nodes: string[], seed: number): WorldState {
  return {
    v: 1,
    seed,
    rng: seed >>> 0,
    clock: LAB_EPOCH,
    nodes: nodes.map((name, i) => ({ name, addr: nodeAddress(i), networks: [], containers: [] })),
    swarm: null,
  };
}

export class World {
  readonly rng: Rng;
  /** each daemon's in-memory event buffer (not serialized, as dockerd's is not persisted) */
  private readonly events = new Map<NodeState, EventRecord[]>();
  constructor(readonly state: WorldState) {
    this.rng = new Rng(state.rng);
  }
  /** Persist the generator's position into state (call before serializing). */
  sync(): WorldState {
    this.state.rng = this.rng.state;
    return this.state;
  }
  node(name: string): NodeState | undefined {
    return this.state.nodes.find((n) => n.name === name);
  }
  nodeByAddr(addr: string): NodeState | undefined {
    return this.state.nodes.find((n) => n.addr === addr);
  }
  /** A node daemon's buffer of past events, oldest first (lib/cnm/events.ts). */
  eventsOf(node: NodeState): EventRecord[] {
    let b = this.events.get(node);
    if (!b) this.events.set(node, (b = []));
    return b;
  }
  tick(seconds = 1): void {
    this.state.clock += seconds;
  }
}
