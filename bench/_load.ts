/**
 * A small HTTP load generator for the benches (keep-alive node:http, no dependencies), because
 * the figures need what autocannon does not give: latency of the good requests only (5% of
 * them carry bad input on purpose), a true open loop (requests leave on a fixed schedule and
 * latency counts from the scheduled time, so a slow server cannot slow the arrivals), and
 * several servers at once (requests spread round-robin).
 */
import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

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
  /** Closed loop: concurrent requests in flight (one per simulated client). Open loop: connections (the clients' sockets), spread over the servers. */
  connections: number;
  seconds: number;
  /** Socket cap per server, overriding the above (the old open loop used 512). */
  sockets?: number;
  /** Requests per second on a fixed schedule (open loop); 0 = closed loop. */
  rate?: number;
  /** Request number i. */
  next: (i: number) => LoadRequest;
  /**
   * Write one JSON line per request here: its number, when it was due (ms from the start), and how long after that
   * it got a socket, connected (new sockets only), got the response head and the whole response (-1: never).
   */
  traceFile?: string;
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
  /**
   * The load generator's own health: its event-loop delay (max, ms) and, in the open loop, how late
   * requests left after their scheduled time (p99, ms). Large values mean the figures measure the client.
   */
  clientLoopDelayMaxMs: number;
  /** TCP connections opened, and the slowest connect (ms): a full accept queue shows as 1 s, 3 s, 7 s SYN retries. */
  newConnections: number;
  connectMaxMs: number;
  /** Network errors by code (ECONNRESET, timeout, ...). */
  errorKinds: Record<string, number>;
  sendLateP99Ms: number;
  /** Worst latency in each second of the run (ms): where stalls happen. */
  worstPerSecondMs: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Run the load and return its figures. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  // Open loop: the learners' connections, spread over the servers; a request finding them all busy waits in the
  // client (as a browser's request does) and that wait counts in its latency. Opening a socket per waiting request
  // instead (up to 512) turned a server pause of a few hundred ms into hundreds of new connections at once, more
  // than the server's accept queue holds (511): the kernel dropped their handshakes and the client re-sent them
  // after 1, 3, 7, 15 s, which were the p99 of seconds (issue 15; note h15t).
  const sockets = opts.sockets ?? (opts.rate ? Math.max(1, Math.ceil(opts.connections / opts.targets.length)) : opts.connections);
  const agents = opts.targets.map(() => new http.Agent({ keepAlive: true, maxSockets: sockets }));
  const urls = opts.targets.map((t) => new URL(t));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  let rejectedAsExpected = 0;
  let errors = 0;
  let sent = 0;
  const late: number[] = [];
  const connectMs: number[] = [];
  const errorKinds: Record<string, number> = {};
  const traces: { i: number; at: number; sock: number; conn: number; head: number; end: number; status: number }[] = [];
  const worstPerSecond: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  const send = (i: number, startedAt: number): Promise<void> =>
    new Promise((resolve) => {
      const r = opts.next(i);
      const k = i % urls.length;
      sent++;
      late.push(performance.now() - startedAt);
      const req = http.request(
        { host: urls[k].hostname, port: urls[k].port, method: r.method, path: r.path, headers: r.headers, agent: agents[k], timeout: 30_000 },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            trace.end = performance.now() - startedAt;
            trace.status = status;
            statuses[status] = (statuses[status] ?? 0) + 1;
            const ok = r.expect === '2xx' ? status >= 200 && status < 300 : status >= 400 && status < 500;
            if (!ok) unexpected++;
            else if (r.expect === '4xx') rejectedAsExpected++;
            if (r.expect === '2xx') {
              const ms = performance.now() - startedAt;
              latencies.push(ms);
              const sec = Math.floor((startedAt - t0) / 1000);
              worstPerSecond[sec] = Math.max(worstPerSecond[sec] ?? 0, ms);
            }
            r.onStatus?.(status);
            resolve();
          });
        },
      );
      const trace = { i, at: startedAt - t0, sock: -1, conn: -1, head: -1, end: -1, status: 0 };
      traces.push(trace);
      req.on('response', () => (trace.head = performance.now() - startedAt));
      req.on('socket', (socket) => {
        trace.sock = performance.now() - startedAt;
        if (!socket.connecting) return;
        socket.once('connect', () => (trace.conn = performance.now() - startedAt));
        const t = performance.now();
        socket.once('connect', () => connectMs.push(performance.now() - t));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => {
        errors++;
        const kind = err.code ?? err.message;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
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
  if (opts.traceFile) fs.writeFileSync(opts.traceFile, traces.map((t) => JSON.stringify(t)).join('\n') + '\n');
  loop.disable();
  latencies.sort((a, b) => a - b);
  late.sort((a, b) => a - b);
  connectMs.sort((a, b) => a - b);
  return {
    sent,
    requestsPerSecond: Math.round(sent / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    unexpected,
    rejectedAsExpected,
    errors,
    statuses,
    clientLoopDelayMaxMs: round(loop.max / 1e6),
    newConnections: connectMs.length,
    connectMaxMs: round(connectMs.at(-1) ?? 0),
    errorKinds,
    sendLateP99Ms: round(percentile(late, 99)),
    worstPerSecondMs: Array.from(worstPerSecond, (x) => Math.round(x ?? 0)),
  };
}
