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

/** Pick one node out of the simulator's view. */
export function toDiagram(view: LabView, node: string): DiagramModel {
  const n = view.nodes.find((x) => x.name === node) ?? view.nodes[0];
  return {
    node: n?.name ?? node,
    networks: (n?.networks ?? []).map((x) => ({ name: x.name, driver: x.driver, subnet: x.subnet })),
    containers: (n?.containers ?? []).map((c) => ({ name: c.name, endpoints: c.endpoints, ports: c.ports })),
    services: [],
  };
}
