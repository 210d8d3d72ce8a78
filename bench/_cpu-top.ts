/**
 * `npx tsx bench/_cpu-top.ts FILE.cpuprofile [N]`: the top N frames of a V8 CPU profile
 * (`node --cpu-prof`, e.g. `npm run bench -- http --cpu-prof DIR`) by self time, and the
 * top N packages/folders by self time. Used for the profile figures in the notes.
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, nArg] = process.argv.slice(2);
const n = Number(nArg ?? 25);
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()].filter(([id]) => /\((idle|program|garbage collector)\)/.test(byId.get(id)!.callFrame.functionName)).reduce((a, [, t]) => a + t, 0);

function where(url: string): string {
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const c = url.match(/\.next\/server\/(chunks\/[^/]+|app\/.*)$/);
  if (c) return `.next/server/${c[1]}`;
  return url.replace(/^.*\/wt\/[^/]+\//, '') || '(native)';
}

const frames = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, t] of self) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
  frames.set(key, (frames.get(key) ?? 0) + t);
  const pkg = /^\(/.test(f.functionName) && !f.url ? f.functionName : where(f.url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + t);
}
const pct = (t: number) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log(`total ${(total / 1e6).toFixed(1)} s sampled, idle/program/gc ${pct(idle)}`);
console.log(`\ntop ${n} frames by self time:`);
for (const [k, t] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(t)}  ${k}`);
console.log(`\ntop ${n} packages/files by self time:`);
for (const [k, t] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(t)}  ${k}`);
