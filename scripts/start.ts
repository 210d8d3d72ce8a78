/**
 * `npm start`: set up (client, migrations, content), build when the sources changed
 * since the last build, then serve with `next start` on PORT.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { env } from '../env';
import { SetupError, runMain } from './lib/fail';
import { hashTree } from './lib/hash';
import { BUILD_INPUTS, buildIsCurrentFor } from './lib/build';
import { BUILD_STAMP, NEXT_BIN, ROOT } from './lib/paths';
import { assertPortFree } from './lib/port';
import { setup } from './setup';

function nextBuild(): void {
  const res = spawnSync(process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new SetupError('next build failed (see the output above)');
}

process.env.NEXT_TELEMETRY_DISABLED ??= '1';

void runMain(async () => {
  const { PORT, HOSTNAME } = env();
  await assertPortFree(PORT, HOSTNAME);
  await setup((l) => console.log(`netprep: ${l}`));
  const { current } = buildIsCurrentFor(ROOT);
  if (current) {
    console.log('netprep: build is current, skipping next build');
  } else {
    console.log('netprep: building the app (next build)');
    nextBuild();
    // Hash again: the build itself may touch inputs such as next-env.d.ts or tsconfig.json.
    fs.writeFileSync(BUILD_STAMP, hashTree(ROOT, BUILD_INPUTS));
  }
  await assertPortFree(PORT, HOSTNAME);
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(PORT), '-H', HOSTNAME], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
});
