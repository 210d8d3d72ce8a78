/**
 * sim: throughput of the CNM simulator over a realistic command mix, checker latency, and memory
 * per engine (serialized size and heap delta over many labs).
 */
import type { Bench } from './index';
import { check, createLab, type Lab } from '../lib/cli';

const MIX = (i: number): string[] => [
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

const bench: Bench = {
  description: 'simulator commands/s, check() latency and bytes per engine',
  async run(args, log) {
    const rounds = Number(args[0] ?? 400);
    // warm up
    let lab: Lab = createLab({ seed: 1 });
    for (let i = 0; i < 50; i++) for (const c of MIX(i)) lab.run(c);
    lab = createLab({ seed: 2 });
    let n = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      for (const c of MIX(i % 500)) {
        lab.run(c);
        n++;
      }
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const commandsPerSecond = Math.round(n / secs);
    log(`${n} commands in ${secs.toFixed(3)} s`);

    const times: number[] = [];
    const answer = ['docker network create --gateway=10.10.0.254 --subnet=10.10.0.0/24 app', 'docker network connect --alias=www app web'];
    for (let i = 0; i < 20; i++) check(TASK, answer);
    for (let i = 0; i < 400; i++) {
      const s = process.hrtime.bigint();
      const r = check(TASK, answer);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (!r.correct) throw new Error('check bench: expected a correct answer');
    }
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
    const gc = (globalThis as { gc?: () => void }).gc;
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
    return {
      commandsPerSecond,
      checkMedianMs: Number(times[Math.floor(times.length / 2)].toFixed(3)),
      checkP99Ms: Number(times[Math.floor(times.length * 0.99)].toFixed(3)),
      bytesPerEngine: heapPerEngine ?? serialized,
      serializedBytes: serialized,
    };
  },
};
export default bench;
