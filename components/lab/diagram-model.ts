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
