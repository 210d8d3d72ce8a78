/**
 * Programs learners run inside containers (`docker exec C ping web`) and on a node's own shell
 * (`curl localhost:8080`): ping, nslookup, getent, wget, curl, cat of /etc files, ip addr,
 * hostname. Output follows busybox/alpine where the two differ.
 */
import { type Controller, type ContainerState, type EndpointState, hostsFile, logRequest, netns, processEnv, publishedTarget, resolve, resolveOnNode, resolvConf, route, routeFromNode, serverPorts, type Target, findImage, contains, ipToNum, numToIp, type NodeState } from '../../cnm';
import type { CommandResult } from '../sh';
import { runShell } from '../sh';
import { APPLETS } from '../sh/applets';
import { editDistance } from '../suggest';

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1, stdout = ''): CommandResult => ({ stdout, stderr, exitCode });

/** A place programs run: a container's namespace or a node's own stack. */
type Where = { kind: 'container'; ctl: Controller; c: ContainerState } | { kind: 'node'; ctl: Controller };

function lookup(w: Where, name: string): string[] {
  return w.kind === 'container' ? resolve(w.ctl, w.c, name).addrs : resolveOnNode(w.ctl, name);
}
function routeTo(w: Where, ip: string): Target {
  return w.kind === 'container' ? route(w.ctl, w.c, ip) : routeFromNode(w.ctl, ip);
}
function rtt(w: Where, i: number, t: Target): string {
  const base = t.kind === 'external' ? 9 : 0.05;
  const v = base + ((w.ctl.world.state.clock * 7 + i * 13) % 97) / 1000;
  return v.toFixed(3);
}

function ping(w: Where, args: string[]): CommandResult {
  let count = 4;
  let host = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') count = Math.max(1, Math.min(20, Number(args[++i]) || 1));
    else if (/^-c\d+$/.test(a)) count = Math.max(1, Math.min(20, Number(a.slice(2))));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (a.startsWith('-')) continue;
    else host = a;
  }
  if (!host) return fail('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
  const addrs = lookup(w, host);
  if (!addrs.length) return fail(`ping: bad address '${host}'\n`);
  const ip = addrs[0];
  const t = routeTo(w, ip);
  const reach = t.kind !== 'none' && t.kind !== 'unreachable';
  let out = `PING ${host} (${ip}): 56 data bytes\n`;
  // busybox ping dies on the first failed sendto()
  if (t.kind === 'unreachable') return { stdout: out, stderr: 'ping: sendto: Network is unreachable\n', exitCode: 1 };
  const times: number[] = [];
  if (reach)
    for (let i = 0; i < count; i++) {
      const r = rtt(w, i, t);
      times.push(Number(r));
      out += `64 bytes from ${ip}: seq=${i} ttl=${t.kind === 'external' ? 116 : 64} time=${r} ms\n`;
    }
  out += `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${reach ? count : 0} packets received, ${reach ? 0 : 100}% packet loss\n`;
  if (reach) {
    const avg = times.reduce((a, b) => a + b, 0) / times.length;
    out += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`;
  }
  return { stdout: out, stderr: '', exitCode: reach ? 0 : 1 };
}

/**
 * nslookup. In a container it is busybox's (networking/nslookup.c, FEATURE_NSLOOKUP_BIG): one A
 * and one AAAA query, each reply printed as it arrives and followed by a blank line; Docker's
 * embedded DNS never sets the authoritative bit, so every answer is "Non-authoritative"; a v4-only
 * name gets an empty AAAA answer; NXDOMAIN prints "** server can't find" per query and exits 1.
 * On the node it is bind's (Address with #53, one block).
 */
function nslookup(w: Where, args: string[]): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return fail('BusyBox v1.37.0 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
  if (w.kind === 'node') {
    const addrs = resolveOnNode(w.ctl, name);
    const head = `Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n`;
    if (!addrs.length) return fail('', 1, `${head}** server can't find ${name}: NXDOMAIN\n\n`);
    return ok(`${head}Non-authoritative answer:\n${addrs.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')}\n`);
  }
  const r = resolve(w.ctl, w.c, name);
  const server = r.server || '127.0.0.11';
  const type = (/^-(?:type|querytype)=(.+)$/i.exec(args.find((a) => /^-(?:type|querytype)=/i.test(a)) ?? '')?.[1] ?? '').toUpperCase();
  const queries = type === 'A' ? ['A'] : type === 'AAAA' ? ['AAAA'] : ['A', 'AAAA'];
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (!r.addrs.length) {
    for (let i = 0; i < queries.length; i++) out += `** server can't find ${name}: NXDOMAIN\n\n`;
    return fail('', 1, out);
  }
  for (const q of queries) {
    const addrs = r.addrs.filter((a) => (q === 'A' ? !a.includes(':') : a.includes(':')));
    out += `Non-authoritative answer:\n${addrs.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')}\n`;
  }
  return ok(out);
}

/**
 * getent hosts|ahosts. Alpine's is musl-utils' (aports main/musl/getent.c): hosts asks for an IPv6
 * address, then IPv4, and prints the first one ("%-16s  %s"); ahosts prints each address per
 * socket type with the name ("%-15s %-6s %s"; musl gives STREAM and DGRAM). Debian-based images and
 * the node have glibc's: hosts prints every address ("%-15s %s"), ahosts STREAM/DGRAM/RAW with the
 * name on the first line. busybox has no getent. A name not found: exit 2.
 */
function getent(w: Where, args: string[]): CommandResult {
  const img = w.kind === 'container' ? (findImage(w.c.image)?.name ?? '') : '';
  if (img === 'busybox') return notFound('getent');
  const musl = img === 'alpine';
  const db = args[0] ?? '';
  if (db !== 'hosts' && db !== 'ahosts') {
    if (musl) return fail(`getent: Unknown database \`${db}'\nUsage: getent database [key ...]\n`, 1);
    return fail(`Unknown database: ${db}\nTry 'getent --help' or 'getent --usage' for more information.\n`, 1);
  }
  let out = '';
  for (const n of args.slice(1)) {
    const a = lookup(w, n);
    if (!a.length) return { stdout: out, stderr: '', exitCode: 2 };
    if (db === 'hosts') {
      if (musl) out += `${(a.find((ip) => ip.includes(':')) ?? a[0]).padEnd(16)}  ${n}\n`;
      else out += a.map((ip) => `${ip.padEnd(15)} ${n}\n`).join('');
    } else if (musl) out += a.map((ip) => `${ip.padEnd(15)} STREAM ${n}\n${ip.padEnd(15)} DGRAM  ${n}\n`).join('');
    else out += a.map((ip, i) => `${ip.padEnd(15)} STREAM ${i === 0 ? n : ''}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`).join('');
  }
  return ok(out);
}

/** The gateway (the host's address) of the network an endpoint of a container on `node` is on. */
function gatewayOf(w: Where, node: NodeState, e: EndpointState | undefined): string {
  if (!e) return w.ctl.node.addr;
  const n = node.networks.find((x) => x.id === e.networkId) ?? w.ctl.world.state.swarm?.networks.find((x) => x.id === e.networkId);
  const p = n?.pools.find((x) => e.ipv4 && contains(x, ipToNum(e.ipv4))) ?? n?.pools[0];
  return p?.gateway ?? node.addr;
}

/**
 * The address a server sees a request come from (nginx's $remote_addr): the client's own address
 * on a shared network; for a published port, the sender's node address when it comes from another
 * node (DNAT keeps the source), else the bridge gateway (docker-proxy or hairpin NAT connects from it).
 */
function clientAddr(w: Where, t: Target, server: ContainerState, serverNode: NodeState, ip: string): string {
  if (t.kind === 'self') return '127.0.0.1';
  const se = server.endpoints.find((e) => e.ipv4 === ip);
  if (t.kind === 'container') {
    if (w.kind === 'container') {
      const mine = netns(w.ctl, w.c).endpoints.find((e) => se && e.networkId === se.networkId && e.ipv4);
      if (mine?.ipv4) return mine.ipv4;
    }
    return gatewayOf(w, serverNode, se);
  }
  // the routing mesh: the receiving node's ingress-sbox forwards (and masquerades) to the task
  const recv = t.kind === 'node' ? t.node : w.ctl.node;
  if (server.task && recv.ingressSbox && !server.ports.length) return recv.ingressSbox.ingress.ip;
  if (w.ctl.node !== serverNode) return w.ctl.node.addr;
  return gatewayOf(w, serverNode, server.endpoints.find((e) => e.ipv4) ?? se);
}

/** Fetch http://host[:port]/ from w: the body, or a failure reason. A server that answers logs the request. */
function http(w: Where, url: string, req: { method: string; userAgent: string }): { body?: string; err?: 'resolve' | 'refused' | 'timeout' | 'unreachable' | 'frozen'; host: string; ip?: string; port: number } {
  const m = /^(?:https?:\/\/)?([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { err: 'resolve', host: url, port: 80 };
  const host = m[1];
  const port = m[2] ? Number(m[2]) : url.startsWith('https') ? 443 : 80;
  const addrs = lookup(w, host);
  if (!addrs.length) return { err: 'resolve', host, port };
  const ip = addrs[0];
  const t = routeTo(w, ip);
  const serve = (c: ContainerState, p: number, node: NodeState = w.ctl.node) => {
    if (c.status !== 'running' || !serverPorts(c).includes(p)) return { err: 'refused' as const, host, ip, port };
    // docker pause freezes the server's processes; the kernel still completes the TCP handshake
    // (and answers ping), so the request is sent and no answer ever comes
    if (c.paused) return { err: 'frozen' as const, host, ip, port };
    const body = findImage(c.image)?.banner ?? 'OK';
    logRequest(c, w.ctl.world.state.clock, {
      client: clientAddr(w, t, c, node, ip),
      method: req.method,
      path: m[3] ?? '/',
      status: 200,
      bytes: req.method === 'HEAD' ? 0 : body.length + 1,
      userAgent: req.userAgent,
    });
    return { body, host, ip, port };
  };
  switch (t.kind) {
    case 'container':
      return serve(t.container, port, t.node);
    case 'self':
      if (w.kind === 'container') return serve(netns(w.ctl, w.c), port);
      break;
    case 'node':
    case 'gateway': {
      const node: NodeState = t.kind === 'node' ? t.node : w.ctl.node;
      const hit = publishedTarget(w.ctl, node, port, ip.startsWith('127.') && w.kind === 'node');
      if (hit) return serve(hit.container, hit.port, hit.node);
      return { err: 'refused', host, ip, port };
    }
    case 'external':
      return { body: '<!doctype html><html><head><title>Example Domain</title></head></html>', host, ip, port };
    case 'none':
      return { err: 'timeout', host, ip, port };
    case 'unreachable':
      return { err: 'unreachable', host, ip, port };
  }
  if (w.kind === 'node') {
    const hit = publishedTarget(w.ctl, w.ctl.node, port, true);
    if (hit) return serve(hit.container, hit.port, hit.node);
  }
  return { err: 'refused', host, ip, port };
}

function curl(w: Where, args: string[]): CommandResult {
  const url = args.filter((a, i) => !a.startsWith('-') && !['-o', '-m', '--max-time', '-H', '-X', '-w', '--connect-timeout'].includes(args[i - 1] ?? '')).pop();
  if (!url) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  const silent = args.some((a) => /^-[a-zA-Z]*s/.test(a));
  const head = args.includes('-I') || args.includes('--head');
  const x = args.findIndex((a) => a === '-X' || a === '--request');
  const method = head ? 'HEAD' : x >= 0 && args[x + 1] ? args[x + 1] : 'GET';
  // curl on the node is Ubuntu 24.04's; in a container (netshoot, alpine + curl) a current one
  const r = http(w, url, { method, userAgent: w.kind === 'node' ? 'curl/8.5.0' : 'curl/8.14.1' });
  if (r.err === 'resolve') return fail(silent && !args.includes('-S') ? '' : `curl: (6) Could not resolve host: ${r.host}\n`, 6);
  if (r.err === 'refused')
    return fail(silent ? '' : `curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server\n`, 7);
  if (r.err === 'timeout')
    return fail(silent ? '' : `curl: (28) Failed to connect to ${r.host} port ${r.port} after 10002 ms: Timeout was reached\n`, 28);
  if (r.err === 'unreachable')
    return fail(silent ? '' : `curl: (7) Failed to connect to ${r.host} port ${r.port} after 0 ms: Could not connect to server\n`, 7);
  if (r.err === 'frozen') {
    // connected, no reply: curl waits for --max-time (none by default: until Ctrl-C)
    const m = args.findIndex((a) => a === '-m' || a === '--max-time');
    const secs = m >= 0 ? Number(args[m + 1]) : NaN;
    if (secs > 0) return fail(silent && !args.includes('-S') ? '' : `curl: (28) Operation timed out after ${Math.round(secs * 1000)} milliseconds with 0 bytes received\n`, 28);
    return fail(`^C\n(no answer from ${r.host} port ${r.port}: connected, but nothing came back; a real curl waits here until Ctrl-C, or -m SECONDS)\n`, 130);
  }
  if (head) return ok(`HTTP/1.1 200 OK\r\nServer: sim\r\nContent-Length: ${r.body!.length}\r\n\r\n`);
  // -o FILE writes the body there (the progress meter is not simulated)
  const o = args.findIndex((a) => a === '-o' || a === '--output');
  if (o >= 0 && args[o + 1] && args[o + 1] !== '-') return ok('');
  return ok(r.body + '\n');
}

function wget(w: Where, args: string[]): CommandResult {
  const url = args.filter((a, i) => !a.startsWith('-') && !['-O', '-T'].includes(args[i - 1] ?? '')).pop();
  if (!url) return fail('BusyBox v1.37.0 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL...\n');
  const quiet = args.some((a) => /^-[a-zA-Z]*q/.test(a));
  const toStdout = args.some((a, i) => (a === '-O' && args[i + 1] === '-') || /^-[a-zA-Z]*O-$/.test(a) || a === '-O-');
  const spider = args.includes('--spider');
  // busybox wget sends "Wget"; GNU Wget on the node its version
  const r = http(w, url, { method: spider ? 'HEAD' : 'GET', userAgent: w.kind === 'node' ? 'Wget/1.21.4' : 'Wget' });
  const hostPort = `${r.host}${r.port !== 80 ? `:${r.port}` : ''}`;
  const pre = quiet ? '' : `Connecting to ${hostPort} (${r.ip ?? r.host}:${r.port})\n`;
  if (r.err === 'resolve') return fail(`wget: bad address '${r.host}${/:\d+/.test(url) ? `:${r.port}` : ''}'\n`);
  if (r.err === 'refused') return fail(`${pre}wget: can't connect to remote host (${r.ip}): Connection refused\n`);
  if (r.err === 'timeout' || r.err === 'frozen') return fail(`${pre}wget: download timed out\n`);
  if (r.err === 'unreachable') return fail(`${pre}wget: can't connect to remote host (${r.ip}): Network is unreachable\n`);
  if (spider) return { stdout: '', stderr: quiet ? '' : `${pre}remote file exists\n`, exitCode: 0 };
  if (toStdout) return { stdout: r.body + '\n', stderr: quiet ? '' : `${pre}writing to stdout\n-                    100% |********************************|   ${r.body!.length}  0:00:00 ETA\nwritten to stdout\n`, exitCode: 0 };
  return { stdout: '', stderr: quiet ? '' : `${pre}saving to 'index.html'\nindex.html           100% |********************************|   ${r.body!.length}  0:00:00 ETA\n'index.html' saved\n`, exitCode: 0 };
}

function ipAddr(ctl: Controller, c: ContainerState | null): string {
  let s = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n';
  if (!c) {
    s += `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP qlen 1000\n    link/ether 52:54:00:12:34:${(ctl.world.state.nodes.indexOf(ctl.node) + 0x11).toString(16)} brd ff:ff:ff:ff:ff:ff\n    inet ${ctl.node.addr}/24 brd 10.0.0.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`;
    let idx = 3;
    for (const n of ctl.node.networks) {
      if (n.driver !== 'bridge') continue;
      const p = n.pools[0];
      const dev = n.options['com.docker.network.bridge.name'] ?? `br-${n.id.slice(0, 12)}`;
      const up = ctl.localEndpointsOn(n.id).length > 0;
      s += `${idx++}: ${dev}: <${up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP'}> mtu 1500 qdisc noqueue state ${up ? 'UP' : 'DOWN'}\n    link/ether 02:42:${n.id.slice(0, 8).replace(/(..)(?!$)/g, '$1:')} brd ff:ff:ff:ff:ff:ff\n`;
      if (p?.gateway) s += `    inet ${p.gateway}/${p.bits} brd ${numToIp(p.base + 2 ** (32 - p.bits) - 1)} scope global ${dev}\n       valid_lft forever preferred_lft forever\n`;
    }
    return s;
  }
  let idx = 2;
  const iface = (ip: string, mac: string, mtu: string, bits: number | undefined, base: number | undefined) => {
    const ifn = `eth${idx - 2}`;
    let t = `${idx * 2 + 20}: ${ifn}@if${idx * 2 + 21}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu ${mtu} qdisc noqueue state UP\n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n`;
    if (bits !== undefined && base !== undefined) t += `    inet ${ip}/${bits} brd ${numToIp(base + 2 ** (32 - bits) - 1)} scope global ${ifn}\n       valid_lft forever preferred_lft forever\n`;
    idx++;
    return t;
  };
  for (const e of c.endpoints) {
    if (!e.id || !e.ipv4) continue;
    const n = ctl.netOf(e);
    const p = n?.pools.find((x) => contains(x, ipToNum(e.ipv4!)));
    s += iface(e.ipv4, e.mac ?? '', n?.options['com.docker.network.driver.mtu'] || '1500', p?.bits, p?.base);
  }
  // the docker_gwbridge endpoint of an overlay-only container comes last (lib/cnm/gateway.ts)
  if (c.gw) {
    const p = ctl.node.networks.find((n) => n.name === 'docker_gwbridge')?.pools.find((x) => contains(x, ipToNum(c.gw!.ip)));
    s += iface(c.gw.ip, c.gw.mac, '1500', p?.bits, p?.base);
  }
  return s;
}

/** `ip link`: the `ip addr` blocks without their address lines. */
function linkOnly(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s+(inet6? |valid_lft)/.test(l))
    .join('\n');
}

/** `ip addr show DEV`: only that interface's block. */
function filterDev(text: string, dev: string): CommandResult {
  const blocks = text.split(/\n(?=\d+: )/);
  const hit = blocks.find((b) => new RegExp(`^\\d+: ${dev.replace(/[.]/g, '\\.')}[@:]`).test(b));
  if (!hit) return fail(`ip: can't find device '${dev}'\n`);
  return ok(hit.endsWith('\n') ? hit : hit + '\n');
}

/** The files of a container the lab knows, or null. */
function etcFile(ctl: Controller, c: ContainerState, f: string): string | null {
  if (f === '/etc/hosts') return hostsFile(ctl, c);
  if (f === '/etc/resolv.conf') return resolvConf(ctl, c);
  if (f === '/etc/hostname') return c.hostname + '\n';
  return null;
}

function notFound(prog: string): CommandResult {
  return fail(
    `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`,
    127,
  );
}

function common(w: Where, argv: string[]): CommandResult | null {
  const [prog, ...args] = argv;
  const base = prog.split('/').pop()!;
  switch (base) {
    case 'ping':
      return ping(w, args);
    case 'nslookup':
      return nslookup(w, args);
    case 'getent':
      return getent(w, args);
    case 'curl':
      return curl(w, args);
    case 'wget':
      return wget(w, args);
    case 'echo':
      return ok(args.join(' ') + '\n');
    case 'true':
    case 'sleep':
      return ok('');
    case 'false':
      return fail('', 1);
    case 'cat':
      return null;
    default:
      return null;
  }
}

/** Run argv inside a container's namespace. */
export function execInContainer(ctl: Controller, c: ContainerState, argv: string[], depth = 0): CommandResult {
  if (!argv.length) return fail('OCI runtime exec failed: exec failed: unable to start container process: exec: no command: unknown\n', 126);
  const w: Where = { kind: 'container', ctl, c };
  const r = common(w, argv);
  if (r) return r;
  const [prog, ...args] = argv;
  const base = prog.split('/').pop()!;
  const ns = netns(ctl, c);
  switch (base) {
    case 'cat': {
      let out = '';
      for (const f of args) {
        const text = etcFile(ctl, c, f);
        if (text === null) return fail(`cat: can't open '${f}': No such file or directory\n`, 1, out);
        out += text;
      }
      return ok(out);
    }
    case 'grep':
    case 'head':
    case 'tail': {
      // busybox grep/head/tail on one of the files the lab has (the last operand), else on the exec's
      // stdin, which is empty: the shell's applets do the work
      const file = args.length > 1 && args[args.length - 1].startsWith('/') ? args[args.length - 1] : null;
      const text = file === null ? '' : etcFile(ctl, c, file);
      if (text === null) return fail(`${base}: ${file}: No such file or directory\n`, base === 'grep' ? 2 : 1);
      return APPLETS[base](file === null ? args : args.slice(0, -1), text, undefined as never) ?? notFound(prog);
    }
    case 'hostname':
      if (args[0] === '-i') return ok(ns.endpoints.filter((e) => e.ipv4).map((e) => e.ipv4).join(' ') + '\n');
      return ok(c.hostname + '\n');
    case 'ip':
      if (['addr', 'a', 'address'].includes(args[0] ?? '') || args[0] === '-4' || args[0] === 'add') {
        const text = c.networkMode === 'host' ? ipAddr(ctl, null) : ipAddr(ctl, ns);
        const dev = args[1] === 'show' || args[1] === 'list' ? args[2] : undefined;
        return dev ? filterDev(text, dev) : ok(text);
      }
      if (['link', 'l'].includes(args[0] ?? '')) {
        const text = linkOnly(c.networkMode === 'host' ? ipAddr(ctl, null) : ipAddr(ctl, ns));
        const dev = args[1] === 'show' || args[1] === 'list' ? args[2] : undefined;
        return dev ? filterDev(text, dev) : ok(text);
      }
      if (['route', 'r'].includes(args[0] ?? '')) {
        const first = ns.endpoints.find((e) => e.ipv4);
        const n = first && ctl.netOf(first);
        const p = n?.pools[0];
        const joined = ns.endpoints.filter((e) => e.ipv4);
        const gwPool = ns.gw ? ctl.node.networks.find((x) => x.name === 'docker_gwbridge')?.pools[0] : undefined;
        // An overlay-only container's way out is docker_gwbridge; a gateway-less network (ipvlan L3)
        // routes everything through the interface itself.
        let s = gwPool?.gateway
          ? `default via ${gwPool.gateway} dev eth${joined.length} \n`
          : !p || n?.internal
            ? ''
            : p.gateway
              ? `default via ${p.gateway} dev eth0 \n`
              : 'default dev eth0 scope link \n';
        ns.endpoints.forEach((e, i) => {
          const nn = ctl.netOf(e);
          const pp = nn?.pools.find((x) => e.ipv4 && contains(x, ipToNum(e.ipv4)));
          if (pp) s += `${pp.subnet} dev eth${i} scope link  src ${e.ipv4} \n`;
        });
        if (gwPool && ns.gw) s += `${gwPool.subnet} dev eth${joined.length} scope link  src ${ns.gw.ip} \n`;
        return ok(s);
      }
      return fail('BusyBox v1.37.0 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n');
    case 'ifconfig':
      return ok(ipAddr(ctl, ns));
    case 'env':
    case 'printenv':
      return ok(processEnv(ctl, c).map((e) => e + '\n').join(''));
    case 'ls':
      return ok('bin\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n');
    case 'sh':
    case 'ash':
    case 'bash':
      if (args[0] === '-c' && args[1] !== undefined) {
        if (depth > 4) return fail('sh: too deep\n', 2);
        return runShell(args[1], (av) => execInContainer(ctl, c, av, depth + 1), { maxDepth: 4 });
      }
      return ok('');
    case 'exit':
      return fail('', Number(args[0] ?? 0) || 0);
    default:
      return notFound(prog);
  }
}

/** Run argv on a node's own shell (no docker prefix). */
export function execOnNode(ctl: Controller, argv: string[]): CommandResult {
  const w: Where = { kind: 'node', ctl };
  const r = common(w, argv);
  if (r) return r;
  const [prog, ...args] = argv;
  switch (prog) {
    case 'hostname':
      if (args[0] === '-I' || args[0] === '-i') return ok(`${ctl.node.addr} \n`);
      return ok(ctl.node.name + '\n');
    case 'ip':
      if (['addr', 'a', 'address'].includes(args[0] ?? '')) {
        const dev = args[1] === 'show' ? args[2] : undefined;
        return dev ? filterDev(ipAddr(ctl, null), dev) : ok(ipAddr(ctl, null));
      }
      return fail(`Object "${args[0] ?? ''}" is unknown, try "ip help".\n`, 255);
    case 'whoami':
      return ok('root\n');
    case 'help':
      return ok(
        'Commands: docker <network|run|create|start|stop|restart|rm|ps|port|inspect|exec|logs|events|pause|unpause|wait|top|images|pull|swarm|node|service|info> ...\n' +
          'On the node: curl, wget, ping, nslookup, getent hosts, ip addr, hostname. Shell: ; && || | $(...) grep head tail wc.\n',
      );
    default:
      return fail(notOnNode(prog), 127);
  }
}

/**
 * What the node's shell says for a program it does not have: a likely typo of docker gets a
 * hint, anything else (ls, cd, apt, vi ...) is told what the lab simulates.
 */
function notOnNode(prog: string): string {
  const head = `bash: ${prog}: command not found\n`;
  if (editDistance(prog.toLowerCase(), 'docker') <= 2) return `${head}Did you mean docker?\n`;
  return (
    head +
    'This lab simulates a Docker engine, not a whole Linux host.\n' +
    'It runs docker commands and, on the node or in a container, curl, wget, ping, nslookup, getent hosts, ip addr and hostname. Type help for the list.\n'
  );
}
