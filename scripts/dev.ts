/** `npm run dev`: set up, then `next dev`. */
import { spawn } from 'node:child_process';
import { env } from '../env';
import { runMain } from './lib/fail';
import { NEXT_BIN, ROOT } from './lib/paths';
import { assertPortFree } from './lib/port';
import { setup } from './setup';

void runMain(async () => {
  const { PORT, HOSTNAME } = env();
  await assertPortFree(PORT, HOSTNAME);
  await setup((l) => console.log(`netprep: ${l}`));
  const child = spawn(process.execPath, [NEXT_BIN, 'dev', '-p', String(PORT), '-H', HOSTNAME], { cwd: ROOT, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
});
