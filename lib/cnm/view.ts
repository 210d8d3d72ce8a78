/** EngineView: a JSON picture of an engine (every node, network, container, service) for diagrams. */
import type { Engine } from './engine';
import { GWBRIDGE } from './gateway';

export interface EngineView {
  nodes: {
    name: string;
    addr: string;
    swarmRole: 'manager' | 'worker' | null;
    networks: { id: string; name: string; driver: string; scope: string; subnet: string | null; gateway: string | null; internal: boolean }[];
    containers: {
      id: string;
      name: string;
      image: string;
      status: string;
      networkMode: string;
      /** system: an endpoint the daemon adds by itself (docker_gwbridge for an overlay-only container) */
      endpoints: { network: string; ip: string | null; aliases: string[]; system?: boolean }[];
      ports: { hostIp: string; hostPort: number; containerPort: number; proto: string }[];
      service: string | null;
    }[];
    /** the routing mesh's sandbox of a swarm node: its addresses on ingress and docker_gwbridge */
    ingressSbox: { ingressIp: string; gwIp: string | null } | null;
  }[];
  services: { name: string; mode: string; replicas: number; endpointMode: string; networks: string[]; ports: { published: number; target: number; protocol: string; mode: string }[]; tasks: { slot: number; node: string; state: string }[] }[];
}

export function buildView(engine: Engine): EngineView {
  const st = engine.state;
  const sw = st.swarm;
  return {
    nodes: st.nodes.map((n) => {
      const ctl = engine.daemon(n.name)!;
      return {
        name: n.name,
        addr: n.addr,
        swarmRole: sw?.nodes.find((x) => x.id === n.swarmNodeId)?.role ?? null,
        networks: ctl.networks().map((x) => ({ id: x.id, name: x.name, driver: x.driver, scope: x.scope, subnet: x.pools[0]?.subnet ?? null, gateway: x.pools[0]?.gateway ?? null, internal: x.internal })),
        containers: n.containers.map((c) => ({
          id: c.id,
          name: c.name,
          image: c.image,
          status: c.status,
          networkMode: c.networkMode,
          endpoints: [
            ...c.endpoints.map((e) => ({ network: ctl.netOf(e)?.name ?? e.networkName, ip: e.ipv4 ?? null, aliases: [...e.aliases] })),
            ...(c.gw ? [{ network: GWBRIDGE, ip: c.gw.ip, aliases: [], system: true }] : []),
          ],
          ports: c.ports.map((p) => ({ ...p })),
          service: c.task ? (sw?.services.find((s) => s.id === c.task!.serviceId)?.name ?? null) : null,
        })),
        ingressSbox: n.ingressSbox ? { ingressIp: n.ingressSbox.ingress.ip, gwIp: n.ingressSbox.gw?.ip ?? null } : null,
      };
    }),
    services: (sw?.services ?? []).map((s) => ({
      name: s.name,
      mode: s.mode,
      replicas: s.replicas,
      endpointMode: s.endpointMode,
      networks: s.networks.map((x) => sw!.networks.find((n) => n.id === x.target)?.name ?? x.target),
      ports: s.ports.map((p) => ({ published: p.publishedPort, target: p.targetPort, protocol: p.protocol, mode: p.publishMode })),
      tasks: s.tasks.map((t) => ({ slot: t.slot, node: t.node, state: t.state })),
    })),
  };
}
