import { spawn, type ChildProcess } from 'node:child_process';
import { NEXT_BIN, ROOT } from './paths';
import { freePort } from './port';

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Start the real production server (`next start`) on a free port with the given extra environment. */
export async function startServer(
  extraEnv: Record<string, string> = {},
  timeoutMs = 30000,
  /** Extra node flags for the server process (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs: string[] = [],
  /** Project folder the server runs from (a bench may run the build with its own bank). */
  cwd: string = ROOT,
): Promise<RunningServer> {
  const port = await freePort();
  // next start closes a keep-alive socket after 5 s idle; fetch's pool may hand out that socket just as it closes
  // ("other side closed"), which a loaded machine makes likely. A long idle timeout keeps pooled sockets valid.
  const args = [...nodeArgs, NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1', '--keepAliveTimeout', '120000'];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(url + '/', { redirect: 'manual' });
      if (res.status > 0) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    process: child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // A graceful stop waits for open connections; a test's teardown must not, so kill after a grace period.
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
}
