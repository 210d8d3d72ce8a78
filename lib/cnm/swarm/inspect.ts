/** Inspect views of swarm services and nodes (the API objects `docker service|node inspect` print). */
import type { Controller } from '../controller';
import { isoTime } from '../gotype';

function lookupService(ctl: Controller, ref: string) {
  const sw = ctl.world.state.swarm;
  if (!sw) return null;
  return sw.services.find((s) => s.id === ref || s.name === ref) ?? sw.services.filter((s) => s.id.startsWith(ref)).at(0) ?? null;
}

export function serviceInspect(ctl: Controller, ref: string): Record<string, unknown> | null {
  const s = lookupService(ctl, ref);
  if (!s) return null;
  const sw = ctl.world.state.swarm!;
  return {
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: isoTime(s.created, 4),
    UpdatedAt: isoTime(s.updated, 5),
    Spec: {
      Name: s.name,
      Labels: s.labels,
      TaskTemplate: {
        ContainerSpec: { Image: s.image, Args: s.args.length ? s.args : undefined, Env: s.env.length ? s.env : undefined },
        Placement: s.constraints.length ? { Constraints: s.constraints } : {},
        Networks: s.networks.length ? s.networks.map((n) => ({ Target: n.target, Aliases: n.aliases.length ? n.aliases : undefined })) : undefined,
        ForceUpdate: 0,
        Runtime: 'container',
      },
      Mode: s.mode === 'replicated' ? { Replicated: { Replicas: s.replicas } } : { Global: {} },
      EndpointSpec: {
        Mode: s.endpointMode,
        Ports: s.ports.length
          ? s.ports.map((p) => ({ Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode }))
          : undefined,
      },
    },
    Endpoint: {
      Spec: { Mode: s.endpointMode, Ports: s.ports.length ? s.ports.map((p) => ({ Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode })) : undefined },
      Ports: s.ports.length ? s.ports.map((p) => ({ Protocol: p.protocol, TargetPort: p.targetPort, PublishedPort: p.publishedPort, PublishMode: p.publishMode })) : undefined,
      VirtualIPs: Object.keys(s.vips).length
        ? Object.entries(s.vips).map(([nid, ip]) => ({ NetworkID: nid, Addr: `${ip}/${sw.networks.find((n) => n.id === nid)?.pools[0]?.bits ?? 24}` }))
        : undefined,
    },
  };
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
