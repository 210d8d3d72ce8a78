/**
 * `npx tsx bench/_sim-alloc.ts [N]`: where the simulator allocates. Runs bench sim's command mix (warm-up, then
 * 2,000 rounds on a fresh lab) under V8's sampling heap profiler with objects collected by minor and major GCs
 * kept, and prints bytes allocated per command and the top N allocating functions (self). The profile is written
 * to $TMPDIR/sim-alloc.heapprofile (open it in Chrome DevTools' Memory tab). Used for the notes of #15.
 */
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLab, type Lab } from '../lib/cli';
import { MIX } from './sim';

type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };

const run = (lab: Lab, rounds: number) => {
  for (let r = 0; r < rounds; r++) for (const c of MIX(r % 500)) lab.run(c);
};

async function main(): Promise<void> {
  const top = Number(process.argv[2] ?? 30);
  run(createLab({ seed: 1 }), 3000);
  const s = new Session();
  s.connect();
  await s.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  const rounds = 2000;
  run(createLab({ seed: 2 }), rounds);
  const { profile } = (await s.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
  const self = new Map<string, number>();
  let total = 0;
  const walk = (n: Node) => {
    const k = `${n.callFrame.functionName || '(anonymous)'} ${path.relative(process.cwd(), n.callFrame.url.replace(/^file:\/\//, ''))}:${n.callFrame.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + n.selfSize);
    total += n.selfSize;
    n.children.forEach(walk);
  };
  walk(profile.head);
  const perCmd = (b: number) => b / rounds / 12;
  console.log(`${perCmd(total).toFixed(0)} bytes allocated per command (sampled)`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${perCmd(v).toFixed(0).padStart(6)} B/cmd ${((100 * v) / total).toFixed(1).padStart(5)}% ${k}`);
  const out = path.join(os.tmpdir(), 'sim-alloc.heapprofile');
  fs.writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${out}`);
}

void main();
