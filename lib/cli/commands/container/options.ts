/** Flags shared by `docker run` and `docker create`, and their conversion to a ContainerInput. */
import type { FlagSpec } from '../../flags';
import type { Flags } from '../../types';
import { CliError } from '../../types';
import { bool, list, str } from '../common';
import { type ContainerInput, type PortSpec, isIP, isIPv4, findImage, parseImageRef, ImageNotFoundError } from '../../../cnm';

export const containerFlags: FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'rm', type: 'bool' },
  { long: 'name', type: 'string' },
  { long: 'network', type: 'stringArray', aliases: ['net'] },
  { long: 'network-alias', type: 'stringArray', aliases: ['net-alias'] },
  { long: 'ip', type: 'string' },
  { long: 'ip6', type: 'string' },
  { long: 'link-local-ip', type: 'stringArray' },
  { long: 'publish', short: 'p', type: 'stringArray' },
  { long: 'publish-all', short: 'P', type: 'bool' },
  { long: 'expose', type: 'stringArray' },
  { long: 'hostname', short: 'h', type: 'string' },
  { long: 'domainname', type: 'string' },
  { long: 'dns', type: 'stringArray' },
  { long: 'dns-search', type: 'stringArray' },
  { long: 'dns-option', type: 'stringArray', aliases: ['dns-opt'] },
  { long: 'add-host', type: 'stringArray' },
  { long: 'link', type: 'stringArray' },
  { long: 'mac-address', type: 'string' },
  { long: 'env', short: 'e', type: 'stringArray' },
  { long: 'label', short: 'l', type: 'stringArray' },
  { long: 'entrypoint', type: 'string' },
  { long: 'restart', type: 'string', default: 'no' },
  { long: 'workdir', short: 'w', type: 'string' },
  { long: 'user', short: 'u', type: 'string' },
  { long: 'volume', short: 'v', type: 'stringArray' },
  { long: 'memory', short: 'm', type: 'string' },
  { long: 'cpus', type: 'string' },
  { long: 'privileged', type: 'bool' },
  { long: 'cap-add', type: 'stringArray' },
  { long: 'sysctl', type: 'map' },
  { long: 'init', type: 'bool' },
  { long: 'pull', type: 'string', default: 'missing' },
  { long: 'platform', type: 'string' },
];

/** Parse one -p value into port specs (go-connections nat.ParsePortSpec). */
export function parsePublish(v: string): PortSpec[] {
  let rest = v;
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new CliError(`invalid proto: ${proto}`, 125);
  }
  let hostIp = '';
  let hostPort = '';
  let containerPort: string;
  const m6 = /^\[([^\]]+)\]:(.*)$/.exec(rest);
  if (m6) {
    hostIp = m6[1];
    const parts = m6[2].split(':');
    hostPort = parts[0];
    containerPort = parts[1] ?? '';
  } else {
    const parts = rest.split(':');
    if (parts.length === 1) containerPort = parts[0];
    else if (parts.length === 2) [hostPort, containerPort] = parts;
    else if (parts.length === 3) [hostIp, hostPort, containerPort] = parts;
    else throw new CliError(`invalid port format for --publish: ${v}`, 125);
  }
  if (hostIp && !isIP(hostIp)) throw new CliError(`invalid IP address: ${hostIp}`, 125);
  const range = (s: string, what: string): [number, number] => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(s);
    if (!m) throw new CliError(`invalid ${what}: ${s}`, 125);
    const lo = Number(m[1]);
    const hi = m[2] ? Number(m[2]) : lo;
    if (lo < (what === 'containerPort' ? 1 : 0) || hi > 65535 || hi < lo) throw new CliError(`invalid ${what}: ${s}`, 125);
    return [lo, hi];
  };
  if (!containerPort) throw new CliError(`no port specified: ${v}<empty>`, 125);
  const [clo, chi] = range(containerPort, 'containerPort');
  const out: PortSpec[] = [];
  if (hostPort) {
    const [hlo, hhi] = range(hostPort, 'hostPort');
    if (chi - clo !== hhi - hlo) {
      if (clo === chi) {
        // one container port, a range of host ports: first free one is used
        out.push({ hostIp, hostPort: `${hlo}-${hhi}`, containerPort: clo, proto: proto as PortSpec['proto'] });
        return out;
      }
      throw new CliError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`, 125);
    }
    for (let i = 0; i <= chi - clo; i++)
      out.push({ hostIp, hostPort: String(hlo + i), containerPort: clo + i, proto: proto as PortSpec['proto'] });
  } else {
    for (let p = clo; p <= chi; p++) out.push({ hostIp, hostPort: '', containerPort: p, proto: proto as PortSpec['proto'] });
  }
  return out;
}

/** Convert parsed flags + [IMAGE, CMD...] to the engine's ContainerInput. */
export function toContainerInput(f: Flags, args: string[]): ContainerInput {
  const image = args[0];
  const ports: PortSpec[] = [];
  for (const p of list(f, 'publish')) ports.push(...parsePublish(p));
  const expose: string[] = [];
  for (const e of list(f, 'expose')) {
    const [p, proto = 'tcp'] = e.split('/');
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (!m) throw new CliError(`invalid range format for --expose: ${e}, error: invalid syntax`, 125);
    for (let x = +m[1]; x <= +(m[2] ?? m[1]); x++) expose.push(`${x}/${proto}`);
  }
  for (const h of list(f, 'add-host')) {
    const i = h.search(/[:=]/);
    if (i < 0) throw new CliError(`invalid argument "${h}" for "--add-host" flag: bad format for add-host: "${h}"`, 125);
    const addr = h.slice(i + 1).replace(/^\[|\]$/g, '');
    if (addr !== 'host-gateway' && !isIP(addr)) throw new CliError(`invalid argument "${h}" for "--add-host" flag: invalid IP address in add-host: "${addr}"`, 125);
  }
  for (const d of list(f, 'dns')) if (!isIP(d)) throw new CliError(`invalid argument "${d}" for "--dns" flag: ${d} is not an ip address`, 125);
  // docker/cli container/opts.go parse: opts.ValidateMACAddress (Go net.ParseMAC)
  const mac = str(f, 'mac-address');
  if (mac && !/^([0-9A-Fa-f]{2}([:-])){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{2}([:-])){7}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}$/.test(mac))
    throw new CliError(`${mac} is not a valid mac address`, 125);
  const ip = str(f, 'ip');
  if (ip && !isIPv4(ip)) throw new CliError(`invalid argument "${ip}" for "--ip" flag: invalid string being converted to IP address: ${ip}`, 125);
  const nets = list(f, 'network');
  const aliases = list(f, 'network-alias');
  if (aliases.length && !nets.length) {
    // aliases on the default network are rejected by the daemon
  }
  const labels: Record<string, string> = {};
  for (const l of list(f, 'label')) {
    const i = l.indexOf('=');
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
  }
  const { repo, tag } = parseImageRef(image);
  if (!findImage(image)) {
    throw new ImagePullError(repo, tag);
  }
  return {
    name: f.name ? str(f, 'name') : undefined,
    image: image.includes(':') ? image : image,
    cmd: args.slice(1),
    entrypoint: str(f, 'entrypoint') ? [str(f, 'entrypoint')] : undefined,
    hostname: str(f, 'hostname') || undefined,
    domainname: str(f, 'domainname') || undefined,
    autoRemove: bool(f, 'rm'),
    interactive: bool(f, 'interactive'),
    tty: bool(f, 'tty'),
    env: list(f, 'env'),
    labels,
    networks: nets,
    endpoint: {
      aliases,
      ipv4: ip || undefined,
      ipv6: str(f, 'ip6') || undefined,
      linkLocalIPs: list(f, 'link-local-ip'),
      mac: str(f, 'mac-address') || undefined,
    },
    dns: list(f, 'dns'),
    dnsSearch: list(f, 'dns-search'),
    dnsOptions: list(f, 'dns-option'),
    extraHosts: list(f, 'add-host').map((h) => h.replace('=', ':')),
    links: list(f, 'link'),
    ports,
    publishAll: bool(f, 'publish-all'),
    expose,
  };
}

/** Unknown image: what `docker run` prints after failing to pull. */
export class ImagePullError extends ImageNotFoundError {
  override name = 'ImagePullError';
  constructor(
    readonly repo: string,
    readonly tag: string,
  ) {
    super(repo);
  }
}
