/**
 * The bridge driver's port mapper (libnetwork portmapper): published ports get host ports, ephemeral ones from
 * Linux's default range, and a port is refused when another binding on the same address family holds it.
 */
import type { DriverContext } from '../../driverapi';
import { PortAllocatedError, UnavailableError } from '../../errors';
import * as L from '../../labels';
import type { NetworkState } from '../../network';
import type { ContainerState, PortBinding, PortSpec } from '../../sandbox';

export const EPHEMERAL_LOW = 32768;
export const EPHEMERAL_HIGH = 60999;

function portClash(used: { hostIp: string; hostPort: number; proto: string }[], b: { hostIp: string; hostPort: number; proto: string }): boolean {
  const v6 = (ip: string) => ip.includes(':');
  return used.some(
    (u) =>
      u.hostPort === b.hostPort &&
      u.proto === b.proto &&
      v6(u.hostIp) === v6(b.hostIp) &&
      (u.hostIp === b.hostIp || u.hostIp === '0.0.0.0' || b.hostIp === '0.0.0.0' || u.hostIp === '::' || b.hostIp === '::'),
  );
}

/** ProgramExternalConnectivity: the host port bindings a container gets when it starts (docker run -p / -P). */
export function mapPorts(c: ContainerState, epName: string, epId: string, net: NetworkState, ctx: DriverContext): PortBinding[] {
  // The bridge's host_binding_ipv4 is the address a port without one binds to (default: all).
  const hb = net.options[L.BridgeHostBindingIPv4];
  const defaultIps = hb && hb !== '0.0.0.0' ? [hb] : ['0.0.0.0', '::'];
  const specs: PortSpec[] = [...c.portSpecs];
  if (c.publishAll) {
    for (const x of c.exposed) {
      const [p, proto = 'tcp'] = x.split('/');
      if (!specs.some((s) => s.containerPort === +p && s.proto === proto))
        specs.push({ hostIp: '', hostPort: '', containerPort: +p, proto: proto as PortSpec['proto'] });
    }
  }
  const used = ctx.usedHostPorts(c);
  const out: PortBinding[] = [];
  for (const s of specs) {
    const ips = s.hostIp ? [s.hostIp] : defaultIps;
    let port: number;
    if (s.hostPort === '') {
      port = 0;
      for (let tries = 0; tries < 1000; tries++) {
        const cand = ctx.rng.int(EPHEMERAL_LOW, EPHEMERAL_HIGH);
        if (!ips.some((ip) => portClash([...used, ...out], { hostIp: ip, hostPort: cand, proto: s.proto }))) {
          port = cand;
          break;
        }
      }
      if (!port) throw new UnavailableError('no available ports in the ephemeral range');
    } else if (s.hostPort.includes('-')) {
      // host range for a single container port: first free in the range
      const [lo, hi] = s.hostPort.split('-').map(Number);
      port = 0;
      for (let p = lo; p <= hi; p++)
        if (!ips.some((ip) => portClash([...used, ...out], { hostIp: ip, hostPort: p, proto: s.proto }))) {
          port = p;
          break;
        }
      if (!port) throw new PortAllocatedError(epName, epId, ips[0], lo);
    } else port = +s.hostPort;
    for (const ip of ips) {
      const b = { hostIp: ip, hostPort: port, containerPort: s.containerPort, proto: s.proto };
      if (portClash([...used, ...out], b)) throw new PortAllocatedError(epName, epId, ip, port);
      out.push(b);
    }
  }
  return out;
}
