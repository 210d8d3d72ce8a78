/**
 * Engine: the simulator's public face. One engine is a lab of named nodes, each running a daemon
 * (a Controller: networks, endpoints, containers) that share one swarm cluster, one seeded
 * generator and one clock. Front ends (the docker CLI, the checker, the lab diagram) read and drive
 * the engine only through this object and the types lib/cnm/index.ts exports, the way docker/cli
 * drives dockerd through its API client.
 *
 * State is plain data (`state`), so serialize() is JSON and restoreEngine() brings it back.
 */
import { Controller } from './controller';
import { containerInspect, networkInspect } from './inspect';
import { nodeInspect, serviceInspect } from './swarm/inspect';
import {
  createService,
  findNode,
  findService,
  promote,
  removeService,
  requireManager,
  swarmInit,
  swarmJoin,
  swarmLeave,
  updateService,
  type Cluster,
  type ServiceInput,
  type ServiceState,
  type ServiceUpdate,
  type SwarmNodeState,
  type SwarmState,
} from './swarm';
import { buildView, type EngineView } from './view';
import { World, newWorldState, type NodeState, type WorldState } from './world';
import type { NetworkState } from './network';
import type { ContainerState } from './sandbox';

/**
 * The seed every front end uses unless told otherwise: the live lab, the transcript mode
 * (`npm run sim`) and the checker (`check`, `npm run sim -- check`). Same seed, same IDs, tokens
 * and addresses, so a value copied from one is valid in the others.
 */
export const DEFAULT_SEED = 1;

export interface EngineOptions {
  /** node names in order (addresses 10.0.0.11, .12, ...); default ["host"] */
  nodes?: string[];
  /** generator seed; default DEFAULT_SEED */
  seed?: number;
}

/** What an ID, ID prefix or name refers to in the engine (for comparing references). */
export interface ObjectRef {
  kind: 'network' | 'container' | 'endpoint' | 'service' | 'node' | 'task' | 'swarm';
  id: string;
  name: string;
}

export class Engine implements Cluster {
  readonly world: World;
  private readonly daemons = new Map<string, Controller>();

  constructor(state: WorldState) {
    this.world = new World(state);
    for (const n of state.nodes) {
      const c = new Controller(this.world, n);
      c.bootstrap();
      this.daemons.set(n.name, c);
    }
  }

  // ---------------------------------------------------------------- lab
  /** Node names in order. */
  get nodes(): string[] {
    return this.world.state.nodes.map((n) => n.name);
  }
  /** The whole state (plain data). Read it; change it only through the methods. */
  get state(): WorldState {
    return this.world.state;
  }
  /** The lab clock, seconds since the Unix epoch. */
  get clock(): number {
    return this.world.state.clock;
  }
  /** Advance the clock (one second per command). */
  tick(seconds = 1): void {
    this.world.tick(seconds);
  }
  node(name: string): NodeState | undefined {
    return this.world.node(name);
  }
  /** The daemon of a node: networks, endpoints, containers (null for an unknown node). */
  daemon(node: string): Controller | null {
    return this.daemons.get(node) ?? null;
  }
  /** Same as daemon(): what swarm operations need to reach every node. */
  controllerFor(node: string): Controller | null {
    return this.daemons.get(node) ?? null;
  }
  /** The engine as a JSON string; restoreEngine() brings it back. */
  serialize(): string {
    return JSON.stringify(this.world.sync());
  }
  /** A JSON picture of every node, network, container and service (for diagrams). */
  view(): EngineView {
    return buildView(this);
  }

  // ---------------------------------------------------------------- reads
  /** Networks a node sees (local first, then swarm-scoped). */
  networks(node: string): NetworkState[] {
    return this.need(node).networks();
  }
  /** Containers on a node, service tasks included. */
  containers(node: string): ContainerState[] {
    return this.need(node).node.containers;
  }
  swarm(): SwarmState | null {
    return this.world.state.swarm;
  }
  services(): ServiceState[] {
    return this.world.state.swarm?.services ?? [];
  }
  swarmNodes(): SwarmNodeState[] {
    return this.world.state.swarm?.nodes ?? [];
  }

  // ---------------------------------------------------------------- inspect views
  /** `docker network inspect` object. @throws NetworkNotFoundError | AmbiguousError */
  inspectNetwork(node: string, ref: string | NetworkState, verbose = false): Record<string, unknown> {
    const d = this.need(node);
    return networkInspect(d, typeof ref === 'string' ? d.findNetwork(ref) : ref, verbose);
  }
  /** `docker container inspect` object. @throws ContainerNotFoundError */
  inspectContainer(node: string, ref: string | ContainerState): Record<string, unknown> {
    const d = this.need(node);
    return containerInspect(d, typeof ref === 'string' ? d.findContainer(ref) : ref);
  }
  /** `docker service inspect` object, or null. */
  inspectService(node: string, ref: string): Record<string, unknown> | null {
    return serviceInspect(this.need(node), ref);
  }
  /** `docker node inspect` object, or null. */
  inspectNode(node: string, ref: string): Record<string, unknown> | null {
    return nodeInspect(this.need(node), ref);
  }

  // ---------------------------------------------------------------- swarm
  /** The swarm seen from a manager node. @throws SwarmRequiredError | WorkerNodeError */
  managerSwarm(node: string): SwarmState {
    return requireManager(this.need(node));
  }
  swarmInit(node: string, advertiseAddr?: string, pools?: { addrPools?: string[]; subnetSize?: number }): SwarmNodeState {
    return swarmInit(this.need(node), advertiseAddr, pools);
  }
  swarmJoin(node: string, token: string, remote: string): SwarmNodeState {
    return swarmJoin(this.need(node), token, remote);
  }
  /** docker swarm join-token --rotate: a new token of that role (the old one stops working). */
  rotateJoinToken(node: string, role: 'worker' | 'manager'): string {
    const sw = this.managerSwarm(node);
    const old = role === 'worker' ? sw.workerToken : sw.managerToken;
    const t = `${old.split('-').slice(0, 3).join('-')}-${this.world.rng.alnum(25)}`;
    if (role === 'worker') sw.workerToken = t;
    else sw.managerToken = t;
    return t;
  }
  swarmLeave(node: string, force: boolean): void {
    swarmLeave(this, this.need(node), force);
  }
  /** docker node promote|demote|update --role. @throws NotFoundError | InvalidParameterError */
  setNodeRole(node: string, ref: string, role: 'manager' | 'worker'): SwarmNodeState {
    return promote(this.managerSwarm(node), ref, role);
  }
  findSwarmNode(node: string, ref: string): SwarmNodeState {
    return findNode(this.managerSwarm(node), ref);
  }
  findService(node: string, ref: string): ServiceState {
    return findService(this.managerSwarm(node), ref);
  }
  createService(node: string, input: ServiceInput): ServiceState {
    return createService(this, this.need(node), input);
  }
  updateService(node: string, ref: string | ServiceState, u: ServiceUpdate): void {
    const s = typeof ref === 'string' ? this.findService(node, ref) : ref;
    updateService(this, this.need(node), s, u);
  }
  removeService(node: string, ref: string): void {
    const sw = this.managerSwarm(node);
    removeService(this, sw, findService(sw, ref));
  }

  // ---------------------------------------------------------------- references
  /**
   * What a reference names: a full ID, a unique ID prefix (at least 4 characters) or a name of a
   * network, container, endpoint, service, swarm node, task, or a join token. null when it names
   * nothing or more than one object. Used to compare IDs by referent.
   */
  referent(ref: string): ObjectRef | null {
    const r = ref.trim();
    if (!r) return null;
    const all = this.objects();
    const exact = all.filter((o) => o.id === r);
    if (exact.length) return exact[0];
    const named = all.filter((o) => o.name === r && o.kind !== 'endpoint' && o.kind !== 'task');
    if (named.length === 1) return named[0];
    if (r.length >= 4 && /^[0-9a-z]+$/.test(r)) {
      const pre = all.filter((o) => o.id.startsWith(r));
      if (pre.length === 1) return pre[0];
    }
    return null;
  }

  /** Every identifiable object of the engine, once each. */
  objects(): ObjectRef[] {
    const out: ObjectRef[] = [];
    const seen = new Set<string>();
    const add = (o: ObjectRef) => {
      if (!seen.has(o.kind + o.id)) {
        seen.add(o.kind + o.id);
        out.push(o);
      }
    };
    for (const d of this.daemons.values()) {
      for (const n of d.networks()) add({ kind: 'network', id: n.id, name: n.name });
      for (const c of d.node.containers) {
        add({ kind: 'container', id: c.id, name: c.name });
        for (const e of c.endpoints) if (e.id) add({ kind: 'endpoint', id: e.id, name: `${c.name} on ${e.networkName}` });
      }
    }
    const sw = this.world.state.swarm;
    if (sw) {
      add({ kind: 'swarm', id: sw.id, name: 'swarm' });
      add({ kind: 'swarm', id: sw.workerToken, name: 'worker join token' });
      add({ kind: 'swarm', id: sw.managerToken, name: 'manager join token' });
      for (const n of sw.nodes) add({ kind: 'node', id: n.id, name: n.name });
      for (const s of sw.services) {
        add({ kind: 'service', id: s.id, name: s.name });
        for (const t of s.tasks) add({ kind: 'task', id: t.id, name: `${s.name}.${t.slot}` });
      }
    }
    return out;
  }

  private need(node: string): Controller {
    const d = this.daemons.get(node);
    if (!d) throw new Error(`unknown node: ${node}`);
    return d;
  }
}

/** A new engine: every node starts with the predefined bridge, host and none networks. */
export function createEngine(opts: EngineOptions = {}): Engine {
  const names = [...new Set((opts.nodes ?? []).map((n) => String(n).trim()).filter(Boolean))];
  return new Engine(newWorldState(names.length ? names : ['host'], opts.seed ?? DEFAULT_SEED));
}

/** Rebuild an engine from serialize()'s output. @throws Error on malformed input */
export function restoreEngine(s: string): Engine {
  const state = JSON.parse(s) as WorldState;
  if (!state || state.v !== 1 || !Array.isArray(state.nodes)) throw new Error('not a serialized lab');
  return new Engine(state);
}
