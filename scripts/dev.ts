/** `npm run dev`: set up, then `next dev`; recompiles the question bank when a note changes. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';
import { buildContent } from './content';
import { runMain } from './lib/fail';
import { NEXT_BIN, ROOT } from './lib/paths';
import { assertPortFree } from './lib/port';
import { setup } from './setup';

/** Watch the content folder; rebuild the bank 200 ms after the last change. Errors are printed, not fatal. */
function watchContent(dir: string): fs.FSWatcher | undefined {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      console.log(`netprep: content changed, ${await buildContent({ dir })}`);
    } catch (err) {
      console.error(`netprep: ${(err as Error).message}`);
    } finally {
      running = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  try {
    return fs.watch(dir, { recursive: true }, (_event, name) => {
      if (name && !/\.(md|ya?ml)$/i.test(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), 200);
    });
  } catch (err) {
    console.error(`netprep: not watching ${dir}: ${(err as Error).message}`);
    return undefined;
  }
}

void runMain(async () => {
  const { PORT, HOSTNAME, CONTENT_DIR } = env();
  await assertPortFree(PORT, HOSTNAME);
  await setup((l) => console.log(`netprep: ${l}`));
  const watcher = watchContent(path.resolve(ROOT, CONTENT_DIR));
  const child = spawn(process.execPath, [NEXT_BIN, 'dev', '-p', String(PORT), '-H', HOSTNAME], { cwd: ROOT, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => {
    watcher?.close();
    process.exit(code ?? 0);
  });
});
