/**
 * Sandbox: a container and its network namespace (endpoints, hostname, DNS settings, published
 * ports). Containers without their own namespace (`--network host|container:X`) share another one.
 */
import type { LogEntry } from './logs';
import { clearDefaultGw, updateDefaultGw, type SystemEndpoint } from './gateway';
import {
  ConflictError,
  ContainerNameConflictError,
  ContainerNotFoundError,
  CnmError,
  ForbiddenError,
  ImageNotFoundError,
  InvalidParameterError,
  NetworkNotFoundError,
  UnavailableError,
} from './errors';
import type { EndpointState } from './endpoint';
import { findImage, keepImage } from './images';
import { startLog, stopLog } from './logs';
import type { Controller, ContainerInput, EndpointInput } from './controller';
import { CONFIG_ONLY_ENDPOINT, endpointConfig, joinEndpoint, leaveEndpoint, validateEndpoint } from './endpoint';

export type ContainerId = string & { readonly __brand: 'ContainerId' };

export type PortProto = 'tcp' | 'udp' | 'sctp';
/** A requested -p binding. hostPort '' means ephemeral. */
export interface PortSpec {
  hostIp: string;
  hostPort: string;
  containerPort: number;
  proto: PortProto;
}
/** An actual binding while running. */
export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  proto: PortProto;
}

export type ContainerStatus = 'created' | 'running' | 'exited';

export interface ContainerState {
  id: ContainerId;
  name: string;
  image: string;
  cmd: string[];
  entrypoint: string[];
  created: number;
  status: ContainerStatus;
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  restarts: number;
  hostname: string;
  domainname: string;
  autoRemove: boolean;
  interactive: boolean;
  tty: boolean;
  env: string[];
  labels: Record<string, string>;
  /** HostConfig.NetworkMode: bridge | host | none | container:<id> | <network name> */
  networkMode: string;
  endpoints: EndpointState[];
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  /** legacy --link on run: "name:alias" */
  links: string[];
  portSpecs: PortSpec[];
  publishAll: boolean;
  exposed: string[];
  ports: PortBinding[];
  /** docker pause: the process is frozen (State.Status "paused", still Running); absent = not paused */
  paused?: boolean;
  /** set when created by a swarm service */
  task?: { serviceId: string; slot: number; taskId: string };
  /** while running with no gateway of its own (overlay only): its docker_gwbridge endpoint (lib/cnm/gateway.ts) */
  gw?: SystemEndpoint;
  /** what the process wrote (lib/cnm/logs.ts); labs saved before entries had times hold strings */
  logs: LogEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Implementation: container lifecycle (create, start, stop, kill, remove) and connect/disconnect.

/** Docker's random names are adjective_surname; a small deterministic list. */
export function randomName(ctrl: Controller): string {
  const adj = ['admiring', 'brave', 'clever', 'dreamy', 'eager', 'focused', 'gifted', 'happy', 'jolly', 'keen', 'lucid', 'modest', 'nifty', 'quirky', 'serene', 'vibrant', 'wizardly', 'zealous'];
  const sur = ['babbage', 'curie', 'darwin', 'einstein', 'feynman', 'galileo', 'hopper', 'kepler', 'lovelace', 'newton', 'pasteur', 'ritchie', 'shannon', 'tesla', 'turing', 'wozniak'];
  for (;;) {
    const n = `${adj[ctrl.world.rng.int(0, adj.length - 1)]}_${sur[ctrl.world.rng.int(0, sur.length - 1)]}`;
    if (!ctrl.node.containers.some((c) => c.name === n)) return n;
  }
}

/** Create a container (docker create). Nothing is allocated until start. */
export function createContainer(ctrl: Controller, input: ContainerInput): ContainerState {
  const img = findImage(input.image);
  if (!img) throw new ImageNotFoundError(input.image.replace(/:latest$/, '').split(':')[0]);
  keepImage(ctrl.node, input.image);
  const name = input.name ?? randomName(ctrl);
  if (input.name !== undefined) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(input.name))
      throw new InvalidParameterError(`Invalid container name (${input.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const other = ctrl.node.containers.find((c) => c.name === input.name);
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
    const other = ctrl.findContainer(mode.slice('container:'.length));
    mode = `container:${other.id}`;
  } else {
    if (mode === 'default') mode = 'bridge';
    const seen = new Set<string>();
    for (let i = 0; i < nets.length; i++) {
      const ref = nets[i] === 'default' ? 'bridge' : nets[i];
      const n = (input.task && ctrl.world.state.swarm?.networks.find((x) => x.id === ref)) || ctrl.findNetworkForAttach(ref);
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      const d = ctrl.driverOf(n)!;
      if (nets.length > 1 && d.capability.exclusive) {
        throw new InvalidParameterError(
          d.capability.hostStack
            ? 'container sharing network namespace with another container or host cannot be connected to any other network'
            : 'container cannot be connected to multiple networks with one of the networks in private (none) mode',
        );
      }
      if (ctrl.isGlobal(n) && !n.attachable && !input.task)
        throw new ForbiddenError(`Could not attach to network ${ref}: rpc error: code = PermissionDenied desc = network ${ref} not manually attachable`);
      const epIn = i === 0 ? input.endpoint : {};
      validateEndpoint(ctrl, n, epIn);
      if (d.capability.hostStack && (input.links.length)) throw new InvalidParameterError("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
      endpoints.push(endpointConfig(ctrl, n, epIn));
    }
    if (!input.networks.length) mode = 'bridge';
  }
  // Legacy links must name existing containers.
  for (const l of input.links) {
    const [target] = l.split(':');
    const t = ctrl.tryContainer(target);
    if (!t) throw new InvalidParameterError(`could not get container for ${target}`);
  }
  const c: ContainerState = {
    id: ctrl.newId() as ContainerId,
    name,
    image: input.image,
    cmd: input.cmd.length ? input.cmd : img.cmd,
    entrypoint: input.entrypoint ?? img.entrypoint,
    created: ctrl.world.state.clock,
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
  c.hostname = input.hostname ?? (mode === 'host' ? ctrl.node.name : c.id.slice(0, 12));
  ctrl.node.containers.push(c);
  ctrl.containerEvent(c, 'create');
  return c;
}

/** Whether the command keeps the container alive (a server or an interactive shell). */
export function longRunning(c: ContainerState): boolean {
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
  // a count ends ping: `-c 1` or `-c1` (as lib/cli/exec's ping reads it)
  if (first === 'ping') return !cmd.slice(1).some((a) => /^-c\d*$/.test(a));
  if (img && img.daemon && !cmd.length) return true;
  return false;
}

/**
 * Start a container: join its endpoints (addresses, MACs), then publish ports. Atomic: on any
 * failure every allocation is rolled back.
 */
export function startContainer(ctrl: Controller, c: ContainerState): void {
  if (c.status === 'running') return;
  if (c.networkMode.startsWith('container:')) {
    const other = ctrl.node.containers.find((x) => x.id === c.networkMode.slice(10));
    if (!other) throw new NotFoundErrorPlain(`No such container: ${c.networkMode.slice(10)}`);
    if (other.status !== 'running')
      throw new ConflictError(`cannot join network namespace of a non running container: container ${other.name} is ${other.status}`);
  }
  const rollbacks: (() => void)[] = [];
  try {
    // daemon setupLinkedContainers (createSpec): only a container on the default bridge gets
    // legacy links, and every child must be running and on the default bridge too.
    const onDefault = (x: ContainerState) => x.endpoints.some((e) => ctrl.netOf(e)?.predefined && e.networkName === 'bridge');
    if (onDefault(c))
      for (const l of c.links) {
        const t = ctrl.tryContainer(l.split(':')[0]);
        if (!t || t.status !== 'running') throw new InvalidParameterError(`Cannot link to a non running container: /${l.split(':')[0]} AS /${c.name}/${l.split(':')[1]}`);
        if (!onDefault(t)) throw new UnavailableError(`container ${t.id} not attached to default bridge network`);
      }
    for (const e of c.endpoints) {
      if (ctrl.netOf(e)?.configOnly) throw new ForbiddenError(`failed to set up container networking: ${CONFIG_ONLY_ENDPOINT}`);
      rollbacks.push(joinEndpoint(ctrl, e));
    }
    const pub = ctrl.publishingNetwork(c);
    if (pub) {
      const e = c.endpoints.find((x) => x.networkId === pub.id)!;
      c.ports = ctrl.driverOf(pub)!.mapPorts!(c, c.name, e.id!, pub, ctrl.driverContext());
    } else c.ports = [];
  } catch (err) {
    for (const r of rollbacks.reverse()) r();
    c.ports = [];
    throw err;
  }
  c.status = 'running';
  c.startedAt = ctrl.world.state.clock;
  c.exitCode = 0;
  for (const e of c.endpoints) {
    const n = e.id ? ctrl.netOf(e) : null;
    if (n) ctrl.networkEvent(n, 'connect', c.id);
  }
  updateDefaultGw(ctrl, c);
  ctrl.containerEvent(c, 'start');
  startLog(c, c.startedAt);
  if (!longRunning(c)) finish(ctrl, c, 0);
}

/** The process ended: release the network as dockerd does when a container stops. */
export function finish(ctrl: Controller, c: ContainerState, exitCode: number): void {
  // daemon/monitor.go handleContainerExit: Cleanup (network disconnect events), then "die"
  releaseNetwork(ctrl, c);
  c.ports = [];
  delete c.paused;
  c.status = 'exited';
  c.exitCode = exitCode;
  c.finishedAt = ctrl.world.state.clock;
  ctrl.containerEvent(c, 'die', { execDuration: String(Math.max(0, c.finishedAt - c.startedAt)), exitCode: String(exitCode) });
  if (c.autoRemove) {
    ctrl.node.containers.splice(ctrl.node.containers.indexOf(c), 1);
    ctrl.containerEvent(c, 'destroy');
  }
}

/** Leave every joined endpoint, logging "network disconnect" for each. */
export function releaseNetwork(ctrl: Controller, c: ContainerState): void {
  clearDefaultGw(ctrl, c);
  for (const e of c.endpoints) {
    const n = e.id ? ctrl.netOf(e) : null;
    leaveEndpoint(ctrl, e);
    if (n) ctrl.networkEvent(n, 'disconnect', c.id);
  }
}

export function stopContainer(ctrl: Controller, c: ContainerState): void {
  if (c.status !== 'running') return;
  const img = findImage(c.image);
  // A shell as PID 1 ignores SIGTERM and is killed after the timeout.
  const code = img && !img.daemon && !c.task ? 137 : 0;
  const signal = img?.stopSignal ?? 15;
  ctrl.containerEvent(c, 'kill', { signal: String(signal) });
  stopLog(c, ctrl.world.state.clock, signal);
  if (code === 137) ctrl.containerEvent(c, 'kill', { signal: '9' });
  finish(ctrl, c, code);
  ctrl.containerEvent(c, 'stop');
}

/** State.Status as the API reports it: "paused" is a running container whose process is frozen. */
export function stateName(c: ContainerState): ContainerStatus | 'paused' {
  return c.paused && c.status === 'running' ? 'paused' : c.status;
}

/**
 * docker pause / unpause (daemon/pause.go, unpause.go): freeze or thaw a running container's
 * process. The network stays joined; exec is refused while paused.
 * @throws ConflictError when not running, already paused, or (unpause) not paused
 */
export function pauseContainer(ctrl: Controller, c: ContainerState, pause: boolean): void {
  // unpause asks "paused?" first, pause asks "running?" first
  if (!pause && !c.paused) throw new ConflictError(`Container ${c.id} is not paused`);
  if (c.status !== 'running') throw new ConflictError(`container ${c.id} is not running`);
  if (pause && c.paused) throw new ConflictError(`container ${c.id} is already paused`);
  if (pause) c.paused = true;
  else delete c.paused;
  ctrl.containerEvent(c, pause ? 'pause' : 'unpause');
}

/** docker kill: SIGKILL (exit 137). */
export function killContainer(ctrl: Controller, c: ContainerState): void {
  ctrl.containerEvent(c, 'kill', { signal: '9' });
  finish(ctrl, c, 137);
}

/**
 * Remove a container.
 * @throws ConflictError when it runs and force is not set
 */
export function removeContainer(ctrl: Controller, ref: string, force: boolean): ContainerState {
  const c = ctrl.findContainer(ref);
  if (c.paused && !force) throw new ConflictError(`cannot remove container "${ref}": container is paused and must be unpaused first`);
  if (c.status === 'running' && !force)
    throw new ConflictError(`cannot remove container "${ref}": container is running: stop the container before removing or force remove`);
  if (c.status === 'running') {
    ctrl.containerEvent(c, 'kill', { signal: '9' });
    releaseNetwork(ctrl, c);
    delete c.paused;
    c.status = 'exited';
    c.exitCode = 137;
    ctrl.containerEvent(c, 'die', { execDuration: String(Math.max(0, ctrl.world.state.clock - c.startedAt)), exitCode: '137' });
  }
  const i = ctrl.node.containers.indexOf(c);
  if (i >= 0) ctrl.node.containers.splice(i, 1);
  ctrl.containerEvent(c, 'destroy');
  return c;
}

/**
 * Connect a container to a network (docker network connect).
 */
export function connect(ctrl: Controller, containerRef: string, netRef: string, ep: EndpointInput): void {
  const n = ctrl.findNetworkForAttach(netRef);
  const c = ctrl.findContainer(containerRef);
  const d = ctrl.driverOf(n)!;
  if (n.configOnly) throw new ForbiddenError(CONFIG_ONLY_ENDPOINT);
  if (d.capability.hostStack && c.networkMode !== 'host')
    throw new InvalidParameterError('cannot connect container to host network - container must be created in host network mode');
  const curMode = c.networkMode;
  const curNet = ctrl.tryNetwork(curMode);
  if (curMode.startsWith('container:') || (curNet && ctrl.driverOf(curNet)?.capability.hostStack))
    throw new InvalidParameterError('container sharing network namespace with another container or host cannot be connected to any other network');
  if ((curNet && ctrl.driverOf(curNet)?.capability.exclusive) || d.capability.exclusive)
    throw new InvalidParameterError('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  if (ctrl.isGlobal(n) && !n.attachable)
    throw new ForbiddenError(`Could not attach to network ${netRef}: rpc error: code = PermissionDenied desc = network ${netRef} not manually attachable`);
  const existing = c.endpoints.find((e) => e.networkId === n.id);
  if (existing) {
    if (c.status === 'running') throw new ForbiddenError(`endpoint with name ${c.name} already exists in network ${n.name}`);
    throw new ConflictError(`${c.name} is already attached to network ${n.name}`);
  }
  validateEndpoint(ctrl, n, ep);
  for (const l of ep.links ?? []) {
    const t = ctrl.tryContainer(l.split(':')[0]);
    if (!t) throw new InvalidParameterError(`could not get container for ${l.split(':')[0]}`);
  }
  const e = endpointConfig(ctrl, n, ep);
  if (c.status === 'running') joinEndpoint(ctrl, e); // throws before any change on failure
  c.endpoints.push(e);
  if (c.status === 'running') {
    ctrl.networkEvent(n, 'connect', c.id);
    updateDefaultGw(ctrl, c);
  }
}

/** Disconnect a container from a network. */
export function disconnect(ctrl: Controller, containerRef: string, netRef: string, force: boolean): void {
  const c = ctrl.tryContainer(containerRef);
  const n = ctrl.tryNetwork(netRef);
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
  if (ctrl.driverOf(n)?.capability.hostStack)
    throw new InvalidParameterError('cannot disconnect container from host network - container was created in host network mode');
  const joined = !!c.endpoints[i].id;
  leaveEndpoint(ctrl, c.endpoints[i]);
  c.endpoints.splice(i, 1);
  if (joined) {
    ctrl.networkEvent(n, 'disconnect', c.id);
    updateDefaultGw(ctrl, c);
  }
}

class NotFoundErrorPlain extends CnmError {
  override name = 'NotFoundErrorPlain';
  constructor(msg: string) {
    super('not-found', msg);
  }
}
