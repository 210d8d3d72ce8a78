/** What the lab diagram draws for one node; built from the simulator's Lab.view() by toDiagram. */
export interface DiagramModel {
  node: string;
  networks: { name: string; driver: string; scope?: string; subnet?: string; gateway?: string }[];
  containers: {
    name: string;
    image?: string;
    running?: boolean;
    endpoints: { network: string; ip?: string; aliases?: string[] }[];
    ports: string[];
  }[];
  services: { name: string; replicas: string; networks: string[]; ports: string[] }[];
}

import type { LabView } from '@/lib/cli';

function portText(p: { hostIp: string; hostPort: number; containerPort: number; proto: string }): string {
  const host = p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::' ? `${p.hostIp}:` : '';
  return `${host}${p.hostPort}→${p.containerPort}${p.proto && p.proto !== 'tcp' ? `/${p.proto}` : ''}`;
}

/** One node's part of the simulator's view, as the diagram draws it (swarm services are cluster-wide). */
export function toDiagram(view: LabView, node: string): DiagramModel {
  const n = view.nodes.find((x) => x.name === node) ?? view.nodes[0];
  return {
    node: n?.name ?? node,
    networks: (n?.networks ?? []).map((x) => ({
      name: x.name,
      driver: x.internal ? `${x.driver}, internal` : x.driver,
      scope: x.scope,
      ...(x.subnet ? { subnet: x.subnet } : {}),
      ...(x.gateway ? { gateway: x.gateway } : {}),
    })),
    containers: (n?.containers ?? []).map((c) => ({
      name: c.name,
      image: c.image,
      running: c.status === 'running',
      endpoints: c.endpoints.map((e) => ({ network: e.network, ...(e.ip ? { ip: e.ip } : {}), aliases: e.aliases })),
      ports: [...new Set(c.ports.map(portText))],
    })),
    services: view.services.map((sv) => ({
      name: sv.name,
      replicas:
        sv.mode === 'global'
          ? `global, ${sv.tasks.filter((t) => t.state === 'running').length} running`
          : `${sv.tasks.filter((t) => t.state === 'running').length}/${sv.replicas} running`,
      networks: sv.networks,
      ports: sv.ports.map((p) => `${p.published}→${p.target}${p.mode === 'host' ? ' (host)' : ''}`),
    })),
  };
}

/** Split a "node$ command" line (as command tasks write steps for a given swarm node). */
export function splitNodeLine(line: string, nodes: readonly string[]): [string | undefined, string] {
  const m = /^\s*([A-Za-z0-9_.-]+)\$\s+(.*)$/.exec(line);
  if (m && nodes.includes(m[1])) return [m[1], m[2]];
  return [undefined, line];
}

/** How an answer line is recorded for the checker: prefixed with its node when the lab has several. */
export function answerLine(line: string, node: string, nodes: readonly string[]): string {
  return nodes.length > 1 ? `${node}$ ${line}` : line;
}
