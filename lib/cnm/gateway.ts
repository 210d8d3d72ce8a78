/**
 * docker_gwbridge endpoints (libnetwork default_gateway.go) and each swarm node's ingress-sbox.
 *
 * A running container none of whose endpoints has a gateway (only overlay networks, which give
 * none; internal networks, host and none do not count) gets a hidden endpoint on its node's
 * docker_gwbridge, named gateway_<sandbox id[:12]>: its way out (its default route). It goes as soon
 * as an endpoint with a gateway (a bridge) joins, and when the container stops.
 *
 * Every swarm node holds the routing mesh's sandbox, "ingress-sbox", with an endpoint on ingress
 * ("ingress-endpoint") and one on docker_gwbridge ("gateway_ingress-sbox").
 */
import type { Controller } from './controller';
import type { ContainerState } from './sandbox';
import type { NetworkState } from './network';
import { allocate, inSubnet, release } from './ipam';
import { derivedId } from './rng';

/** An endpoint the daemon manages by itself (no config to keep across restarts). */
export interface SystemEndpoint {
  id: string;
  ip: string;
  mac: string;
}

export const GWBRIDGE = 'docker_gwbridge';
export const INGRESS_SBOX = 'ingress-sbox';

/** The sandbox id of a running container (container inspect NetworkSettings.SandboxID). */
export function sandboxId(c: ContainerState): string {
  return c.id.split('').reverse().join('');
}

/** The name libnetwork gives a container's gwbridge endpoint. */
export function gatewayEndpointName(c: ContainerState): string {
  return `gateway_${sandboxId(c).slice(0, 12)}`;
}

function gwNetwork(ctl: Controller): NetworkState | undefined {
  return ctl.node.networks.find((n) => n.name === GWBRIDGE && n.driver === 'bridge');
}

/**
 * Sandbox.needDefaultGW: some joined endpoint lacks a gateway and none has one. Host-stack and
 * exclusive (host, null) networks and internal ones do not count; a swarm-scope (overlay) endpoint
 * never gets a gateway from its driver; a local one has its pool's gateway, if any.
 */
function needDefaultGw(ctl: Controller, c: ContainerState): boolean {
  let need = false;
  for (const e of c.endpoints) {
    if (!e.id) continue;
    const n = ctl.netOf(e);
    const cap = n && ctl.driverOf(n)?.capability;
    if (!n || !cap || cap.hostStack || cap.exclusive || n.internal) continue;
    if (cap.dataScope === 'global') need = true;
    else if (n.pools.some((p) => p.gateway)) return false;
    else need = true;
  }
  return need;
}

/** MAC from the IPv4 address (libnetwork netutils GenerateMACFromIP: 02:42 + the four octets). */
function macFromIp(ip: string): string {
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
}

function join(n: NetworkState, seed: string): SystemEndpoint | null {
  for (const p of n.pools) {
    const ip = allocate(p);
    if (ip) return { id: derivedId(`${seed}/${n.id}`), ip, mac: macFromIp(ip) };
  }
  return null;
}

function leave(n: NetworkState | undefined, e: SystemEndpoint): void {
  if (n) for (const p of n.pools) if (inSubnet(p, e.ip)) release(p, e.ip);
}

/** setupDefaultGW / clearDefaultGW after a container's endpoints changed. */
export function updateDefaultGw(ctl: Controller, c: ContainerState): void {
  const want = c.status === 'running' && needDefaultGw(ctl, c);
  if (want && !c.gw) {
    const n = gwNetwork(ctl);
    const e = n && join(n, c.id);
    if (e) c.gw = e;
  } else if (!want && c.gw) clearDefaultGw(ctl, c);
}

export function clearDefaultGw(ctl: Controller, c: ContainerState): void {
  if (!c.gw) return;
  leave(gwNetwork(ctl), c.gw);
  delete c.gw;
}

/** The node joined a swarm: its ingress-sbox joins ingress and docker_gwbridge. */
export function setupIngressSbox(ctl: Controller): void {
  if (ctl.node.ingressSbox) return;
  const ingress = ctl.world.state.swarm?.networks.find((n) => n.ingress);
  const gw = gwNetwork(ctl);
  const ing = ingress && join(ingress, `${INGRESS_SBOX}/${ctl.node.name}`);
  if (!ing) return;
  ctl.node.ingressSbox = { ingress: ing, gw: (gw && join(gw, `${INGRESS_SBOX}/${ctl.node.name}`)) || null };
}

/** The node left the swarm: its ingress-sbox goes. */
export function clearIngressSbox(ctl: Controller): void {
  const sb = ctl.node.ingressSbox;
  if (!sb) return;
  leave(ctl.world.state.swarm?.networks.find((n) => n.ingress), sb.ingress);
  if (sb.gw) leave(gwNetwork(ctl), sb.gw);
  delete ctl.node.ingressSbox;
}
