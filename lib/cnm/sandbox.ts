/**
 * Sandbox: a container and its network namespace (endpoints, hostname, DNS settings, published
 * ports). Containers without their own namespace (`--network host|container:X`) share another one.
 */
import type { EndpointState } from './endpoint';
import type { LogEntry } from './logs';

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
  /** set when created by a swarm service */
  task?: { serviceId: string; slot: number; taskId: string };
  /** what the process wrote (lib/cnm/logs.ts); labs saved before entries had times hold strings */
  logs: LogEntry[];
}
