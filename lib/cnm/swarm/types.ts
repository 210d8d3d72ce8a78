/** Swarm cluster state: shared by every node of a lab. */
import type { NetworkState } from '../network';

export type NodeRole = 'manager' | 'worker';

export interface SwarmNodeState {
  id: string;
  name: string;
  role: NodeRole;
  leader: boolean;
  availability: 'active' | 'pause' | 'drain';
  addr: string;
}

export interface ServicePort {
  protocol: 'tcp' | 'udp' | 'sctp';
  targetPort: number;
  publishedPort: number;
  publishMode: 'ingress' | 'host';
}

export interface TaskState {
  id: string;
  slot: number;
  node: string;
  containerId: string;
  desired: 'running' | 'shutdown';
  state: 'running' | 'shutdown';
  created: number;
  /** overlay addresses by network id */
  addrs: Record<string, string>;
}

export interface ServiceState {
  id: string;
  name: string;
  image: string;
  mode: 'replicated' | 'global';
  replicas: number;
  networks: { target: string; aliases: string[] }[];
  ports: ServicePort[];
  endpointMode: 'vip' | 'dnsrr';
  /** VIP per network id (vip mode), including ingress when ports are published in ingress mode */
  vips: Record<string, string>;
  tasks: TaskState[];
  env: string[];
  labels: Record<string, string>;
  constraints: string[];
  args: string[];
  created: number;
  updated: number;
  version: number;
  nextSlot: number;
}

export interface SwarmState {
  id: string;
  created: number;
  workerToken: string;
  managerToken: string;
  nodes: SwarmNodeState[];
  networks: NetworkState[];
  services: ServiceState[];
  /** swarm init --default-addr-pool (unset: 10.0.0.0/8) */
  addrPools?: string[];
  /** swarm init --default-addr-pool-mask-length (unset: 24) */
  subnetSize?: number;
}
