/**
 * Inspect views: the API-shaped objects the daemon returns for `docker network inspect` and
 * `docker container inspect` (Go structs for templates), built from engine state.
 */
import type { Controller } from './controller';
import type { NetworkState } from './network';
import { stateName, type ContainerState, type PortBinding } from './sandbox';
import { goStruct, isoTime } from './gotype';
import { ipToNum, mask } from './ipam';
import { GWBRIDGE, INGRESS_SBOX, gatewayEndpointName, sandboxId } from './gateway';

/** A Go struct for templates (fields keep their order; omitempty fields left out). */
function struct<T extends Record<string, unknown>>(type: string, o: T): T {
  for (const k in o) if (o[k] === undefined) delete o[k];
  return goStruct(type, o);
}

/** Prefix length of the network's IPv4 pool holding ip (0 when none does). */
function poolBits(n: NetworkState | null, ip: string): number {
  const p = n?.pools.find((pool) => pool.subnet && inPool(pool.base, pool.bits, ip));
  return p ? p.bits : 0;
}
function inPool(base: number, bits: number, ip: string): boolean {
  return mask(ipToNum(ip), bits) === mask(base, bits);
}
function findNet(ctl: Controller, id: string): NetworkState | null {
  for (const n of ctl.networks()) if (n.id === id) return n;
  for (const n of ctl.world.state.swarm?.networks ?? []) if (n.id === id) return n;
  return null;
}

/** `docker network inspect` object. */
export function networkInspect(ctl: Controller, n: NetworkState, verbose = false): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  const eps = ctl.localEndpointsOn(n.id);
  const self = findNet(ctl, n.id); // looked up once, not once per endpoint
  for (const [c, e] of eps) {
    containers[c.id] = struct('network.EndpointResource', {
      Name: c.name,
      EndpointID: e.id,
      MacAddress: e.mac ?? '',
      IPv4Address: e.ipv4 ? `${e.ipv4}/${poolBits(self, e.ipv4)}` : '',
      IPv6Address: e.ipv6 ? `${e.ipv6}/64` : '',
    });
  }
  const sw = ctl.world.state.swarm;
  const sbox = ctl.node.ingressSbox;
  if (n.name === GWBRIDGE && !ctl.isGlobal(n)) {
    // libnetwork default_gateway.go: gateway_<sandbox id[:12]> for overlay-only containers, and the ingress-sbox's
    for (const c of ctl.node.containers) {
      if (!c.gw || c.status !== 'running') continue;
      containers[c.id] = struct('network.EndpointResource', { Name: gatewayEndpointName(c), EndpointID: c.gw.id, MacAddress: c.gw.mac, IPv4Address: `${c.gw.ip}/${poolBits(self, c.gw.ip)}`, IPv6Address: '' });
    }
    if (sbox?.gw)
      containers[INGRESS_SBOX] = struct('network.EndpointResource', { Name: `gateway_${INGRESS_SBOX}`, EndpointID: sbox.gw.id, MacAddress: sbox.gw.mac, IPv4Address: `${sbox.gw.ip}/${poolBits(self, sbox.gw.ip)}`, IPv6Address: '' });
  }
  if (ctl.isGlobal(n) && sw) {
    // the per-node load-balancer endpoint
    const hasTasks = eps.length > 0;
    if (n.ingress && sbox) {
      containers[INGRESS_SBOX] = struct('network.EndpointResource', {
        Name: 'ingress-endpoint',
        EndpointID: sbox.ingress.id,
        MacAddress: sbox.ingress.mac,
        IPv4Address: `${sbox.ingress.ip}/${poolBits(self, sbox.ingress.ip)}`,
        IPv6Address: '',
      });
    } else if (n.ingress || hasTasks) {
      const key = n.ingress ? INGRESS_SBOX : `lb-${n.name}`;
      containers[key] = {
        Name: n.ingress ? 'ingress-endpoint' : `${n.name}-endpoint`,
        EndpointID: ctl.node.name.padEnd(64, '0').slice(0, 64).replace(/[^0-9a-f]/g, 'a'),
        MacAddress: '',
        IPv4Address: '',
        IPv6Address: '',
      };
    }
  }
  const global = ctl.isGlobal(n);
  const out: Record<string, unknown> = struct('network.Inspect', {
    Name: n.name,
    Id: n.id,
    Created: isoTime(n.created, (parseInt(n.id.slice(0, 6), 36) % 999999999) || 1),
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: n.enableIPv4,
    EnableIPv6: n.enableIPv6,
    IPAM: struct('network.IPAM', {
      Driver: n.ipamDriver,
      // swarmkit creates ingress without IPAM options: null, like the predefined networks
      Options: n.predefined || n.ingress ? null : n.ipamOptions,
      Config: n.pools.length || n.pools6.length
        ? [
            ...n.pools.map((p) => {
              const cfg: Record<string, unknown> = { Subnet: p.subnet };
              if (p.ipRange) cfg.IPRange = p.ipRange;
              if (p.gateway) cfg.Gateway = p.gateway;
              if (Object.keys(p.aux).length) cfg.AuxiliaryAddresses = p.aux;
              return struct('network.IPAMConfig', cfg);
            }),
            ...n.pools6.map((p) => struct('network.IPAMConfig', p.gateway ? { Subnet: p.subnet, Gateway: p.gateway } : { Subnet: p.subnet })),
          ]
        : n.predefined
          ? null
          : [],
    }),
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress,
    ConfigFrom: struct('network.ConfigReference', { Network: n.configFrom }),
    ConfigOnly: n.configOnly,
    Containers: n.configOnly ? {} : containers,
    Options: n.options,
    Labels: n.labels,
  });
  if (global && sw) {
    const peers = sw.nodes.filter((sn) => {
      const node = ctl.world.state.nodes.find((x) => x.name === sn.name);
      if (!node) return false;
      if (n.ingress) return true;
      return node.containers.some((c) => c.status === 'running' && c.endpoints.some((e) => e.networkId === n.id));
    });
    if (peers.length) out.Peers = peers.map((p) => ({ Name: p.name, IP: p.addr }));
    if (verbose) {
      const services: Record<string, unknown> = {};
      for (const s of sw.services) {
        if (!s.networks.some((x) => x.target === n.id) && !(n.ingress && s.ports.some((p) => p.publishMode === 'ingress'))) continue;
        services[s.name] = {
          VIP: s.vips[n.id] ?? '',
          Ports: [],
          LocalLBIndex: 0,
          Tasks: s.tasks
            .filter((t) => t.state === 'running')
            .map((t) => ({ Name: `${s.name}.${t.slot}.${t.id}`, EndpointID: t.id.padEnd(64, '0'), EndpointIP: t.addrs[n.id] ?? '', Info: { 'Host IP': ctl.world.state.nodes.find((x) => x.name === t.node)?.addr ?? '' } })),
        };
      }
      out.Services = services;
    }
  }
  return out;
}

function portMap(c: ContainerState): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const m: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const x of c.exposed) m[x] = null;
  for (const s of c.portSpecs) m[`${s.containerPort}/${s.proto}`] = null;
  for (const b of c.ports as PortBinding[]) {
    const k = `${b.containerPort}/${b.proto}`;
    (m[k] ??= []).push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
  }
  return m;
}

/** `docker container inspect` object (the networking-relevant part of the API shape). */
export function containerInspect(ctl: Controller, c: ContainerState): Record<string, unknown> {
  const running = c.status === 'running';
  const networks: Record<string, unknown> = {};
  let legacy = { Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
  for (const e of c.endpoints) {
    const n = findNet(ctl, e.networkId);
    const name = n?.name ?? e.networkName;
    const pool = n?.pools.find((p) => e.ipv4 && inPool(p.base, p.bits, e.ipv4));
    const userDefined = n ? !n.predefined : true;
    const ep = struct('network.EndpointSettings', {
      IPAMConfig: e.ipv4Static || e.ipv6Static ? { IPv4Address: e.ipv4Static ?? '', IPv6Address: e.ipv6Static ?? '' } : null,
      Links: e.links.length ? e.links : null,
      Aliases: e.aliases.length ? e.aliases : null,
      MacAddress: e.mac ?? '',
      DriverOpts: Object.keys(e.driverOpts).length ? e.driverOpts : null,
      GwPriority: e.gwPriority,
      NetworkID: e.networkId,
      EndpointID: e.id ?? '',
      Gateway: running && pool?.gateway ? pool.gateway : '',
      IPAddress: e.ipv4 ?? '',
      IPPrefixLen: pool && e.ipv4 ? pool.bits : 0,
      IPv6Gateway: running && e.ipv6 ? (n?.pools6.find((p) => p.gateway)?.gateway ?? '') : '',
      GlobalIPv6Address: e.ipv6 ?? '',
      GlobalIPv6PrefixLen: e.ipv6 ? 64 : 0,
      DNSNames: userDefined && running ? [c.name, ...e.aliases, c.id.slice(0, 12)] : null,
    });
    networks[name] = ep;
    if (name === 'bridge' && n?.predefined) legacy = { Gateway: ep.Gateway, IPAddress: ep.IPAddress, IPPrefixLen: ep.IPPrefixLen, MacAddress: ep.MacAddress };
  }
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const s of c.portSpecs) (bindings[`${s.containerPort}/${s.proto}`] ??= []).push({ HostIp: s.hostIp, HostPort: s.hostPort });
  const exposed: Record<string, object> = {};
  for (const x of c.exposed) exposed[x] = {};
  for (const s of c.portSpecs) exposed[`${s.containerPort}/${s.proto}`] = {};
  return struct('container.InspectResponse', {
    Id: c.id,
    Created: isoTime(c.created, 1),
    Path: (c.entrypoint.length ? c.entrypoint : c.cmd)[0] ?? '',
    Args: (c.entrypoint.length ? [...c.entrypoint.slice(1), ...c.cmd] : c.cmd.slice(1)),
    State: struct('container.State', {
      Status: stateName(c),
      Running: running,
      Paused: c.paused === true,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: running ? 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000) : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: c.startedAt ? isoTime(c.startedAt, 2) : '0001-01-01T00:00:00Z',
      FinishedAt: c.finishedAt ? isoTime(c.finishedAt, 3) : '0001-01-01T00:00:00Z',
    }),
    Image: `sha256:${c.id.split('').reverse().join('')}`,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: struct('container.HostConfig', {
      NetworkMode: c.networkMode,
      PortBindings: bindings,
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: c.autoRemove,
      Dns: c.dns,
      DnsOptions: c.dnsOptions,
      DnsSearch: c.dnsSearch,
      ExtraHosts: c.extraHosts.length ? c.extraHosts : null,
      Links: c.links.length ? c.links.map((l) => `/${l.split(':')[0]}:/${c.name}/${l.split(':')[1]}`) : null,
      PublishAllPorts: c.publishAll,
    }),
    Config: struct('container.Config', {
      Hostname: c.hostname,
      Domainname: c.domainname,
      User: '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
      Tty: c.tty,
      OpenStdin: c.interactive,
      StdinOnce: false,
      Env: c.env,
      Cmd: c.cmd,
      Image: c.image,
      Volumes: null,
      WorkingDir: '',
      Entrypoint: c.entrypoint.length ? c.entrypoint : null,
      Labels: c.labels,
    }),
    NetworkSettings: struct('container.NetworkSettings', {
      SandboxID: running ? sandboxId(c) : '',
      SandboxKey: running ? `/var/run/docker/netns/${sandboxId(c).slice(0, 12)}` : '',
      Ports: running ? portMap(c) : {},
      ...legacy,
      Networks: networks,
    }),
  });
}
