import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

/**
 * Start-up failures are expected conditions with a fix the user can apply, so they
 * print as one line (what is wrong, how to fix it) and exit non-zero: no stack trace.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Print `netprep: <message>` on stderr and exit with `code`. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`netprep: ${message}\n`);
  process.exit(code);
}

/** Run `main`, turning SetupError / EnvError into one line and anything else into a short report. */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    // Settings from .env (as Next.js would read them), never overriding the real environment.
    const dotenv = path.join(ROOT, '.env');
    if (fs.existsSync(dotenv)) process.loadEnvFile(dotenv);
    await main();
  } catch (err) {
    const e = err as Error;
    if (e && (e.name === 'SetupError' || e.name === 'EnvError')) fail(e.message);
    fail(`unexpected error: ${e?.message ?? String(err)}`);
  }
}
