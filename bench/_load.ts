/**
 * A small HTTP load generator for the benches (keep-alive node:http, no dependencies), because
 * the figures need what autocannon does not give: latency of the good requests only (5% of
 * them carry bad input on purpose), a true open loop (requests leave on a fixed schedule and
 * latency counts from the scheduled time, so a slow server cannot slow the arrivals), and
 * several servers at once (requests spread round-robin).
 */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What the server should answer: a 2xx, or a 4xx (bad input sent on purpose). */
  expect: '2xx' | '4xx';
  /** Called with the status when the response is complete. */
  onStatus?: (status: number) => void;
}

export interface LoadOptions {
  /** Base URLs of the servers; request i goes to targets[i % n]. */
  targets: string[];
  /** Closed loop: concurrent requests in flight (one per simulated client). Open loop: socket cap per server. */
  connections: number;
  seconds: number;
  /** Requests per second on a fixed schedule (open loop); 0 = closed loop. */
  rate?: number;
  /** Request number i. */
  next: (i: number) => LoadRequest;
}

export interface LoadResult {
  sent: number;
  requestsPerSecond: number;
  /** Latency percentiles of the requests expected to succeed (ms). */
  p50Ms: number;
  p99Ms: number;
  /** Answers other than the expected class (a 5xx for bad input, a 4xx/5xx for a good request). */
  unexpected: number;
  /** Requests sent with bad input and answered 4xx as expected. */
  rejectedAsExpected: number;
  /** Network errors and timeouts. */
  errors: number;
  /** Count per status code. */
  statuses: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Run the load and return its figures. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agents = opts.targets.map(() => new http.Agent({ keepAlive: true, maxSockets: opts.rate ? 512 : opts.connections }));
  const urls = opts.targets.map((t) => new URL(t));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  let rejectedAsExpected = 0;
  let errors = 0;
  let sent = 0;

  const send = (i: number, startedAt: number): Promise<void> =>
    new Promise((resolve) => {
      const r = opts.next(i);
      const k = i % urls.length;
      sent++;
      const req = http.request(
        { host: urls[k].hostname, port: urls[k].port, method: r.method, path: r.path, headers: r.headers, agent: agents[k], timeout: 30_000 },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            const ok = r.expect === '2xx' ? status >= 200 && status < 300 : status >= 400 && status < 500;
            if (!ok) unexpected++;
            else if (r.expect === '4xx') rejectedAsExpected++;
            if (r.expect === '2xx') latencies.push(performance.now() - startedAt);
            r.onStatus?.(status);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  let i = 0;
  const inFlight = new Set<Promise<void>>();
  if (opts.rate) {
    // Open loop: request n leaves at t0 + n / rate, whatever happened to the earlier ones.
    const interval = 1000 / opts.rate;
    let scheduled = t0;
    while (scheduled < end) {
      const now = performance.now();
      while (scheduled <= now && scheduled < end) {
        const p = send(i++, scheduled);
        inFlight.add(p);
        void p.then(() => inFlight.delete(p));
        scheduled += interval;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, scheduled - performance.now()))));
    }
  } else {
    const worker = async () => {
      while (performance.now() < end) await send(i++, performance.now());
    };
    await Promise.all(Array.from({ length: opts.connections }, worker));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  for (const a of agents) a.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent,
    requestsPerSecond: Math.round(sent / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    unexpected,
    rejectedAsExpected,
    errors,
    statuses,
  };
}
