/**
 * Swarm mode: cluster membership (init/join/leave, join tokens), swarm-scoped networks (ingress,
 * user overlays) and services whose tasks are containers placed on nodes round-robin.
 * State lives in WorldState.swarm; the per-node work goes through each node's Controller.
 */
import type { Controller } from '../controller';
import { CnmError, ForbiddenError, InvalidParameterError, NotFoundError, SwarmRequiredError, WorkerNodeError } from '../errors';
import { allocate, release } from '../ipam';
import * as L from '../labels';
import { clearIngressSbox, setupIngressSbox } from '../gateway';
import type { NetworkState } from '../network';
import type { ServicePort, ServiceState, SwarmNodeState, SwarmState, TaskState } from './types';

export * from './types';

/** Everything swarm operations need from the lab: a controller per node. */
export interface Cluster {
  controllerFor(node: string): Controller | null;
}

const ALREADY = 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

function token(ctl: Controller, clusterPart: string): string {
  return `SWMTKN-1-${clusterPart}-${ctl.world.rng.alnum(25)}`;
}

/** The swarm a manager controller belongs to; throws Docker's errors otherwise. */
export function requireManager(ctl: Controller): SwarmState {
  const sw = ctl.world.state.swarm;
  if (!sw || !ctl.node.swarmNodeId) throw new SwarmRequiredError();
  if (!ctl.isManager()) throw new WorkerNodeError();
  return sw;
}

function gwbridge(ctl: Controller): void {
  if (ctl.node.networks.some((n) => n.name === 'docker_gwbridge')) return;
  ctl.createNetwork({
    name: 'docker_gwbridge',
    driver: 'bridge',
    options: {
      [L.BridgeEnableIcc]: 'false',
      [L.BridgeEnableIPMasquerade]: 'true',
      [L.BridgeName]: 'docker_gwbridge',
    },
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
}

/** docker swarm init */
export function swarmInit(ctl: Controller, advertiseAddr?: string, pools?: { addrPools?: string[]; subnetSize?: number }): SwarmNodeState {
  if (ctl.node.swarmNodeId) throw new CnmError('unavailable', ALREADY);
  if (ctl.world.state.swarm) {
    // another node already runs a swarm; this node starts a separate one is not modelled
    throw new CnmError('unavailable', 'a swarm already exists in this lab; join it with "docker swarm join"');
  }
  if (advertiseAddr !== undefined) {
    const a = advertiseAddr.replace(/:\d+$/, '');
    if (a !== ctl.node.addr && a !== 'eth0')
      throw new InvalidParameterError(
        `advertise address must be a non-zero IP address or network interface (with optional port number)`.replace(
          /.*/,
          /^\d+\.\d+\.\d+\.\d+$/.test(a)
            ? `must specify a listening address because the address to advertise is not recognized as a system address, and a system's IP address to use could not be uniquely identified`
            : `advertise address must be a non-zero IP address or network interface (with optional port number)`,
        ),
      );
  }
  const clusterPart = ctl.world.rng.alnum(50);
  const me: SwarmNodeState = { id: ctl.newSwarmId(), name: ctl.node.name, role: 'manager', leader: true, availability: 'active', addr: ctl.node.addr };
  const sw: SwarmState = {
    id: ctl.newSwarmId(),
    created: ctl.world.state.clock,
    workerToken: token(ctl, clusterPart),
    managerToken: token(ctl, clusterPart),
    nodes: [me],
    networks: [],
    services: [],
  };
  if (pools?.addrPools?.length) sw.addrPools = pools.addrPools;
  if (pools?.subnetSize !== undefined && pools.subnetSize !== 24) sw.subnetSize = pools.subnetSize;
  ctl.world.state.swarm = sw;
  ctl.node.swarmNodeId = me.id;
  ctl.createNetwork({
    name: 'ingress',
    driver: 'overlay',
    options: {},
    labels: {},
    ipamDriver: 'default',
    ipamOptions: {},
    ipam: [],
    internal: false,
    attachable: false,
    ingress: true,
    configOnly: false,
    configFrom: '',
    scope: '',
  });
  gwbridge(ctl);
  setupIngressSbox(ctl);
  return me;
}

/** docker swarm join --token T ADDR */
export function swarmJoin(ctl: Controller, tok: string, remote: string): SwarmNodeState {
  if (ctl.node.swarmNodeId) throw new CnmError('unavailable', ALREADY);
  const sw = ctl.world.state.swarm;
  const addr = remote.replace(/:\d+$/, '');
  const mgr = sw?.nodes.find((n) => n.addr === addr && n.role === 'manager');
  if (!sw || !mgr)
    throw new CnmError(
      'unavailable',
      'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.',
    );
  let role: SwarmNodeState['role'];
  if (tok === sw.workerToken) role = 'worker';
  else if (tok === sw.managerToken) role = 'manager';
  else throw new InvalidParameterError('rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster');
  const me: SwarmNodeState = { id: ctl.newSwarmId(), name: ctl.node.name, role, leader: false, availability: 'active', addr: ctl.node.addr };
  sw.nodes.push(me);
  ctl.node.swarmNodeId = me.id;
  gwbridge(ctl);
  setupIngressSbox(ctl);
  return me;
}

/** docker swarm leave [--force] */
export function swarmLeave(cluster: Cluster, ctl: Controller, force: boolean): void {
  const sw = ctl.world.state.swarm;
  if (!sw || !ctl.node.swarmNodeId) throw new CnmError('unavailable', 'This node is not part of a swarm');
  const me = sw.nodes.find((n) => n.id === ctl.node.swarmNodeId)!;
  const managers = sw.nodes.filter((n) => n.role === 'manager');
  if (me.role === 'manager' && !force) {
    if (managers.length === 1)
      throw new CnmError(
        'unavailable',
        'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.',
      );
    throw new CnmError(
      'unavailable',
      `You are attempting to leave the swarm on a node that is participating as a manager. Removing this node leaves ${managers.length - 1} managers out of ${managers.length}. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with \`--force-new-cluster\`. Use \`--force\` to suppress this message.`,
    );
  }
  // Tasks on this node go away; the services reschedule them elsewhere.
  for (const s of sw.services) for (const t of [...s.tasks]) if (t.node === ctl.node.name) removeTask(cluster, s, t);
  sw.nodes.splice(sw.nodes.indexOf(me), 1);
  clearIngressSbox(ctl);
  delete ctl.node.swarmNodeId;
  if (!sw.nodes.some((n) => n.role === 'manager')) {
    // Last manager gone: the cluster state is erased.
    for (const s of sw.services) for (const t of [...s.tasks]) removeTask(cluster, s, t);
    for (const n of sw.nodes) {
      const c = cluster.controllerFor(n.name);
      if (c) clearIngressSbox(c);
      if (c) delete c.node.swarmNodeId;
    }
    ctl.world.state.swarm = null;
    return;
  }
  if (me.leader) sw.nodes.find((n) => n.role === 'manager')!.leader = true;
  for (const s of sw.services) reconcile(cluster, sw, s);
}

export function promote(sw: SwarmState, ref: string, role: 'manager' | 'worker'): SwarmNodeState {
  const n = findNode(sw, ref);
  if (role === 'worker' && n.leader && sw.nodes.filter((x) => x.role === 'manager').length === 1)
    throw new CnmError('unavailable', 'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm');
  n.role = role;
  if (role === 'worker') n.leader = false;
  return n;
}

export function findNode(sw: SwarmState, ref: string): SwarmNodeState {
  const exact = sw.nodes.find((n) => n.id === ref || n.name === ref);
  if (exact) return exact;
  const p = sw.nodes.filter((n) => n.id.startsWith(ref));
  if (p.length === 1) return p[0];
  if (p.length > 1) throw new InvalidParameterError(`node ${ref} is ambiguous (${p.length} matches found)`);
  throw new NotFoundError(`node ${ref} not found`);
}

export function findService(sw: SwarmState, ref: string): ServiceState {
  const exact = sw.services.find((s) => s.id === ref || s.name === ref);
  if (exact) return exact;
  const p = sw.services.filter((s) => s.id.startsWith(ref));
  if (p.length === 1) return p[0];
  if (p.length > 1) throw new InvalidParameterError(`service ${ref} is ambiguous (${p.length} matches found)`);
  throw new NotFoundError(`service ${ref} not found`);
}

export interface ServiceInput {
  name?: string;
  image: string;
  args: string[];
  mode: 'replicated' | 'global';
  replicas: number;
  networks: { ref: string; aliases: string[] }[];
  ports: ServicePort[];
  endpointMode: 'vip' | 'dnsrr';
  env: string[];
  labels: Record<string, string>;
  constraints: string[];
}

function ingressNet(sw: SwarmState): NetworkState | undefined {
  return sw.networks.find((n) => n.ingress);
}

/** Resolve service networks to swarm-scoped networks (by name, id or id prefix). */
export function resolveServiceNetworks(ctl: Controller, sw: SwarmState, nets: ServiceInput['networks']): { target: string; aliases: string[] }[] {
  const out: { target: string; aliases: string[] }[] = [];
  for (const n of nets) {
    const local = ctl.node.networks.find((x) => x.name === n.ref || x.id === n.ref);
    const g = sw.networks.find((x) => x.name === n.ref || x.id === n.ref) ?? (sw.networks.filter((x) => x.id.startsWith(n.ref)).length === 1 ? sw.networks.find((x) => x.id.startsWith(n.ref)) : undefined);
    if (!g) {
      if (local)
        throw new InvalidParameterError(
          `The network ${n.ref} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`,
        );
      throw new NotFoundError(`network ${n.ref} not found`);
    }
    if (g.ingress) throw new InvalidParameterError('rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network "ingress"');
    if (!out.some((o) => o.target === g.id)) out.push({ target: g.id, aliases: n.aliases });
  }
  return out;
}

/** Check ports against other services' ingress ports and the endpoint mode. */
export function validatePorts(sw: SwarmState, ports: ServicePort[], endpointMode: string, self?: ServiceState): void {
  for (const p of ports) {
    if (p.publishMode === 'ingress' && endpointMode === 'dnsrr' && p.publishedPort)
      throw new InvalidParameterError('rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can\'t be used with dnsrr mode');
    for (const s of sw.services) {
      if (s === self) continue;
      // swarmkit controlapi checkPortConflicts: an ingress port is exclusive in either mode; a
      // host-mode port only clashes with a new ingress port (host ports may be shared).
      if (!p.publishedPort) continue;
      for (const q of s.ports) {
        if (q.publishedPort !== p.publishedPort || q.protocol !== p.protocol) continue;
        if (q.publishMode === 'ingress')
          throw new InvalidParameterError(
            `rpc error: code = InvalidArgument desc = port '${p.publishedPort}' is already in use by service '${s.name}' (${s.id}) as an ingress port`,
          );
        if (p.publishMode === 'ingress')
          throw new InvalidParameterError(
            `rpc error: code = InvalidArgument desc = port '${p.publishedPort}' is already in use by service '${s.name}' (${s.id}) as a host-published port`,
          );
      }
    }
  }
  const seen = new Set<string>();
  for (const p of ports) {
    const k = `${p.publishedPort}/${p.protocol}`;
    if (p.publishedPort && seen.has(k))
      throw new InvalidParameterError(`rpc error: code = InvalidArgument desc = EndpointSpec: duplicate published ports provided`);
    seen.add(k);
  }
}

/** Give ports without a published port one from the swarm's range 30000-32767. */
function assignPublished(sw: SwarmState, ports: ServicePort[]): void {
  const used = new Set(sw.services.flatMap((s) => s.ports.map((p) => p.publishedPort)));
  let next = 30000;
  for (const p of ports) {
    if (p.publishedPort || p.publishMode !== 'ingress') continue;
    while (used.has(next)) next++;
    p.publishedPort = next;
    used.add(next);
  }
}

function allocVips(sw: SwarmState, s: ServiceState): void {
  for (const [nid, ip] of Object.entries(s.vips)) {
    const n = sw.networks.find((x) => x.id === nid);
    if (n) for (const p of n.pools) release(p, ip);
  }
  s.vips = {};
  const targets = s.networks.map((n) => n.target);
  const ing = ingressNet(sw);
  if (ing && s.ports.some((p) => p.publishMode === 'ingress')) targets.unshift(ing.id);
  for (const nid of targets) {
    if (s.endpointMode !== 'vip' && nid !== ing?.id) continue;
    const n = sw.networks.find((x) => x.id === nid);
    const ip = n && n.pools[0] ? allocate(n.pools[0]) : null;
    if (ip) s.vips[nid] = ip;
  }
}

/** docker service create */
export function createService(cluster: Cluster, ctl: Controller, input: ServiceInput): ServiceState {
  const sw = requireManager(ctl);
  const name = input.name ?? `${['admiring', 'brave', 'eager', 'jolly'][ctl.world.rng.int(0, 3)]}_${['curie', 'hopper', 'turing', 'lovelace'][ctl.world.rng.int(0, 3)]}`;
  if (sw.services.some((s) => s.name === name))
    throw new CnmError('conflict', `rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${name} already exists`);
  const networks = resolveServiceNetworks(ctl, sw, input.networks);
  validatePorts(sw, input.ports, input.endpointMode);
  const ports = input.ports.map((p) => ({ ...p }));
  assignPublished(sw, ports);
  const s: ServiceState = {
    id: ctl.newSwarmId(),
    name,
    image: input.image,
    mode: input.mode,
    replicas: input.mode === 'global' ? 0 : input.replicas,
    networks,
    ports,
    endpointMode: input.endpointMode,
    vips: {},
    tasks: [],
    env: input.env,
    labels: input.labels,
    constraints: input.constraints,
    args: input.args,
    created: ctl.world.state.clock,
    updated: ctl.world.state.clock,
    version: 1,
    nextSlot: 1,
  };
  sw.services.push(s);
  allocVips(sw, s);
  reconcile(cluster, sw, s);
  return s;
}

/** Bring a service's tasks to its desired count, placing new ones on the least loaded node. */
export function reconcile(cluster: Cluster, sw: SwarmState, s: ServiceState): void {
  const eligible = sw.nodes.filter((n) => n.availability === 'active' && constraintOk(n, s.constraints));
  if (s.mode === 'global') {
    for (const n of eligible) if (!s.tasks.some((t) => t.node === n.name)) startTask(cluster, sw, s, n.name, s.nextSlot++);
    for (const t of [...s.tasks]) if (!eligible.some((n) => n.name === t.node)) removeTask(cluster, s, t);
    return;
  }
  while (s.tasks.length > s.replicas) removeTask(cluster, s, s.tasks.reduce((a, b) => (b.slot > a.slot ? b : a)));
  const slotsInUse = new Set(s.tasks.map((t) => t.slot));
  let slot = 1;
  while (s.tasks.length < s.replicas && eligible.length) {
    while (slotsInUse.has(slot)) slot++;
    // least tasks of this service first, then node order (round robin)
    const hostPorts = s.ports.filter((p) => p.publishMode === 'host');
    const candidates = eligible.filter((n) => !hostPorts.length || !s.tasks.some((t) => t.node === n.name));
    if (!candidates.length) break;
    const count = (n: string) => s.tasks.filter((t) => t.node === n).length;
    const order = [...candidates].sort((a, b) => count(a.name) - count(b.name) || eligible.indexOf(a) - eligible.indexOf(b));
    startTask(cluster, sw, s, order[0].name, slot);
    slotsInUse.add(slot);
  }
}

function constraintOk(n: SwarmNodeState, constraints: string[]): boolean {
  return constraints.every((c) => {
    const m = /^\s*node\.(role|hostname|id)\s*(==|!=)\s*(\S+)\s*$/.exec(c);
    if (!m) return true;
    const v = m[1] === 'role' ? n.role : m[1] === 'hostname' ? n.name : n.id;
    return m[2] === '==' ? v === m[3] : v !== m[3];
  });
}

function startTask(cluster: Cluster, sw: SwarmState, s: ServiceState, nodeName: string, slot: number): void {
  const ctl = cluster.controllerFor(nodeName);
  if (!ctl) return;
  const taskId = ctl.newSwarmId();
  const ing = ingressNet(sw);
  const netIds = [...(ing && s.ports.some((p) => p.publishMode === 'ingress') ? [ing.id] : []), ...s.networks.map((n) => n.target)];
  const c = ctl.createContainer({
    name: `${s.name}.${slot}.${taskId}`,
    image: s.image,
    cmd: s.args,
    autoRemove: false,
    interactive: false,
    tty: false,
    env: s.env,
    labels: { 'com.docker.swarm.service.name': s.name, 'com.docker.swarm.task.name': `${s.name}.${slot}.${taskId}` },
    networks: netIds,
    endpoint: {},
    dns: [],
    dnsSearch: [],
    dnsOptions: [],
    extraHosts: [],
    links: [],
    ports: [],
    publishAll: false,
    expose: [],
    task: { serviceId: s.id, slot, taskId },
    hostname: undefined,
  });
  for (const e of c.endpoints) {
    const alias = s.networks.find((n) => n.target === e.networkId);
    if (alias) e.aliases = [...alias.aliases];
  }
  ctl.startContainer(c);
  c.ports = s.ports
    .filter((p) => p.publishMode === 'host')
    .flatMap((p) => [{ hostIp: '0.0.0.0', hostPort: p.publishedPort, containerPort: p.targetPort, proto: p.protocol }]);
  const addrs: Record<string, string> = {};
  for (const e of c.endpoints) if (e.ipv4) addrs[e.networkId] = e.ipv4;
  const t: TaskState = { id: taskId, slot, node: nodeName, containerId: c.id, desired: 'running', state: 'running', created: ctl.world.state.clock, addrs };
  s.tasks.push(t);
}

function removeTask(cluster: Cluster, s: ServiceState, t: TaskState): void {
  const ctl = cluster.controllerFor(t.node);
  const c = ctl?.node.containers.find((x) => x.id === t.containerId);
  if (ctl && c) ctl.removeContainer(c.id, true);
  s.tasks.splice(s.tasks.indexOf(t), 1);
}

/** docker service rm */
export function removeService(cluster: Cluster, sw: SwarmState, s: ServiceState): void {
  for (const t of [...s.tasks]) removeTask(cluster, s, t);
  for (const [nid, ip] of Object.entries(s.vips)) {
    const n = sw.networks.find((x) => x.id === nid);
    if (n) for (const p of n.pools) release(p, ip);
  }
  sw.services.splice(sw.services.indexOf(s), 1);
}

export interface ServiceUpdate {
  replicas?: number;
  image?: string;
  args?: string[];
  portsAdd: ServicePort[];
  /** --publish-rm: removed by target port, protocol and mode (docker/cli service/update.go updatePorts) */
  portsRm: ServicePort[];
  networksAdd: { ref: string; aliases: string[] }[];
  networksRm: string[];
  endpointMode?: 'vip' | 'dnsrr';
  envAdd: string[];
  envRm: string[];
  labelsAdd: Record<string, string>;
  labelsRm: string[];
  constraintsAdd: string[];
  constraintsRm: string[];
  force: boolean;
}

/** docker service update / scale: validate everything, then apply and reconcile. */
export function updateService(cluster: Cluster, ctl: Controller, s: ServiceState, u: ServiceUpdate): void {
  const sw = requireManager(ctl);
  if (u.replicas !== undefined && s.mode === 'global')
    throw new InvalidParameterError(`${s.name}: scale can only be used with replicated or replicated-job mode`);
  const addNets = resolveServiceNetworks(ctl, sw, u.networksAdd);
  const rmNets: string[] = u.networksRm.map((r) => {
    const g = sw.networks.find((x) => x.name === r || x.id === r || x.id.startsWith(r));
    if (!g) throw new NotFoundError(`network ${r} not found`);
    return g.id;
  });
  let ports = s.ports.filter((p) => !u.portsRm.some((r) => r.targetPort === p.targetPort && r.protocol === p.protocol && r.publishMode === p.publishMode));
  ports = [...ports.filter((p) => !u.portsAdd.some((a) => a.publishedPort === p.publishedPort && a.protocol === p.protocol)), ...u.portsAdd.map((p) => ({ ...p }))];
  const mode = u.endpointMode ?? s.endpointMode;
  validatePorts(sw, ports, mode, s);
  // apply
  const netsChanged = addNets.length > 0 || rmNets.length > 0 || mode !== s.endpointMode || JSON.stringify(ports) !== JSON.stringify(s.ports);
  const specChanged = netsChanged || u.image !== undefined || u.args !== undefined || u.envAdd.length > 0 || u.envRm.length > 0 || u.force || u.constraintsAdd.length > 0 || u.constraintsRm.length > 0;
  if (u.replicas !== undefined) s.replicas = u.replicas;
  if (u.image) s.image = u.image;
  if (u.args) s.args = u.args;
  s.networks = [...s.networks.filter((n) => !rmNets.includes(n.target)), ...addNets.filter((a) => !s.networks.some((n) => n.target === a.target))];
  s.endpointMode = mode;
  assignPublished(sw, ports);
  s.ports = ports;
  s.env = [...s.env.filter((e) => !u.envRm.includes(e.split('=')[0])), ...u.envAdd];
  for (const k of u.labelsRm) delete s.labels[k];
  Object.assign(s.labels, u.labelsAdd);
  s.constraints = [...s.constraints.filter((c) => !u.constraintsRm.includes(c)), ...u.constraintsAdd];
  s.version++;
  s.updated = ctl.world.state.clock;
  if (netsChanged) allocVips(sw, s);
  if (specChanged) for (const t of [...s.tasks]) removeTask(cluster, s, t);
  reconcile(cluster, sw, s);
}

export { ForbiddenError };
