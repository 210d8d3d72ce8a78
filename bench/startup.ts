/**
 * startup: seconds from `npm start` to the first 200 on `/`, with a built app.
 * Runs once warm (build current). Builds first if needed so the figure is never a build.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Bench } from './index';
import { freePort } from '../scripts/lib/port';

const ROOT = path.resolve(__dirname, '..');

async function timeStart(port: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.status === 200) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }
}

const bench: Bench = {
  description: 'seconds from npm start to the first 200 on / with a built app',
  async run(args, log) {
    const runs = Number(args[0] ?? 3);
    log('ensuring the app is built and the database migrated ...');
    const warm = spawnSync('npx', ['tsx', 'scripts/setup.ts'], { cwd: ROOT, stdio: 'ignore' });
    if (warm.status !== 0) throw new Error('setup failed');
    // One throwaway start builds the app if the build is stale.
    await timeStart(await freePort());
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await timeStart(await freePort());
      log(`run ${i + 1}: ${s.toFixed(2)} s`);
      times.push(s);
    }
    times.sort((a, b) => a - b);
    return {
      runs,
      startupSecondsMedian: Number(times[Math.floor(times.length / 2)].toFixed(3)),
      startupSecondsMin: Number(times[0].toFixed(3)),
      startupSecondsMax: Number(times[times.length - 1].toFixed(3)),
    };
  },
};
export default bench;
