/**
 * sim: throughput of the CNM simulator over a realistic command mix, checker latency, and memory
 * per engine (serialized size and heap delta over many labs).
 *
 * Figures: commandsPerSecond (wall clock, after a JIT warm-up of warmupCommands), the same per CPU
 * second of this process (stable on a shared machine, where wall time includes waiting for a CPU),
 * coldCommandsPerSecond (the first 1,200 commands of a fresh process, compilation included),
 * check() median/p99 wall time and mean CPU time, bytes per engine, and the 1-minute load average.
 * Per-round figures hold better on a loaded machine than the mean: each round's wall time is taken,
 * and roundMedianCommandsPerSecond / roundP10CommandsPerSecond are the rates at the median and the
 * fastest-10% round. A round the scheduler did not interrupt costs what it costs on an idle machine, so
 * with other processes taking the CPUs the p10 figure stays near the idle figure while the mean falls
 * (load 10 on 2 cores, 2026-11-30: mean 21-34k/s, p10 ~137k/s for the same code). GC pauses fall inside
 * rounds and count in the median when frequent.
 * GC figures say where time outside the simulator's own code goes: the main thread's GC pauses
 * (count and milliseconds) in the steady run and over the timed checks, and how many of the 10
 * slowest checks (the p99 tail) overlapped a pause.
 *
 * What runs: the simulator as it ships, one bundle of lib/cli (esbuild: modules concatenated, as the
 * app's bundler serves it to the browser and the server). Loaded through tsx instead, every call
 * across a module boundary goes through a CommonJS export getter and every nested function gets a
 * keepNames `__name` call: 9% of a profile in getters and helpers, and 1.5-2x fewer commands/s than
 * the same code bundled. `sourceCommandsPerSecond` is that tsx-loaded figure (the bench's earlier
 * `commandsPerSecond`, until 2026-11-30), measured in the same run for comparison; `--source` measures
 * only the tsx-loaded modules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Bench } from './index';
import * as source from '../lib/cli';
import type { Lab } from '../lib/cli';

type Sim = Pick<typeof source, 'check' | 'createLab'>;

/** lib/cli as one ES module (what the app's bundler ships), written to a temp file and imported. */
async function bundledSim(): Promise<Sim> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-sim-'));
  const file = path.join(dir, 'cli.mjs');
  try {
    await build({ entryPoints: [path.join(__dirname, '../lib/cli/index.ts')], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: file, logLevel: 'error' });
    return (await import(pathToFileURL(file).href)) as Sim;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const MIX = (i: number): string[] => [
  `docker network create net${i}`,
  `docker run -d --name web${i} --network net${i} -p ${20000 + i}:80 nginx`,
  `docker run -dit --name c${i} alpine`,
  `docker network connect --alias api${i} net${i} c${i}`,
  `docker exec c${i} ping -c 1 web${i}`,
  'docker network ls',
  `docker network inspect net${i}`,
  'docker ps',
  `docker exec c${i} nslookup api${i}`,
  `docker network disconnect net${i} c${i}`,
  `docker rm -f web${i} c${i}`,
  `docker network rm net${i}`,
];

const TASK = {
  setup: ['docker network create --subnet 192.168.1.0/24 other', 'docker run -d --name web nginx'],
  solutions: [['docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 app', 'docker network connect --alias www app web']],
  mode: 'state' as const,
};

/** GC pauses of the main thread, as perf_hooks reports them (delivered when the event loop turns). */
function gcRecorder(): { take(): Promise<PerformanceEntry[]>; stop(): void } {
  let entries: PerformanceEntry[] = [];
  const obs = new PerformanceObserver((list) => {
    entries.push(...list.getEntries());
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    async take() {
      // node posts GC entries from a native immediate: let a few loop turns pass
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 1));
      const out = entries;
      entries = [];
      return out;
    },
    stop: () => obs.disconnect(),
  };
}
const pauseMs = (es: PerformanceEntry[]) => Number(es.reduce((a, e) => a + e.duration, 0).toFixed(1));

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * Run `rounds` rounds of the mix on a lab: wall seconds, process CPU seconds, and each round's wall
 * time in nanoseconds (sorted).
 */
function runMix(lab: Lab, rounds: number, offset = 0): { n: number; secs: number; cpuSecs: number; roundNs: number[] } {
  let n = 0;
  const roundNs: number[] = new Array(rounds);
  const c0 = cpuMs();
  const t0 = process.hrtime.bigint();
  let r0 = t0;
  for (let i = 0; i < rounds; i++) {
    for (const c of MIX((offset + i) % 500)) {
      lab.run(c);
      n++;
    }
    const r1 = process.hrtime.bigint();
    roundNs[i] = Number(r1 - r0);
    r0 = r1;
  }
  roundNs.sort((a, b) => a - b);
  return { n, secs: Number(process.hrtime.bigint() - t0) / 1e9, cpuSecs: (cpuMs() - c0) / 1000, roundNs };
}
/** Commands per second at the q-quantile round time (a round is the 12 commands of MIX). */
const roundRate = (roundNs: number[], q: number) => Math.round((12 * 1e9) / roundNs[Math.floor((roundNs.length - 1) * q)]);

const bench: Bench = {
  description: 'simulator commands/s (cold and after JIT warm-up), check() latency and bytes per engine',
  async run(args, log) {
    // npm run bench -- sim [ROUNDS] [--warmup ROUNDS]; a round is the 12 commands of MIX.
    const sourceOnly = args.includes('--source');
    args = args.filter((a) => a !== '--source');
    const wi = args.indexOf('--warmup');
    // 6,000 rounds: after 2,000 (the default until 2026-11-30) a loaded machine's compiler threads had not
    // finished, and the fastest rounds ran at half the speed they reach later (80k against 157k/s).
    const warmupRounds = wi >= 0 ? Number(args[wi + 1]) : 6000;
    const positional = wi >= 0 ? [...args.slice(0, wi), ...args.slice(wi + 2)] : args;
    const rounds = Number(positional[0] ?? 2000);
    if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(warmupRounds) || warmupRounds < 0)
      throw new Error('usage: npm run bench -- sim [ROUNDS >= 1] [--warmup ROUNDS >= 0] [--source]');
    const { check, createLab } = sourceOnly ? source : await bundledSim();
    log(`simulator: ${sourceOnly ? 'lib/cli through tsx (--source)' : 'lib/cli bundled (esbuild, one ES module)'}`);
    const load = () => os.loadavg()[0].toFixed(2);
    log(`load average at start: ${load()}`);
    // Cold: the first 100 rounds of a fresh process, JIT compilation included (what one learner's
    // first commands in a fresh tab cost).
    const cold = runMix(createLab({ seed: 1 }), 100);
    log(`cold: ${cold.n} commands in ${cold.secs.toFixed(3)} s`);
    // Warm-up: V8 optimises the hot paths only after some thousands of commands (later on a busy
    // machine, where its compiler threads wait for a CPU). The steady state is what a server
    // running many checks, or a long lab session, gets.
    runMix(createLab({ seed: 1 }), warmupRounds, 100);
    const gcs = gcRecorder();
    await gcs.take();
    const lab = createLab({ seed: 2 });
    const warm = runMix(lab, rounds);
    const steadyGc = await gcs.take();
    const commandsPerSecond = Math.round(warm.n / warm.secs);
    log(`steady: ${warm.n} commands in ${warm.secs.toFixed(3)} s (${warm.cpuSecs.toFixed(3)} s CPU) after ${warmupRounds * 12} warm-up commands; load average ${load()}`);

    const times: number[] = [];
    const answer = ['docker network create --gateway=10.10.0.254 --subnet=10.10.0.0/24 app', 'docker network connect --alias=www app web'];
    for (let i = 0; i < 200; i++) check(TASK, answer);
    await gcs.take();
    const spans: [number, number][] = [];
    const checkCpu0 = cpuMs();
    for (let i = 0; i < 1000; i++) {
      const s = performance.now();
      const r = check(TASK, answer);
      const e = performance.now();
      spans.push([s, e]);
      times.push(e - s);
      if (!r.correct) throw new Error('check bench: expected a correct answer');
    }
    const checkCpuMeanMs = (cpuMs() - checkCpu0) / times.length;
    const checkGc = await gcs.take();
    gcs.stop();
    const slowest = [...spans].sort((a, b) => b[1] - b[0] - (a[1] - a[0])).slice(0, 10);
    const slowWithGc = slowest.filter(([s, e]) => checkGc.some((g) => g.startTime < e && g.startTime + g.duration > s)).length;
    times.sort((a, b) => a - b);

    // Memory: a typical lab (a few networks and containers).
    const typical = () => {
      const l = createLab({ seed: 3 });
      for (let i = 0; i < 3; i++) {
        l.run(`docker network create n${i}`);
        l.run(`docker run -d --name w${i} --network n${i} -p ${8080 + i}:80 nginx`);
        l.run(`docker run -dit --name a${i} --network n${i} alpine`);
      }
      return l;
    };
    const serialized = typical().serialize().length;
    // gc() without a command-line flag, so the heap figure is always measured.
    v8.setFlagsFromString('--expose-gc');
    const gc = (globalThis as { gc?: () => void }).gc ?? (vm.runInNewContext('gc') as (() => void) | undefined);
    let heapPerEngine: number | null = null;
    if (gc) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const keep: Lab[] = [];
      for (let i = 0; i < 1000; i++) keep.push(typical());
      gc();
      heapPerEngine = Math.round((process.memoryUsage().heapUsed - before) / keep.length);
      log(`heap delta over ${keep.length} labs: ${heapPerEngine} bytes each`);
    } else log('run with node --expose-gc for a heap figure; using the serialized size');
    // The same steady run on the tsx-loaded modules (see the header): the figure this bench gave before.
    let sourceCommandsPerSecond = commandsPerSecond;
    let sourceRoundP10 = roundRate(warm.roundNs, 0.1);
    if (!sourceOnly) {
      runMix(source.createLab({ seed: 1 }), warmupRounds, 100);
      const src = runMix(source.createLab({ seed: 2 }), rounds);
      sourceCommandsPerSecond = Math.round(src.n / src.secs);
      sourceRoundP10 = roundRate(src.roundNs, 0.1);
      log(`tsx-loaded modules: ${src.n} commands in ${src.secs.toFixed(3)} s (${src.cpuSecs.toFixed(3)} s CPU); load average ${load()}`);
    }
    return {
      simulator: sourceOnly ? 'source (tsx)' : 'bundle',
      commandsPerSecond,
      commandsPerCpuSecond: Math.round(warm.n / warm.cpuSecs),
      roundMedianCommandsPerSecond: roundRate(warm.roundNs, 0.5),
      roundP10CommandsPerSecond: roundRate(warm.roundNs, 0.1),
      coldCommandsPerSecond: Math.round(cold.n / cold.secs),
      warmupCommands: warmupRounds * 12,
      checkCpuMeanMs: Number(checkCpuMeanMs.toFixed(3)),
      checkMedianMs: Number(times[Math.floor(times.length / 2)].toFixed(3)),
      checkP99Ms: Number(times[Math.floor(times.length * 0.99)].toFixed(3)),
      steadyGcPauses: steadyGc.length,
      steadyGcMs: pauseMs(steadyGc),
      checkGcPauses: checkGc.length,
      checkGcMs: pauseMs(checkGc),
      slowestChecksWithGc: slowWithGc,
      bytesPerEngine: heapPerEngine ?? serialized,
      serializedBytes: serialized,
      sourceCommandsPerSecond,
      sourceRoundP10CommandsPerSecond: sourceRoundP10,
      loadAverage1m: Number(load()),
    };
  },
};
export default bench;
