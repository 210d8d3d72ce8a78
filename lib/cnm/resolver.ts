/**
 * Name resolution and reachability as seen from inside a sandbox (or from a node's own stack):
 * /etc/hosts, the embedded DNS server (127.0.0.11) on user-defined networks, service VIPs and
 * `tasks.<service>` records, and which addresses a packet can reach.
 */
import type { Controller } from './controller';
import type { ContainerState } from './sandbox';
import type { NetworkState } from './network';
import type { NodeState } from './world';
import { contains, ipToNum, isIPv4 } from './ipam';
import { BridgeEnableIcc } from './labels';

export const EMBEDDED_DNS = '127.0.0.11';
export const HOST_DNS = '10.0.0.2';

/** The container whose namespace c uses (itself, or the target of --network container:X). */
export function netns(ctl: Controller, c: ContainerState): ContainerState {
  if (c.networkMode.startsWith('container:')) {
    const o = ctl.node.containers.find((x) => x.id === c.networkMode.slice(10));
    if (o) return o;
  }
  return c;
}

export function isHostMode(ctl: Controller, c: ContainerState): boolean {
  const n = c.endpoints[0] && ctl.netOf(c.endpoints[0]);
  return !!n && !!ctl.driverOf(n)?.capability.hostStack;
}

/** Active networks of a (running) container with their endpoint. */
function activeNets(ctl: Controller, c: ContainerState): { net: NetworkState; ip?: string }[] {
  const out: { net: NetworkState; ip?: string }[] = [];
  for (const e of c.endpoints) {
    if (!e.id) continue;
    const n = ctl.netOf(e);
    if (n) out.push({ net: n, ip: e.ipv4 });
  }
  return out;
}

/** Whether the container uses the embedded DNS server (any user-defined network). */
export function usesEmbeddedDns(ctl: Controller, c: ContainerState): boolean {
  const ns = netns(ctl, c);
  return ns.endpoints.some((e) => {
    const n = ctl.netOf(e);
    return !!n && !n.predefined;
  });
}

/** /etc/hosts as docker writes it. */
export function hostsFile(ctl: Controller, c: ContainerState): string {
  let s = '';
  for (const [addr, names] of hostsEntries(ctl, c)) s += `${addr}\t${names}\n`;
  return s;
}

const LOCALHOST_ENTRIES: readonly [string, string][] = [
  ['127.0.0.1', 'localhost'],
  ['::1', 'localhost ip6-localhost ip6-loopback'],
];
const IP6_ENTRIES: readonly [string, string][] = [
  ['fe00::', 'ip6-localnet'],
  ['ff00::', 'ip6-mcastprefix'],
  ['ff02::1', 'ip6-allnodes'],
  ['ff02::2', 'ip6-allrouters'],
];

/** The lines of /etc/hosts: address, then the names (separated by spaces). */
function hostsEntries(ctl: Controller, c: ContainerState): [string, string][] {
  const ns = netns(ctl, c);
  if (isHostMode(ctl, ns)) return [...LOCALHOST_ENTRIES, [ctl.node.addr, ctl.node.name]];
  const out: [string, string][] = [...LOCALHOST_ENTRIES, ...IP6_ENTRIES];
  for (const h of c.extraHosts) {
    const i = h.indexOf(':');
    const addr = h.slice(i + 1).replace(/^\[|\]$/g, '');
    out.push([addr === 'host-gateway' ? '172.17.0.1' : addr, h.slice(0, i)]);
  }
  for (const l of c.links) {
    const [name, alias] = l.split(':');
    const t = ctl.tryContainer(name);
    const ip = t?.endpoints.find((e) => e.ipv4)?.ipv4;
    // daemon addLegacyLinks: "alias hostname", plus the name when the alias differs from it
    if (t && ip) out.push([ip, `${alias} ${t.hostname}${alias === t.name ? '' : ` ${t.name}`}`]);
  }
  for (const e of ns.endpoints) {
    for (const l of e.links) {
      const [name, alias] = l.split(':');
      const t = ctl.tryContainer(name);
      const ip = t?.endpoints.find((x) => x.networkId === e.networkId)?.ipv4;
      if (t && ip) out.push([ip, alias]);
    }
  }
  const first = ns.endpoints.find((e) => e.ipv4);
  if (first) out.push([first.ipv4!, `${c.hostname}${c.domainname ? `.${c.domainname} ${c.hostname}` : ''}`]);
  return out;
}

/** The default bridge endpoint of a container, if it has one. */
function defaultBridgeEp(ctl: Controller, c: ContainerState) {
  return c.endpoints.find((e) => e.networkName === 'bridge' && ctl.netOf(e)?.predefined);
}

/**
 * Legacy-link variables of a container on the default bridge (daemon/links/links.go ToEnv):
 * <ALIAS>_PORT, <ALIAS>_PORT_<port>_<PROTO>{,_ADDR,_PORT,_PROTO}, ranges as _START/_END,
 * <ALIAS>_NAME=/parent/alias and <ALIAS>_ENV_<var> for the child's environment.
 */
export function linkEnv(ctl: Controller, c: ContainerState): string[] {
  if (!defaultBridgeEp(ctl, c)) return [];
  const env: string[] = [];
  for (const l of c.links) {
    const [name, linkAlias] = l.split(':');
    const t = ctl.tryContainer(name);
    const ip = t && defaultBridgeEp(ctl, t)?.ipv4;
    if (!t || !ip) continue;
    const alias = linkAlias.toUpperCase().replace(/-/g, '_');
    const ports = t.exposed
      .map((x) => {
        const [p, proto = 'tcp'] = x.split('/');
        return { port: Number(p), proto };
      })
      .sort((a, b) => (a.proto === b.proto ? a.port - b.port : a.proto === 'tcp' ? -1 : b.proto === 'tcp' ? 1 : a.proto < b.proto ? -1 : 1));
    let start = ports[0];
    let end = ports[0];
    ports.forEach((p, i) => {
      if (i === 0) env.push(`${alias}_PORT=${p.proto}://${ip}:${p.port}`);
      const prefix = `${alias}_PORT_${p.port}_${p.proto.toUpperCase()}`;
      env.push(`${prefix}=${p.proto}://${ip}:${p.port}`, `${prefix}_ADDR=${ip}`, `${prefix}_PORT=${p.port}`, `${prefix}_PROTO=${p.proto}`);
      if (p.port === end.port + 1 && p.proto === start.proto) {
        end = p;
        if (i < ports.length - 1) return;
      }
      if (end !== start) {
        const sp = `${alias}_PORT_${start.port}_${start.proto.toUpperCase()}`;
        env.push(`${sp}_START=${start.proto}://${ip}:${start.port}`, `${sp}_PORT_START=${start.port}`, `${sp}_END=${end.proto}://${ip}:${end.port}`, `${sp}_PORT_END=${end.port}`);
      }
      start = p;
      end = p;
    });
    env.push(`${alias}_NAME=/${c.name}/${linkAlias}`);
    for (const v of t.env) {
      const i = v.indexOf('=');
      if (i < 0) continue;
      const k = v.slice(0, i);
      if (k !== 'HOME' && k !== 'PATH') env.push(`${alias}_ENV_${k}=${v.slice(i + 1)}`);
    }
  }
  return env;
}

/** The environment of a container's processes (container.CreateDaemonEnvironment, then HOME). */
export function processEnv(ctl: Controller, c: ContainerState): string[] {
  const env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${c.hostname}`];
  if (c.tty) env.push('TERM=xterm');
  env.push(...linkEnv(ctl, c));
  for (const v of c.env) {
    const k = v.split('=')[0];
    const i = env.findIndex((x) => x.split('=')[0] === k);
    if (i >= 0) env[i] = v;
    else env.push(v);
  }
  if (!env.some((x) => x.startsWith('HOME='))) env.push('HOME=/root');
  return env;
}

/** /etc/resolv.conf as docker writes it. */
export function resolvConf(ctl: Controller, c: ContainerState): string {
  // libnetwork/internal/resolvconf Generate: header, nameservers, search, options, then the summary
  const ns = netns(ctl, c);
  const head = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';
  const search = c.dnsSearch.length ? `search ${c.dnsSearch.join(' ')}\n` : '';
  const overrides = `# Overrides: [${[c.dns.length ? 'nameservers' : '', c.dnsSearch.length ? 'search' : '', c.dnsOptions.length ? 'options' : ''].filter(Boolean).join(' ')}]\n`;
  if (usesEmbeddedDns(ctl, ns)) {
    // TransformForIntNS: the host's servers are reached from the host namespace (host(...)), overrides from the container's
    const ext = c.dns.length ? c.dns.join(' ') : `host(${HOST_DNS})`;
    const userNdots = c.dnsOptions.some((o) => o.startsWith('ndots:'));
    const optLine = userNdots ? c.dnsOptions.join(' ') : [...c.dnsOptions, 'ndots:0'].join(' ');
    return (
      head +
      `nameserver ${EMBEDDED_DNS}\n${search}options ${optLine}\n\n` +
      `# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [${ext}]\n${overrides}# Option ndots from: ${userNdots ? 'override' : 'internal'}\n`
    );
  }
  const servers = c.dns.length ? c.dns : [HOST_DNS];
  return (
    head +
    servers.map((d) => `nameserver ${d}\n`).join('') +
    search +
    (c.dnsOptions.length ? `options ${c.dnsOptions.join(' ')}\n` : '') +
    `\n# Based on host file: '/etc/resolv.conf' (legacy)\n${overrides}`
  );
}

/** Well-known outside names the lab resolves (there is no real internet). */
const EXTERNAL: Record<string, string> = {
  'google.com': '142.250.74.46',
  'www.google.com': '142.250.74.36',
  'docker.com': '141.193.213.10',
  'www.docker.com': '141.193.213.11',
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'github.com': '140.82.121.4',
  'one.one.one.one': '1.1.1.1',
  'dns.google': '8.8.8.8',
};

export interface Resolution {
  addrs: string[];
  /** where the answer came from, for nslookup's "Server:" line */
  server: string;
}

/** Does the sandbox have a route out (a non-internal bridge/overlay/macvlan network, or host)? */
export function hasExternal(ctl: Controller, c: ContainerState): boolean {
  const ns = netns(ctl, c);
  if (isHostMode(ctl, ns)) return true;
  return activeNets(ctl, ns).some(({ net }) => !net.internal && ctl.driverOf(net)?.capability.allocatesAddresses);
}

/** Addresses a name has on one network (containers by name/alias/short id, services, tasks.). */
function lookupOnNet(ctl: Controller, net: NetworkState, name: string): string[] {
  const q = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const [c, e] of ctl.allEndpointsOn(net.id)) {
    if (!e.ipv4) continue;
    const names = [c.name, c.id.slice(0, 12), ...e.aliases].map((x) => x.toLowerCase());
    if (c.task) {
      const svc = ctl.world.state.swarm?.services.find((s) => s.id === c.task!.serviceId);
      if (svc) {
        const n = svc.networks.find((x) => x.target === net.id);
        if (n) names.push(...n.aliases.map((a) => a.toLowerCase()));
      }
    }
    if (names.includes(q)) out.push(e.ipv4);
  }
  const sw = ctl.world.state.swarm;
  if (sw && ctl.isGlobal(net)) {
    for (const s of sw.services) {
      if (!s.networks.some((x) => x.target === net.id)) continue;
      const aliases = s.networks.find((x) => x.target === net.id)!.aliases.map((a) => a.toLowerCase());
      const running = s.tasks.filter((t) => t.state === 'running').map((t) => t.addrs[net.id]).filter(Boolean);
      if (q === `tasks.${s.name.toLowerCase()}`) out.push(...running);
      else if (q === s.name.toLowerCase() || aliases.includes(q)) {
        if (s.endpointMode === 'vip' && s.vips[net.id]) out.push(s.vips[net.id]);
        else out.push(...running);
      }
    }
  }
  return out;
}

/** Resolve a name from inside a container. Empty addrs: NXDOMAIN. */
export function resolve(ctl: Controller, c: ContainerState, name: string): Resolution {
  const ns = netns(ctl, c);
  const embedded = usesEmbeddedDns(ctl, ns);
  const server = embedded ? EMBEDDED_DNS : c.dns[0] ?? HOST_DNS;
  if (isIPv4(name)) return { addrs: [name], server };
  // /etc/hosts first
  const q = name.toLowerCase();
  for (const [ip, names] of hostsEntries(ctl, c)) {
    if (isIPv4(ip) && names.split(/\s+/).some((n) => n.toLowerCase() === q)) return { addrs: [ip], server: '' };
  }
  if (q === 'localhost') return { addrs: ['127.0.0.1'], server: '' };
  if (embedded) {
    for (const { net } of activeNets(ctl, ns)) {
      if (net.predefined) continue;
      const a = lookupOnNet(ctl, net, name);
      if (a.length) return { addrs: a, server };
    }
  }
  if (isHostMode(ctl, ns)) {
    const node = ctl.world.state.nodes.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (node) return { addrs: [node.addr], server };
  }
  const ext = EXTERNAL[name.toLowerCase()];
  if (ext && hasExternal(ctl, ns)) return { addrs: [ext], server };
  return { addrs: [], server };
}

/** Resolve a name on a node's own stack (no embedded DNS). */
export function resolveOnNode(ctl: Controller, name: string): string[] {
  if (isIPv4(name)) return [name];
  const q = name.toLowerCase();
  if (q === 'localhost') return ['127.0.0.1'];
  const node = ctl.world.state.nodes.find((n) => n.name.toLowerCase() === q);
  if (node) return [node.addr];
  const ext = EXTERNAL[q];
  return ext ? [ext] : [];
}

/** Where a packet to `ip` from container c ends: a container, a node, outside, or nowhere. */
export type Target =
  | { kind: 'container'; node: NodeState; container: ContainerState; port?: number }
  | { kind: 'node'; node: NodeState }
  | { kind: 'gateway' }
  | { kind: 'external' }
  | { kind: 'self' }
  /** dropped on the way (no reply: ICC off, no NAT back, firewall) */
  | { kind: 'none' }
  /** no route at all: sendto fails with ENETUNREACH ("Network is unreachable") */
  | { kind: 'unreachable' };

/** Reachability from inside a container. */
export function route(ctl: Controller, c: ContainerState, ip: string): Target {
  const ns = netns(ctl, c);
  if (ip.startsWith('127.')) return { kind: 'self' };
  if (isHostMode(ctl, ns)) return routeFromNode(ctl, ip);
  const nets = activeNets(ctl, ns);
  if (nets.some((x) => x.ip === ip)) return { kind: 'self' };
  const n = ipToNum(ip);
  for (const { net } of nets) {
    for (const p of net.pools) {
      if (!contains(p, n)) continue;
      if (p.gateway === ip) return net.internal ? { kind: 'none' } : { kind: 'gateway' };
      for (const node of ctl.world.state.nodes) {
        if (!ctl.isGlobal(net) && node !== ctl.node) continue;
        for (const o of node.containers) {
          if (o.status !== 'running') continue;
          if (o.endpoints.some((e) => e.networkId === net.id && e.ipv4 === ip)) {
            // enable_icc=false: the bridge drops traffic between its own containers.
            if (net.options[BridgeEnableIcc] === 'false') return { kind: 'none' };
            return { kind: 'container', node, container: o };
          }
        }
      }
      // a service VIP
      const svc = ctl.world.state.swarm?.services.find((s) => s.vips[net.id] === ip);
      if (svc) {
        const t = svc.tasks.find((x) => x.state === 'running');
        const tn = t && ctl.world.state.nodes.find((x) => x.name === t.node);
        const tc = tn?.containers.find((x) => x.id === t!.containerId);
        if (tn && tc) return { kind: 'container', node: tn, container: tc };
      }
    }
  }
  // No default route (only internal networks, or none): the kernel refuses to send.
  if (!nets.some(({ net }) => !net.internal && ctl.driverOf(net)?.capability.allocatesAddresses)) return { kind: 'unreachable' };
  // Out through the gateway: nodes and the outside world are reachable, other bridges are not.
  const node = ctl.world.nodeByAddr(ip);
  if (node) return { kind: 'node', node };
  for (const net of ctl.node.networks) for (const p of net.pools) if (contains(p, n)) {
    if (p.gateway === ip) return { kind: 'gateway' };
    return { kind: 'none' };
  }
  if (/^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(ip)) return { kind: 'none' };
  return { kind: 'external' };
}

/** Reachability from a node's own network stack. */
export function routeFromNode(ctl: Controller, ip: string): Target {
  if (ip.startsWith('127.') || ip === ctl.node.addr) return { kind: 'node', node: ctl.node };
  const other = ctl.world.nodeByAddr(ip);
  if (other) return { kind: 'node', node: other };
  const n = ipToNum(ip);
  for (const net of ctl.node.networks) {
    for (const p of net.pools) {
      if (!contains(p, n)) continue;
      if (p.gateway === ip) return { kind: 'node', node: ctl.node };
      if (!ctl.driverOf(net)?.capability.publishesPorts) continue; // macvlan/ipvlan: host cannot reach its children
      for (const o of ctl.node.containers)
        if (o.status === 'running' && o.endpoints.some((e) => e.networkId === net.id && e.ipv4 === ip)) return { kind: 'container', node: ctl.node, container: o };
    }
  }
  if (/^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(ip)) return { kind: 'none' };
  return { kind: 'external' };
}

/** Which container answers on node:port (published ports, the routing mesh, host-network servers). */
export function publishedTarget(ctl: Controller, node: NodeState, port: number, viaLoopback: boolean): { node: NodeState; container: ContainerState; port: number } | null {
  for (const c of node.containers) {
    if (c.status !== 'running') continue;
    for (const b of c.ports) {
      if (b.hostPort !== port || b.proto !== 'tcp') continue;
      if (b.hostIp === '0.0.0.0' || b.hostIp === '::' || (viaLoopback && b.hostIp.startsWith('127.')) || b.hostIp === node.addr)
        return { node, container: c, port: b.containerPort };
    }
    // host network: the server listens on the node itself
    if (isHostModeOn(ctl, node, c) && serverPorts(c).includes(port)) return { node, container: c, port };
  }
  const sw = ctl.world.state.swarm;
  const member = sw?.nodes.find((n) => n.name === node.name);
  if (sw && member) {
    for (const s of sw.services) {
      const p = s.ports.find((x) => x.publishedPort === port && x.protocol === 'tcp' && x.publishMode === 'ingress');
      if (!p) continue;
      const running = s.tasks.filter((t) => t.state === 'running');
      if (!running.length) return null;
      // the routing mesh balances round robin; pick by clock for determinism
      const t = running[ctl.world.state.clock % running.length];
      const tn = ctl.world.state.nodes.find((x) => x.name === t.node)!;
      const tc = tn.containers.find((x) => x.id === t.containerId);
      if (tc) return { node: tn, container: tc, port: p.targetPort };
    }
  }
  return null;
}

function isHostModeOn(ctl: Controller, node: NodeState, c: ContainerState): boolean {
  return c.networkMode === 'host' || (c.endpoints[0]?.networkName === 'host' && node.networks.some((n) => n.id === c.endpoints[0].networkId && !!ctl.driverOf(n)?.capability.hostStack));
}

/** Ports a container's process listens on (from the image catalogue). */
export function serverPorts(c: ContainerState): number[] {
  const img = c.image.split(':')[0].replace(/^docker\.io\/(library\/)?/, '');
  const known: Record<string, number[]> = {
    nginx: [80],
    httpd: [80],
    redis: [6379],
    postgres: [5432],
    mysql: [3306, 33060],
    mariadb: [3306],
    traefik: [80, 8080],
    'containous/whoami': [80],
    'traefik/whoami': [80],
  };
  return known[img] ?? [];
}
