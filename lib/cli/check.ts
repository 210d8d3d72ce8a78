/**
 * The answer checker. The answer is the learner's whole session since the task started (every
 * command, in order, failed ones too), replayed on a lab started exactly as the live one (same
 * seed, same setup), so IDs, tokens and addresses copied from the screen are the ones the
 * reference sees. The expected result comes from the same start plus a reference solution.
 *
 * - state: the normalised end state of the learner's lab against each reference's end state.
 *   Exploration and failed commands leave no trace there; harm done later (removing the network
 *   again) does. Stopped throw-away containers (generated names) are tolerated.
 * - output: some successful command printed the expected output (whitespace normalised, IDs
 *   compared by what they refer to), and nothing the task expects was removed or changed.
 *
 * Feedback lists only true differences, each naming the object and attribute; failed commands
 * are mentioned only as notes. Never throws.
 */
import { DEFAULT_SEED, parseImageRef, type Engine } from '../cnm';
import { restoreLab, type LabImpl } from './lab';
import { replaySession, startTask, type SessionStep } from './session';
import { parseTable, projectionGap } from './projection';

export interface CheckTask {
  setup: string[];
  solutions: string[][];
  mode: 'state' | 'output';
  nodes?: string[];
  /**
   * Output tasks whose reference prints a table: the columns the prompt asks for (`NETWORK ID|NAME`:
   * either one); another layout showing them for every row is accepted. Absent: every column.
   */
  columns?: string[];
}
export interface CheckOptions {
  /** seed of the lab the answer was typed on (default DEFAULT_SEED, as the live lab) */
  seed?: number;
}
export interface CheckResult {
  correct: boolean;
  /** differences (when wrong), then notes ("Note: ...") about failed commands */
  feedback: string[];
}

// ------------------------------------------------------------------ normalised state
type Facts = Map<string, Map<string, string>>; // object -> attribute -> value
interface State {
  facts: Facts;
  /** networks whose IPAM config was given by the user (only then are addresses compared) */
  userIpam: Set<string>;
  /** stopped containers with generated names: leftovers of trying things out */
  scratch: Set<string>;
}

function put(f: Facts, obj: string, attr: string, v: string) {
  (f.get(obj) ?? f.set(obj, new Map()).get(obj)!).set(attr, v);
}
const sortedJoin = (xs: string[]) => [...xs].sort().join(', ');
const kv = (o: Record<string, string>) => sortedJoin(Object.entries(o).map(([k, v]) => `${k}=${v}`));
const GENERATED_NAME = /^[a-z]+_[a-z]+$/;

function imageName(ref: string): string {
  const { repo, tag } = parseImageRef(ref);
  return `${repo}:${tag}`;
}

/** The engine reduced to what a task can ask for, keyed by object and attribute. */
export function normalisedState(engine: Engine): State {
  const f: Facts = new Map();
  const userIpam = new Set<string>();
  const scratch = new Set<string>();
  const st = engine.state;
  const multi = st.nodes.length > 1;
  const seenGlobal = new Set<string>();
  for (const node of st.nodes) {
    const ctl = engine.daemon(node.name)!;
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
      const generated = GENERATED_NAME.test(c.name);
      const key = `container ${generated ? `#${++unnamed} (${imageName(c.image)})` : c.name}${at}`;
      if (generated && c.status !== 'running') scratch.add(key);
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
      put(f, key, 'labels', kv(c.labels) || 'none');
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
      put(f, key, 'labels', kv(s.labels) || 'none');
    }
  }
  return { facts: f, userIpam, scratch };
}

const IPAM_ATTRS = new Set(['subnet', 'gateway', 'ip-range', 'auxiliary addresses']);
/** Attributes that exist only while a container is on a network: "aliases on my-net". */
const perNetwork = (attr: string) => /^(aliases|static IP|static IPv6|links) on (.+)$/.exec(attr)?.[2];

/** One sentence for one difference, naming the object and the attribute. */
function describe(obj: string, attr: string, have: string | undefined, want: string | undefined): string {
  const kind = obj.split(' ')[0];
  const name = obj.slice(kind.length + 1);
  if (obj === 'swarm') {
    if (attr === 'state') return want === 'active' ? 'swarm mode is not active; the task wants a swarm' : 'swarm mode is active; the task wants no swarm';
    const node = attr.slice(5);
    if (!have) return `node ${node} has not joined the swarm; the task wants it to join as a ${want}`;
    if (!want) return `node ${node} is in the swarm as a ${have}; the task wants it out of the swarm`;
    return `node ${node} is a ${have}; the task wants a ${want}`;
  }
  if (kind === 'container' && attr.startsWith('network ')) {
    const net = attr.slice(8);
    return want ? `container ${name} is not connected to ${net}` : `container ${name} should not be connected to ${net}`;
  }
  if (kind === 'container' && attr === 'state') return want === 'running' ? `container ${name} is not running` : `container ${name} should not be running`;
  return `${name}: ${attr} is ${have ?? 'not set'}, the task wants ${want ?? 'none'}`;
}

/**
 * True differences between the expected and the learner's state.
 * @param harmOnly report only what the learner removed or changed (extra objects are fine)
 */
function diff(want: State, have: State, harmOnly = false): string[] {
  const out: string[] = [];
  for (const [obj, attrs] of want.facts) {
    const h = have.facts.get(obj);
    if (!h) {
      if (!want.scratch.has(obj)) out.push(`${obj} is missing`);
      continue;
    }
    const ipamMatters = want.userIpam.has(obj) || have.userIpam.has(obj);
    // A container on the wrong networks: say so once, not once per alias or address on them.
    const netDiffers = new Set<string>();
    for (const [a, w] of attrs) if (a.startsWith('network ') && w !== h.get(a)) netDiffers.add(a.slice(8));
    for (const a of h.keys()) if (a.startsWith('network ') && !attrs.has(a)) netDiffers.add(a.slice(8));
    const differs = (a: string, w: string | undefined, v: string | undefined) => {
      if (w === v) return;
      if (!ipamMatters && IPAM_ATTRS.has(a)) return;
      const net = perNetwork(a);
      if (net !== undefined && netDiffers.has(net)) return;
      // an attribute the learner's object lacks and the task wants absent is no difference
      if ((w === undefined || w === 'none') && (v === undefined || v === 'none')) return;
      out.push(describe(obj, a, v, w));
    };
    // the wanted attributes in order, then (unless harmOnly) the learner's extra ones
    for (const [a, w] of attrs) differs(a, w, h.get(a));
    if (!harmOnly) for (const [a, v] of h) if (!attrs.has(a)) differs(a, undefined, v);
  }
  if (!harmOnly) for (const obj of have.facts.keys()) if (!want.facts.has(obj) && !have.scratch.has(obj)) out.push(`${obj} should not exist`);
  return out;
}

// ------------------------------------------------------------------ output
const ID_LIKE = /^(?:[0-9a-f]{12,64}|[0-9a-z]{25}|SWMTKN-1-[0-9a-z-]+)$/;
const tokens = (s: string) => s.split(/\s+/).filter(Boolean);

/** Two printed words are the same: equal text, or references to the same object. */
function sameWord(mine: string, mineEngine: Engine, want: string, wantEngine: Engine): boolean {
  if (mine === want) return true;
  const core = (w: string) => w.replace(/^["'[(]+|["',\])]+$/g, '');
  const m = core(mine);
  const w = core(want);
  if (m === w) return true;
  if (ID_LIKE.test(w)) {
    const rw = wantEngine.referent(w);
    const rm = mineEngine.referent(m);
    return !!rw && !!rm && rw.kind === rm.kind && rw.name === rm.name;
  }
  return false;
}

function sameOutput(mine: string, mineEngine: Engine, want: string, wantEngine: Engine): boolean {
  const a = tokens(mine);
  const b = tokens(want);
  if (a.length !== b.length || !b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameWord(a[i], mineEngine, b[i], wantEngine)) return false;
  return true;
}

// ------------------------------------------------------------------ task starts (cached)
/** Recent tasks' labs right after their setup: restoring one is 2-3x cheaper than a replay. */
interface Start {
  state: string;
  /** each node daemon's event buffer, which lives outside the serialized state (as dockerd's) */
  events: unknown[][];
}
const STARTS = new Map<string, Start>();
const START_CACHE = 64;

/**
 * A lab started as startTask(task, seed) starts it (same state, clock, generator position and
 * events), from the cache when the same setup started one recently. What check() replays on.
 */
export function startedLab(task: CheckTask, seed: number): LabImpl {
  const key = JSON.stringify([task.setup ?? [], task.nodes ?? null, seed]);
  let s = STARTS.get(key);
  if (s === undefined) {
    const fresh = startTask(task, seed);
    const world = fresh.engine.world;
    s = { state: fresh.serialize(), events: fresh.engine.state.nodes.map((n) => structuredClone(world.eventsOf(n))) };
    STARTS.set(key, s);
    if (STARTS.size > START_CACHE) STARTS.delete(STARTS.keys().next().value!);
  }
  const lab = restoreLab(s.state) as LabImpl;
  const events = s.events;
  lab.engine.state.nodes.forEach((n, i) => lab.engine.world.eventsOf(n).push(...(structuredClone(events[i]) as ReturnType<typeof lab.engine.world.eventsOf>)));
  return lab;
}

// ------------------------------------------------------------------ references (cached)
interface Reference {
  lab: LabImpl;
  steps: SessionStep[];
  state: State;
  failed: string | null;
}
const REFS = new Map<string, Reference>();
const REF_CACHE = 64;

function reference(task: CheckTask, sol: string[], seed: number): Reference {
  const key = JSON.stringify([task.setup, task.nodes ?? null, sol, seed]);
  const hit = REFS.get(key);
  if (hit) {
    REFS.delete(key);
    REFS.set(key, hit);
    return hit;
  }
  const lab = startTask(task, seed);
  const steps = replaySession(lab, sol);
  const bad = steps.find((s) => s.exitCode !== 0);
  const ref: Reference = { lab, steps, state: normalisedState(lab.engine), failed: bad ? firstLine(bad) : null };
  REFS.set(key, ref);
  if (REFS.size > REF_CACHE) REFS.delete(REFS.keys().next().value!);
  return ref;
}

function firstLine(s: SessionStep): string {
  const lines = s.stderr.split('\n\n')[0].split('\n').map((x) => x.trim()).filter(Boolean);
  return lines.length ? lines.join(' ') : `exit status ${s.exitCode}`;
}

/** Notes about commands that failed along the way (never the reason for a verdict). */
function notes(steps: SessionStep[]): string[] {
  const failed = steps.filter((s) => s.exitCode !== 0);
  if (!failed.length) return [];
  const shown = failed.slice(-3).map((s) => `Note: \`${s.command.length > 80 ? s.command.slice(0, 77) + '...' : s.command}\` failed: ${firstLine(s)}`);
  if (failed.length > 3) shown.unshift(`Note: ${failed.length} of your commands failed; the last three:`);
  return shown;
}

/**
 * What a step showed on the terminal: a successful command's stdout, then its stderr (`docker logs` passes a
 * container's stderr through, and nginx logs its notices there).
 */
function shown(s: SessionStep): string {
  return s.exitCode === 0 && s.stderr ? s.stdout + s.stderr : s.stdout;
}

/** The output a reference solution prints: the whole, and the last command that printed. */
function expectedOutputs(ref: Reference): string[] {
  const printed = ref.steps.filter((s) => shown(s).trim());
  if (!printed.length) return [];
  const all = printed.map(shown).join('');
  const last = shown(printed[printed.length - 1]);
  return all === last ? [all] : [all, last];
}

/** Whether some run of consecutive successful commands printed `want`. */
function printedSomewhere(steps: SessionStep[], mine: Engine, want: string, ref: Engine): boolean {
  const ok = steps.filter((s) => s.exitCode === 0 && shown(s).trim());
  const n = tokens(want).length;
  for (let i = ok.length - 1; i >= 0; i--) {
    let text = '';
    for (let j = i; j < ok.length; j++) {
      text += shown(ok[j]);
      const k = tokens(text).length;
      if (k === n && sameOutput(text, mine, want, ref)) return true;
      if (k >= n) break;
    }
  }
  return false;
}

/**
 * Whether some successful command printed the reference's table in another layout (lib/cli/projection).
 * @returns found, or the reason the learner's last printed output falls short of the table ('' when unrelated)
 */
function projected(steps: SessionStep[], mine: Engine, ref: Reference, columns: string[] | undefined): { found: boolean; gap: string } {
  const tables = ref.steps.map((s) => parseTable(shown(s))).filter((t) => t !== null);
  const ok = steps.filter((s) => s.exitCode === 0 && shown(s).trim());
  const same = (m: string, w: string) => sameWord(m, mine, w, ref.lab.engine);
  let gap = '';
  for (const t of tables)
    for (let i = ok.length - 1; i >= 0; i--) {
      const g = projectionGap(shown(ok[i]), t, columns, same);
      if (g === null) return { found: true, gap: '' };
      if (i === ok.length - 1 && g) gap = g;
    }
  return { found: false, gap };
}

/**
 * Judge a session against a command task.
 * @param answer every command the learner ran since the task started, in order ("node$ cmd" for
 *   other nodes); failed commands included, so the replay matches the live lab
 * @returns correct when the session satisfies any reference solution; otherwise the differences
 *   against the closest one
 */
export function check(task: CheckTask, answer: readonly string[], opts: CheckOptions = {}): CheckResult {
  try {
    const seed = Number.isInteger(opts.seed) ? (opts.seed as number) : DEFAULT_SEED;
    const sols = task.solutions?.length ? task.solutions : [[]];
    const lab = startedLab(task, seed);
    const steps = replaySession(lab, Array.isArray(answer) ? answer.map(String) : []);
    const note = notes(steps);
    // A reference solution that fails would compare two unchanged engines and accept anything
    // (even an empty answer), so failing references are skipped; if none runs, say so.
    const refs = sols.map((sol) => reference(task, sol.map(String), seed));
    const usable = refs.filter((r) => !r.failed);
    if (!usable.length)
      return { correct: false, feedback: [`this task's reference solution does not run in the simulator (${refs[0].failed}), so the answer cannot be judged`] };
    const mine = normalisedState(lab.engine);
    let best: string[] | null = null;
    for (const ref of usable) {
      let d: string[];
      if (task.mode === 'output') {
        const wants = expectedOutputs(ref);
        let found = wants.some((w) => printedSomewhere(steps, lab.engine, w, ref.lab.engine));
        let gap = '';
        if (!found) ({ found, gap } = projected(steps, lab.engine, ref, task.columns));
        const harm = diff(ref.state, mine, true);
        const printed = steps.some((s) => s.exitCode === 0 && shown(s).trim());
        d = found ? harm : [printed ? `none of your commands printed what the task asks for${gap ? ` (${gap})` : ''}` : 'your commands printed nothing', ...harm];
        if (!found && wants.length) d.push(`expected output:\n${wants[wants.length - 1].trim().slice(0, 2000)}`);
      } else d = diff(ref.state, mine);
      if (!d.length) return { correct: true, feedback: note };
      if (!best || d.length < best.length) best = d;
    }
    return { correct: false, feedback: [...best!, ...note] };
  } catch (e) {
    return { correct: false, feedback: [`the checker could not run this task: ${(e as Error)?.message ?? String(e)}`] };
  }
}
