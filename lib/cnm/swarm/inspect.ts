/** Inspect views of swarm services and nodes (the API objects `docker service|node inspect` print). */
import type { Controller } from '../controller';
import { goStruct, isoTime, omitEmpty } from '../gotype';
import type { ServicePort, ServiceState } from './types';

function lookupService(ctl: Controller, ref: string) {
  const sw = ctl.world.state.swarm;
  if (!sw) return null;
  return sw.services.find((s) => s.id === ref || s.name === ref) ?? sw.services.filter((s) => s.id.startsWith(ref)).at(0) ?? null;
}

/** A PortConfig in Go's field order (api/types/swarm/network.go; Name is omitempty). */
function portConfig(p: ServicePort) {
  return goStruct('swarm.PortConfig', { Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode });
}

/** EndpointSpec{Mode, Ports omitempty}. */
function endpointSpec(s: ServiceState) {
  const spec = goStruct('swarm.EndpointSpec', { Mode: s.endpointMode } as Record<string, unknown>);
  if (s.ports.length) spec.Ports = s.ports.map(portConfig);
  else omitEmpty(spec, 'Ports', []);
  return spec;
}

/** The swarm.Service object `docker service inspect` prints, with Go's field order at every level. */
export function serviceInspect(ctl: Controller, ref: string): Record<string, unknown> | null {
  const s = lookupService(ctl, ref);
  if (!s) return null;
  const sw = ctl.world.state.swarm!;
  const container = goStruct('swarm.ContainerSpec', { Image: s.image } as Record<string, unknown>);
  if (s.args.length) container.Args = s.args;
  if (s.env.length) container.Env = s.env;
  const task = goStruct('swarm.TaskSpec', {
    ContainerSpec: container,
    Placement: goStruct('swarm.Placement', s.constraints.length ? { Constraints: s.constraints } : {}),
  } as Record<string, unknown>);
  if (s.networks.length)
    task.Networks = s.networks.map((n) => goStruct('swarm.NetworkAttachmentConfig', n.aliases.length ? { Target: n.target, Aliases: n.aliases } : { Target: n.target }));
  task.ForceUpdate = 0;
  task.Runtime = 'container';
  const endpoint = goStruct('swarm.Endpoint', { Spec: endpointSpec(s) } as Record<string, unknown>);
  if (s.ports.length) endpoint.Ports = s.ports.map(portConfig);
  else omitEmpty(endpoint, 'Ports', []);
  const vips = Object.entries(s.vips);
  if (vips.length)
    endpoint.VirtualIPs = vips.map(([nid, ip]) =>
      goStruct('swarm.EndpointVirtualIP', { NetworkID: nid, Addr: `${ip}/${sw.networks.find((n) => n.id === nid)?.pools[0]?.bits ?? 24}` }),
    );
  else omitEmpty(endpoint, 'VirtualIPs', []);
  return goStruct('swarm.Service', {
    ID: s.id,
    Version: goStruct('swarm.Version', { Index: s.version }),
    CreatedAt: isoTime(s.created, 4),
    UpdatedAt: isoTime(s.updated, 5),
    Spec: goStruct('swarm.ServiceSpec', {
      Name: s.name,
      Labels: s.labels,
      TaskTemplate: task,
      Mode: goStruct('swarm.ServiceMode', s.mode === 'replicated' ? { Replicated: goStruct('swarm.ReplicatedService', { Replicas: s.replicas }) } : { Global: goStruct('swarm.GlobalService', {}) }),
      EndpointSpec: endpointSpec(s),
    }),
    Endpoint: endpoint,
  });
}

export function nodeInspect(ctl: Controller, ref: string): Record<string, unknown> | null {
  const sw = ctl.world.state.swarm;
  if (!sw) return null;
  const n = sw.nodes.find((x) => x.id === ref || x.name === ref) ?? sw.nodes.filter((x) => x.id.startsWith(ref)).at(0);
  if (!n) return null;
  return {
    ID: n.id,
    Spec: { Role: n.role, Availability: n.availability, Labels: {} },
    Description: { Hostname: n.name, Platform: { Architecture: 'x86_64', OS: 'linux' }, Engine: { EngineVersion: '28.5.1' } },
    Status: { State: 'ready', Addr: n.addr },
    ManagerStatus: n.role === 'manager' ? { Leader: n.leader, Reachability: 'reachable', Addr: `${n.addr}:2377` } : undefined,
  };
}
