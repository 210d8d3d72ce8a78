/**
 * The CNM simulator's public face (browser-safe). Front ends enter lib/cnm only here.
 *
 *   createEngine({ nodes, seed }) -> Engine    a lab of nodes sharing a swarm, a generator and a clock
 *   engine.daemon(node) -> Controller          one node's daemon: networks, endpoints, containers
 *   engine.swarmInit|swarmJoin|swarmLeave, engine.createService|updateService|removeService,
 *   engine.setNodeRole                         swarm membership and services (cluster-wide)
 *   engine.inspect{Network,Container,Service,Node}   the API objects `docker ... inspect` prints
 *   engine.view() -> EngineView                a JSON picture for diagrams
 *   engine.referent(ref) -> ObjectRef | null    what an ID, ID prefix or name denotes
 *
 * Daemon-side rules live behind these: IPAM (validation, pools, allocation), drivers, the embedded
 * DNS and routing a container sees (resolver), inspect shapes, errors with Docker's wording.
 */
export { Engine, createEngine, restoreEngine, DEFAULT_SEED, type EngineOptions, type ObjectRef } from './engine';
export type { EngineView } from './view';
export { Controller, PREDEFINED, type ContainerInput, type EndpointInput, type NetworkRef } from './controller';
export type { World, WorldState, NodeState } from './world';
export type { NetworkId, NetworkState, NetworkOptionInput, Scope } from './network';
export type { EndpointId, EndpointState } from './endpoint';
export type { ContainerId, ContainerState, ContainerStatus, PortBinding, PortSpec, PortProto } from './sandbox';
export { stateName } from './sandbox';
export type { NodeRole, ServiceInput, ServicePort, ServiceState, ServiceUpdate, SwarmNodeState, SwarmState, TaskState } from './swarm';
export * from './errors';
export { LOG_LIMIT, logRequest, readLog, writeLog, type HttpRequest, type LogEntry } from './logs';
export { EVENTS_LIMIT, eventAttributes, type EventRecord, type EventType } from './events';
export { IMAGES, findImage, parseImageRef, type ImageInfo, type LocalImage } from './images';
export { cidrString, contains, ipToNum, isCidr6, isIP, isIPv4, isIPv6, numToIp, parseCidr4, validateIpamConfig, type Cidr } from './ipam';
export {
  EMBEDDED_DNS,
  HOST_DNS,
  hostsFile,
  linkEnv,
  netns,
  processEnv,
  publishedTarget,
  resolve,
  resolveOnNode,
  resolvConf,
  route,
  routeFromNode,
  serverPorts,
  type Resolution,
  type Target,
} from './resolver';
export { GO_TYPE, JSON_AS_MAP, goStruct, isoTime, omitEmpty, utcClock, utcDate } from './gotype';
