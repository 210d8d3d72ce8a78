import type { EngineView as LabView } from '@/lib/cnm';

/**
 * What the lab diagram draws, built from the engine's view (every node at once): nodes as
 * lanes, each with its local networks and its containers grouped by service; cluster-wide
 * (swarm-scope) networks; services with their tasks and published ports; and the routing mesh
 * that serves ingress-published ports on every node.
 *
 * Two things Docker does by itself come from the engine's view too: a running container whose
 * only networks are (non-internal) overlays has an endpoint on its node's `docker_gwbridge` (its
 * way out), and every swarm node holds the hidden `ingress-sbox` container, which joins `ingress`
 * and `docker_gwbridge` and is where the routing mesh lives.
 */

export type NetworkKind = 'swarm' | 'local';

export interface DiagramNetwork {
  name: string;
  driver: string;
  scope: string;
  kind: NetworkKind;
  subnet?: string;
  gateway?: string;
  internal: boolean;
  /** Index into the palette, stable per network name within one model. */
  colour: number;
  /** Containers (drawn ones, ingress-sbox included) with an endpoint on it, across the lanes. */
  endpoints: number;
}

export interface DiagramEndpoint {
  network: string;
  ip?: string;
  aliases: string[];
  /** An endpoint Docker adds by itself (docker_gwbridge, the ingress-sbox's), not one the user asked for. */
  derived?: boolean;
}

export interface DiagramPort {
  /** e.g. "8080→80", "127.0.0.1:8080→80/udp" */
  text: string;
  /** host: a node port bound by this container (docker run -p, or a service published in host mode). */
  mode: 'host';
}

export interface DiagramContainer {
  id: string;
  /** The full container name (a task's is service.slot.taskid). */
  name: string;
  /** What to show: the container name, or for a swarm task "service.slot". */
  label: string;
  image: string;
  running: boolean;
  status: string;
  service?: string;
  endpoints: DiagramEndpoint[];
  ports: DiagramPort[];
  /** The hidden routing-mesh sandbox of a swarm node. */
  system?: boolean;
}

export interface DiagramLane {
  node: string;
  addr: string;
  role: 'manager' | 'worker' | null;
  /** Names of the node-local networks worth drawing (host and none only when someone uses them). */
  networks: string[];
  /** Service tasks first (grouped by service, in service order), then plain containers. */
  groups: { service: string | null; containers: DiagramContainer[] }[];
}

export interface DiagramService {
  name: string;
  mode: string;
  /** "3/3 running", "global, 3 running" */
  state: string;
  networks: string[];
  ports: { published: number; target: number; protocol: string; mode: 'ingress' | 'host' }[];
  tasks: { label: string; node: string; state: string }[];
  endpointMode: string;
}

export interface DiagramModel {
  /** The node the terminal is on. */
  node: string;
  swarm: boolean;
  networks: DiagramNetwork[];
  lanes: DiagramLane[];
  services: DiagramService[];
  /** Ingress-published ports: every node answers on them (the routing mesh). */
  mesh: { published: number; target: number; protocol: string; service: string }[];
  counts: { containers: number; networks: number; nodes: number };
}

const GWBRIDGE = 'docker_gwbridge';
const INGRESS_SBOX = 'ingress-sbox';

function portText(p: { hostIp: string; hostPort: number; containerPort: number; proto: string }): string {
  const host = p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::' ? `${p.hostIp}:` : '';
  return `${host}${p.hostPort}→${p.containerPort}${p.proto && p.proto !== 'tcp' ? `/${p.proto}` : ''}`;
}

/**
 * Build the diagram of a lab.
 * @param view the engine's view (all nodes)
 * @param node the node the terminal is on
 */
export function toDiagram(view: LabView, node: string): DiagramModel {
  const nets = new Map<string, DiagramNetwork>();
  const noteNet = (x: LabView['nodes'][number]['networks'][number]) => {
    if (nets.has(x.name)) return;
    nets.set(x.name, {
      name: x.name,
      driver: x.driver,
      scope: x.scope,
      kind: x.scope === 'swarm' || x.scope === 'global' ? 'swarm' : 'local',
      ...(x.subnet ? { subnet: x.subnet } : {}),
      ...(x.gateway ? { gateway: x.gateway } : {}),
      internal: x.internal,
      colour: nets.size,
      endpoints: 0,
    });
  };
  for (const n of view.nodes) for (const x of n.networks) noteNet(x);
  const swarm = view.nodes.some((n) => n.swarmRole !== null);
  const serviceOrder = view.services.map((s) => s.name);
  const taskLabel = (c: LabView['nodes'][number]['containers'][number]) => {
    if (!c.service) return c.name;
    const slot = c.name.slice(c.service.length + 1).split('.')[0];
    return slot ? `${c.service}.${slot}` : c.service;
  };

  const lanes: DiagramLane[] = view.nodes.map((n) => {
    const containers: DiagramContainer[] = n.containers.map((c) => {
      const endpoints: DiagramEndpoint[] = c.endpoints.map((e) => ({ network: e.network, ...(e.ip ? { ip: e.ip } : {}), aliases: e.aliases, ...(e.system ? { derived: true } : {}) }));
      return {
        id: c.id,
        name: c.name,
        label: taskLabel(c),
        image: c.image,
        running: c.status === 'running',
        status: c.status,
        ...(c.service ? { service: c.service } : {}),
        endpoints,
        ports: [...new Set(c.ports.map(portText))].map((text) => ({ text, mode: 'host' as const })),
      };
    });
    const sbox = n.ingressSbox;
    if (sbox) {
      containers.push({
        id: `${n.name}-${INGRESS_SBOX}`,
        name: INGRESS_SBOX,
        label: INGRESS_SBOX,
        image: 'routing mesh',
        running: true,
        status: 'running',
        system: true,
        endpoints: [
          { network: 'ingress', ip: sbox.ingressIp, aliases: [], derived: true },
          ...(sbox.gwIp ? [{ network: GWBRIDGE, ip: sbox.gwIp, aliases: [], derived: true }] : []),
        ],
        ports: [],
      });
    }
    for (const c of containers) for (const e of c.endpoints) {
      const x = nets.get(e.network);
      if (x) x.endpoints++;
    }
    const used = new Set(containers.flatMap((c) => c.endpoints.map((e) => e.network)));
    const networks = n.networks
      .filter((x) => !(x.scope === 'swarm' || x.scope === 'global'))
      .filter((x) => (x.driver !== 'host' && x.driver !== 'null') || used.has(x.name))
      .map((x) => x.name);
    const groups: DiagramLane['groups'] = [];
    for (const svc of serviceOrder) {
      const list = containers.filter((c) => c.service === svc);
      if (list.length) groups.push({ service: svc, containers: list.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })) });
    }
    const plain = containers.filter((c) => !c.service);
    if (plain.length) groups.push({ service: null, containers: plain });
    return { node: n.name, addr: n.addr, role: n.swarmRole, networks, groups };
  });

  const services: DiagramService[] = view.services.map((s) => {
    const running = s.tasks.filter((t) => t.state === 'running').length;
    return {
      name: s.name,
      mode: s.mode,
      state: s.mode === 'global' ? `global, ${running} running` : `${running}/${s.replicas} running`,
      networks: s.networks,
      ports: s.ports.map((p) => ({ published: p.published, target: p.target, protocol: p.protocol, mode: p.mode === 'host' ? 'host' : 'ingress' })),
      tasks: s.tasks.map((t) => ({ label: `${s.name}.${t.slot}`, node: t.node, state: t.state })),
      endpointMode: s.endpointMode,
    };
  });
  const mesh = services.flatMap((s) => s.ports.filter((p) => p.mode === 'ingress').map((p) => ({ published: p.published, target: p.target, protocol: p.protocol, service: s.name })));
  const active = view.nodes.find((x) => x.name === node)?.name ?? view.nodes[0]?.name ?? node;
  const userNets = [...nets.values()].filter((x) => x.driver !== 'host' && x.driver !== 'null');
  return {
    node: active,
    swarm,
    networks: [...nets.values()],
    lanes,
    services,
    mesh,
    counts: { containers: view.nodes.reduce((a, n) => a + n.containers.length, 0), networks: userNets.length, nodes: view.nodes.length },
  };
}
