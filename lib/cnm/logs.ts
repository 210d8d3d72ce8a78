/**
 * Container logs (the json-file driver's view): each line a container's process writes, with its
 * time and stream. The lab's images write what the real ones write: the nginx image's entrypoint
 * and error-log notices on start and stop, and one access-log line per HTTP request in nginx's
 * `main` format (nginx/docker-nginx: access.log -> /dev/stdout, error.log -> /dev/stderr).
 */
import type { ContainerState } from './sandbox';
import { findImage } from './images';

/**
 * One logged line: lab second, nanoseconds, stream (1 stdout, 2 stderr), text without newline.
 * Stream 0 marks a block an image always prints the same way (its text names the block, see
 * BLOCKS): stored as one entry, expanded into its lines when the log is read.
 */
export type LogEntry = [t: number, ns: number, stream: 0 | 1 | 2, text: string];

/** Lines a container keeps (older ones are dropped, like a rotated json-file log). */
export const LOG_LIMIT = 200;

/** The nanoseconds of the next line at second t after `last` (a fixed spread, growing within the second). */
function nextNs(last: LogEntry | undefined, t: number, salt: number): number {
  return last && last[0] === t ? Math.min(999_999_999, last[1] + 37_219 + ((last[1] >>> 5) % 40_000)) : 200_000_000 + ((Math.imul(t ^ salt, 2246822519) >>> 0) % 500_000_000);
}

/** Append what a process wrote (split into lines) to the container's log. */
export function writeLog(c: ContainerState, t: number, stream: 0 | 1 | 2, text: string): void {
  if (!text) return;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const log = c.logs;
  for (const line of lines) log.push([t, nextNs(log[log.length - 1], t, c.id.charCodeAt(0)), stream, line]);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}

/**
 * The container's log as lines, oldest first: blocks expanded, entries of labs saved before log
 * lines had times (plain strings) taken as stdout at the container's creation.
 */
export function readLog(c: ContainerState): LogEntry[] {
  const out: LogEntry[] = [];
  for (const e of c.logs as (LogEntry | string)[]) {
    if (typeof e === 'string') {
      for (const line of e.replace(/\n$/, '').split('\n')) if (e) out.push([c.created, 0, 1, line]);
      continue;
    }
    if (e[2] !== 0) {
      out.push(e);
      continue;
    }
    const block = BLOCKS[e[3]];
    if (!block) continue;
    let ns = e[1];
    for (const [stream, text] of block(c, e[0])) {
      out.push([e[0], ns, stream, text]);
      ns = Math.min(999_999_999, ns + 37_219 + ((ns >>> 5) % 40_000));
    }
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** nginx's $time_local (the container's zone is UTC): 28/Nov/2026:09:00:03 +0000 */
function timeLocal(t: number): string {
  const d = new Date(t * 1000);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
/** nginx's error-log time: 2026/11/28 09:00:03 */
function errorTime(t: number): string {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const isNginx = (c: ContainerState) => findImage(c.image)?.name === 'nginx';
/** nginx's worker pids: the entrypoint execs nginx as pid 1; workers follow (worker_processes auto, 2 CPUs). */
const WORKERS = [29, 30];
const EP = '/docker-entrypoint.sh';

/** Blocks of lines an image prints the same way every time: [stream, text] for a container at second t. */
const BLOCKS: Record<string, (c: ContainerState, t: number) => [1 | 2, string][]> = {
  // the nginx image's entrypoint steps (stdout), then nginx's start-up notices (error.log -> stderr)
  'nginx-start': (c, t) => {
    const at = errorTime(t);
    const version = (findImage(c.image)?.env.find((e) => e.startsWith('NGINX_VERSION=')) ?? '=1.27.4').split('=')[1];
    return [
      [1, `${EP}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`],
      [1, `${EP}: Looking for shell scripts in /docker-entrypoint.d/`],
      [1, `${EP}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`],
      [1, '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'],
      [1, '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'],
      [1, `${EP}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`],
      [1, `${EP}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`],
      [1, `${EP}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`],
      [1, `${EP}: Configuration complete; ready for start up`],
      ...[
        'using the "epoll" event method',
        `nginx/${version}`,
        'built by gcc 12.2.0 (Debian 12.2.0-14)',
        'OS: Linux 6.8.0-49-generic',
        'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        'start worker processes',
        ...WORKERS.map((p) => `start worker process ${p}`),
      ].map((l): [2, string] => [2, `${at} [notice] 1#1: ${l}`]),
    ];
  },
  // docker stop sends the image's STOPSIGNAL, SIGQUIT: a graceful shutdown
  'nginx-quit': (_c, t) => {
    const at = errorTime(t);
    const lines = [`${at} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`];
    for (const p of WORKERS) lines.push(`${at} [notice] ${p}#${p}: gracefully shutting down`, `${at} [notice] ${p}#${p}: exiting`, `${at} [notice] ${p}#${p}: exit`);
    for (const p of WORKERS) lines.push(`${at} [notice] 1#1: signal 17 (SIGCHLD) received from ${p}`, `${at} [notice] 1#1: worker process ${p} exited with code 0`);
    lines.push(`${at} [notice] 1#1: exit`);
    return lines.map((l): [2, string] => [2, l]);
  },
};

/** What the image prints when its process starts. */
export function startLog(c: ContainerState, t: number): void {
  if (isNginx(c) && c.cmd[0] === 'nginx') writeLog(c, t, 0, 'nginx-start');
}

/** What the image prints when stopped with `signal`. */
export function stopLog(c: ContainerState, t: number, signal: number): void {
  if (isNginx(c) && c.cmd[0] === 'nginx' && signal === 3) writeLog(c, t, 0, 'nginx-quit');
}

/** An HTTP request a server container answered (nginx writes its access-log line). */
export interface HttpRequest {
  client: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
  userAgent: string;
}

/** nginx `main` log_format: $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for" */
export function logRequest(c: ContainerState, t: number, r: HttpRequest): void {
  if (!isNginx(c)) return;
  writeLog(c, t, 1, `${r.client} - - [${timeLocal(t)}] "${r.method} ${r.path} HTTP/1.1" ${r.status} ${r.bytes} "-" "${r.userAgent}" "-"`);
}
