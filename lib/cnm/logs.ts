/**
 * Container logs (the json-file driver's view): each line a container's process writes, with its
 * time and stream. The lab's images write what the real ones write: the nginx image's entrypoint
 * and error-log notices on start and stop, and one access-log line per HTTP request in nginx's
 * `main` format (nginx/docker-nginx: access.log -> /dev/stdout, error.log -> /dev/stderr).
 */
import type { ContainerState } from './sandbox';
import { findImage } from './images';

/** One logged line: lab second, nanoseconds, stream (1 stdout, 2 stderr), text without newline. */
export type LogEntry = [t: number, ns: number, stream: 1 | 2, text: string];

/** Lines a container keeps (older ones are dropped, like a rotated json-file log). */
export const LOG_LIMIT = 200;

/** Append what a process wrote (split into lines) to the container's log. */
export function writeLog(c: ContainerState, t: number, stream: 1 | 2, text: string): void {
  if (!text) return;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const log = c.logs as LogEntry[];
  for (const line of lines) {
    const last = log.length ? log[log.length - 1] : undefined;
    const ns = last && last[0] === t ? Math.min(999_999_999, last[1] + 37_219 + ((last[1] >>> 5) % 40_000)) : 200_000_000 + ((Math.imul(t ^ c.id.charCodeAt(0), 2246822519) >>> 0) % 500_000_000);
    log.push([t, ns, stream, line]);
  }
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
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

/** What the image prints when its process starts (nginx: the entrypoint's steps, then nginx's notices). */
export function startLog(c: ContainerState, t: number): void {
  if (!isNginx(c) || c.cmd[0] !== 'nginx') return;
  const ep = '/docker-entrypoint.sh';
  writeLog(
    c,
    t,
    1,
    [
      `${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
      `${ep}: Looking for shell scripts in /docker-entrypoint.d/`,
      `${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      `${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
      `${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
      `${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
      `${ep}: Configuration complete; ready for start up`,
    ].join('\n'),
  );
  const at = errorTime(t);
  const version = (findImage(c.image)?.env.find((e) => e.startsWith('NGINX_VERSION=')) ?? '=1.27.4').split('=')[1];
  writeLog(
    c,
    t,
    2,
    [
      'using the "epoll" event method',
      `nginx/${version}`,
      'built by gcc 12.2.0 (Debian 12.2.0-14)',
      'OS: Linux 6.8.0-49-generic',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'start worker processes',
      ...WORKERS.map((p) => `start worker process ${p}`),
    ]
      .map((l) => `${at} [notice] 1#1: ${l}`)
      .join('\n'),
  );
}

/** What the image prints when stopped with its STOPSIGNAL (nginx: SIGQUIT, a graceful shutdown). */
export function stopLog(c: ContainerState, t: number, signal: number): void {
  if (!isNginx(c) || c.cmd[0] !== 'nginx' || signal !== 3) return;
  const at = errorTime(t);
  const lines = [`${at} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`];
  for (const p of WORKERS) lines.push(`${at} [notice] ${p}#${p}: gracefully shutting down`, `${at} [notice] ${p}#${p}: exiting`, `${at} [notice] ${p}#${p}: exit`);
  for (const p of WORKERS) lines.push(`${at} [notice] 1#1: signal 17 (SIGCHLD) received from ${p}`, `${at} [notice] 1#1: worker process ${p} exited with code 0`);
  lines.push(`${at} [notice] 1#1: exit`);
  writeLog(c, t, 2, lines.join('\n'));
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
