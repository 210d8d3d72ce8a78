/**
 * The answer checker: replay the task's setup on two identical labs (same seed), run a reference
 * solution on one and the learner's answer on the other, and compare what matters — normalised
 * engine state (mode "state") or printed output (mode "output"). Never throws.
 */
import { createLab, type LabImpl } from './lab';
import { parseImageRef, type Controller } from '../cnm';

export interface CheckTask {
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
}
export interface CheckResult {
  correct: boolean;
  feedback: string[];
}

const SEED = 4242;
const MAX_COMMANDS = 200;

/** "node$ cmd" runs on that node. */
function splitNode(line: string, nodes: string[]): [string | undefined, string] {
  const m = /^\s*([A-Za-z0-9_.-]+)\$\s+(.*)$/.exec(line);
  if (m && nodes.includes(m[1])) return [m[1], m[2]];
  return [undefined, line];
}

interface Run {
  lab: LabImpl;
  stdout: string[];
  errors: string[];
}

function replay(task: CheckTask, lines: string[]): Run {
  const lab = createLab({ nodes: task.nodes, seed: SEED }) as LabImpl;
  for (const l of task.setup.slice(0, MAX_COMMANDS)) {
    const [node, cmd] = splitNode(l, lab.nodes);
    if (cmd.trim() && !cmd.trim().startsWith('#')) lab.run(cmd, node);
  }
  const stdout: string[] = [];
  const errors: string[] = [];
  for (const l of lines.slice(0, MAX_COMMANDS)) {
    const [node, cmd] = splitNode(l, lab.nodes);
    if (!cmd.trim() || cmd.trim().startsWith('#')) continue;
    const r = lab.run(cmd, node);
    stdout.push(r.stdout);
    if (r.exitCode !== 0) {
      const lines = r.stderr.split('\n\n')[0].split('\n').map((x) => x.trim()).filter(Boolean);
      const first = lines.length ? lines.join(' ') : `exit status ${r.exitCode}`;
      errors.push(`your command failed: ${first.trim()}`);
    }
  }
  return { lab, stdout, errors };
}

// ------------------------------------------------------------------ normalised state
type Facts = Map<string, Map<string, string>>; // object -> attribute -> value

function put(f: Facts, obj: string, attr: string, v: string) {
  (f.get(obj) ?? f.set(obj, new Map()).get(obj)!).set(attr, v);
}
const sortedJoin = (xs: string[]) => [...xs].sort().join(', ');
const kv = (o: Record<string, string>) => sortedJoin(Object.entries(o).map(([k, v]) => `${k}=${v}`));

function imageName(ref: string): string {
  const { repo, tag } = parseImageRef(ref);
  return `${repo}:${tag}`;
}

function facts(lab: LabImpl): { facts: Facts; userIpam: Set<string> } {
  const f: Facts = new Map();
  const userIpam = new Set<string>();
  const st = lab.engine.state;
  const multi = st.nodes.length > 1;
  const seenGlobal = new Set<string>();
  for (const node of st.nodes) {
    const ctl = lab.engine.daemon(node.name)!;
    const at = multi ? ` on ${node.name}` : '';
    for (const n of ctl.networks()) {
      if (n.predefined) continue;
      const global = ctl.isGlobal(n);
      if (global && seenGlobal.has(n.id)) continue;
      if (global) seenGlobal.add(n.id);
      const key = `network ${n.name}${global ? '' : at}`;
      if (n.userIpam) userIpam.add(key);
      put(f, key, 'driver', n.driver);
      put(f, key, 'scope', n.scope);
      put(f, key, 'subnet', n.pools.map((p) => p.subnet).join(', ') || 'none');
      put(f, key, 'gateway', n.pools.map((p) => p.gateway ?? '').join(', ') || 'none');
      put(f, key, 'ip-range', n.pools.map((p) => p.ipRange ?? '').filter(Boolean).join(', ') || 'none');
      put(f, key, 'auxiliary addresses', n.pools.map((p) => kv(p.aux)).filter(Boolean).join('; ') || 'none');
      put(f, key, 'options', kv(Object.fromEntries(Object.entries(n.options).filter(([k]) => k !== 'com.docker.network.driver.overlay.vxlanid_list'))) || 'none');
      put(f, key, 'labels', kv(n.labels) || 'none');
      put(f, key, 'internal', String(n.internal));
      put(f, key, 'attachable', String(n.attachable));
      put(f, key, 'ingress', String(n.ingress));
      put(f, key, 'IPv6', String(n.enableIPv6));
      put(f, key, 'IPv4', String(n.enableIPv4));
      put(f, key, 'config-only', String(n.configOnly));
      put(f, key, 'config-from', n.configFrom || 'none');
      put(f, key, 'IPAM driver', n.ipamDriver);
    }
    let unnamed = 0;
    for (const c of node.containers) {
      if (c.task) continue;
      const key = `container ${/^[a-z]+_[a-z]+$/.test(c.name) ? `#${++unnamed} (${imageName(c.image)})` : c.name}${at}`;
      put(f, key, 'image', imageName(c.image));
      put(f, key, 'state', c.status === 'running' ? 'running' : 'not running');
      const mode = c.networkMode.startsWith('container:') ? `container:${node.containers.find((x) => x.id === c.networkMode.slice(10))?.name ?? '?'}` : null;
      if (mode) put(f, key, 'network mode', mode);
      for (const e of c.endpoints) {
        const nn = ctl.netOf(e)?.name ?? e.networkName;
        put(f, key, `network ${nn}`, 'connected');
        put(f, key, `aliases on ${nn}`, sortedJoin(e.aliases) || 'none');
        put(f, key, `static IP on ${nn}`, e.ipv4Static ?? 'none');
        if (e.ipv6Static) put(f, key, `static IPv6 on ${nn}`, e.ipv6Static);
        if (e.links.length) put(f, key, `links on ${nn}`, sortedJoin(e.links));
      }
      put(f, key, 'links', sortedJoin(c.links) || 'none');
      put(f, key, 'DNS servers', c.dns.join(', ') || 'none');
      put(f, key, 'DNS search domains', c.dnsSearch.join(', ') || 'none');
      put(f, key, 'DNS options', c.dnsOptions.join(', ') || 'none');
      put(f, key, 'extra hosts', sortedJoin(c.extraHosts) || 'none');
      if (c.hostname !== c.id.slice(0, 12) && c.networkMode !== 'host') put(f, key, 'hostname', c.hostname);
      const ports = new Set<string>();
      for (const s of c.portSpecs) ports.add(`${s.hostIp || '0.0.0.0'}:${s.hostPort || '*'}->${s.containerPort}/${s.proto}`);
      if (c.publishAll) for (const x of c.exposed) if (![...ports].some((p) => p.endsWith(`->${x}`))) ports.add(`0.0.0.0:*->${x}`);
      put(f, key, 'published ports', sortedJoin([...ports]) || 'none');
    }
  }
  const sw = st.swarm;
  put(f, 'swarm', 'state', sw ? 'active' : 'inactive');
  if (sw) {
    for (const n of sw.nodes) put(f, 'swarm', `node ${n.name}`, n.role);
    for (const s of sw.services) {
      const key = `service ${s.name}`;
      put(f, key, 'image', imageName(s.image));
      put(f, key, 'mode', s.mode);
      if (s.mode === 'replicated') put(f, key, 'replicas', String(s.replicas));
      put(f, key, 'networks', sortedJoin(s.networks.map((x) => sw.networks.find((n) => n.id === x.target)?.name ?? x.target)) || 'none');
      put(f, key, 'published ports', sortedJoin(s.ports.map((p) => `${p.publishedPort}->${p.targetPort}/${p.protocol} (${p.publishMode})`)) || 'none');
      put(f, key, 'endpoint mode', s.endpointMode);
      put(f, key, 'network aliases', sortedJoin(s.networks.flatMap((x) => x.aliases)) || 'none');
    }
  }
  return { facts: f, userIpam };
}

function describe(obj: string, attr: string, have: string | undefined, want: string | undefined): string {
  const name = obj.replace(/^(network|container|service) /, '');
  if (attr.startsWith('network ') && obj.startsWith('container')) {
    const net = attr.slice(8);
    return want ? `container ${name} is not connected to ${net}` : `container ${name} should not be connected to ${net}`;
  }
  if (attr === 'state') return want === 'running' ? `container ${name} is not running` : `container ${name} should not be running`;
  if (obj === 'swarm') {
    if (attr === 'state') return want === 'active' ? 'swarm mode is not active; the task wants a swarm' : 'swarm mode should not be active';
    return have ? `node ${attr.slice(5)} is a ${have}; the task wants a ${want ?? 'node outside the swarm'}` : `node ${attr.slice(5)} has not joined the swarm as a ${want}`;
  }
  if (have === undefined) return `${name} has no ${attr}; the task wants ${want}`;
  if (want === undefined) return `${name} has ${attr} ${have}; the task does not want it`;
  return `${name} has ${attr} ${have}; the task wants ${want}`;
}

function diff(want: ReturnType<typeof facts>, have: ReturnType<typeof facts>): string[] {
  const out: string[] = [];
  for (const [obj, attrs] of want.facts) {
    const h = have.facts.get(obj);
    if (!h) {
      out.push(`${obj} is missing`);
      continue;
    }
    const ipamMatters = want.userIpam.has(obj) || have.userIpam.has(obj);
    for (const [a, v] of attrs) {
      if (!ipamMatters && ['subnet', 'gateway', 'ip-range', 'auxiliary addresses'].includes(a)) continue;
      if (h.get(a) !== v) out.push(describe(obj, a, h.get(a), v));
    }
    for (const [a, v] of h) if (!attrs.has(a)) out.push(describe(obj, a, v, undefined));
  }
  for (const obj of have.facts.keys()) if (!want.facts.has(obj)) out.push(`${obj} should not exist`);
  return out;
}

const mask = (s: string) =>
  s
    .replace(/\b[0-9a-f]{64}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id>')
    .replace(/\b[a-z0-9]{25}\b/g, '<id>')
    .replace(/SWMTKN-1-[a-z0-9-]+/g, '<token>')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

/**
 * Judge an answer against a command task.
 * @returns correct when the answer matches any reference solution; feedback against the closest
 */
export function check(task: CheckTask, answer: string[]): CheckResult {
  try {
    const sols = task.solutions?.length ? task.solutions : [[]];
    const ans = replay(task, Array.isArray(answer) ? answer.map(String) : []);
    let best: string[] | null = null;
    // A reference solution that fails would compare two unchanged engines and accept anything
    // (even an empty answer), so failing references are skipped; if none runs, say so.
    const refs = sols.map((sol) => replay(task, sol));
    const usable = refs.filter((r) => r.errors.length === 0);
    if (!usable.length) {
      const why = refs[0].errors[0]?.replace(/^your command failed: /, '') ?? 'no reference solution';
      return { correct: false, feedback: [`this task's reference solution does not run in the simulator (${why}), so the answer cannot be judged`] };
    }
    for (const ref of usable) {
      let d: string[];
      if (task.mode === 'output') {
        const a = mask(ans.stdout.join(''));
        const r = mask(ref.stdout.join(''));
        d = a === r ? [] : [a ? 'the output differs from what the task asks for' : 'your commands printed nothing'];
        if (d.length && r) d.push(`expected output:\n${r.slice(0, 2000)}`);
      } else d = diff(facts(ref.lab), facts(ans.lab));
      if (!d.length) return { correct: true, feedback: ans.errors };
      if (!best || d.length < best.length) best = d;
    }
    return { correct: false, feedback: [...best!, ...ans.errors] };
  } catch (e) {
    return { correct: false, feedback: [`the checker could not run this task: ${(e as Error)?.message ?? String(e)}`] };
  }
}

export type { Controller };
