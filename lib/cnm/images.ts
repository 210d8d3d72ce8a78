import { derivedId } from './rng';
import { CnmError, ConflictError } from './errors';

/** A small built-in image catalogue: what `docker run` can start and which ports each EXPOSEs. */
export interface ImageInfo {
  name: string;
  tags: string[];
  expose: string[];
  cmd: string[];
  entrypoint: string[];
  /** long-running by default (a server) */
  daemon: boolean;
  /** extra env */
  env: string[];
  /** what a server answers on its exposed ports for curl/wget */
  banner?: string;
  /** the image's STOPSIGNAL (docker stop sends it; default SIGTERM = 15) */
  stopSignal?: number;
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>`;

export const IMAGES: ImageInfo[] = [
  { name: 'alpine', tags: ['latest', '3', '3.20', '3.21', '3.22'], expose: [], cmd: ['/bin/sh'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'busybox', tags: ['latest', '1', '1.36', '1.37'], expose: [], cmd: ['sh'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'ubuntu', tags: ['latest', '22.04', '24.04', 'jammy', 'noble'], expose: [], cmd: ['/bin/bash'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'debian', tags: ['latest', 'bookworm', 'bookworm-slim', '12', '13', 'trixie'], expose: [], cmd: ['bash'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'nginx', tags: ['latest', 'alpine', '1', '1.27', '1.28', 'stable', 'mainline', 'stable-alpine'], expose: ['80/tcp'], cmd: ['nginx', '-g', 'daemon off;'], entrypoint: ['/docker-entrypoint.sh'], daemon: true, env: [PATH, 'NGINX_VERSION=1.27.4'], banner: NGINX_PAGE, stopSignal: 3 },
  { name: 'httpd', tags: ['latest', '2', '2.4', 'alpine'], expose: ['80/tcp'], cmd: ['httpd-foreground'], entrypoint: [], daemon: true, env: [PATH], banner: '<html><body><h1>It works!</h1></body></html>', stopSignal: 28 },
  { name: 'redis', tags: ['latest', '7', '7.4', '8', 'alpine'], expose: ['6379/tcp'], cmd: ['redis-server'], entrypoint: ['docker-entrypoint.sh'], daemon: true, env: [PATH] },
  { name: 'postgres', tags: ['latest', '16', '17', 'alpine'], expose: ['5432/tcp'], cmd: ['postgres'], entrypoint: ['docker-entrypoint.sh'], daemon: true, env: [PATH], stopSignal: 2 },
  { name: 'mysql', tags: ['latest', '8', '8.4', '9'], expose: ['3306/tcp', '33060/tcp'], cmd: ['mysqld'], entrypoint: ['docker-entrypoint.sh'], daemon: true, env: [PATH] },
  { name: 'mariadb', tags: ['latest', '11'], expose: ['3306/tcp'], cmd: ['mariadbd'], entrypoint: ['docker-entrypoint.sh'], daemon: true, env: [PATH] },
  { name: 'traefik', tags: ['latest', 'v3', 'v2.11'], expose: ['80/tcp'], cmd: ['traefik'], entrypoint: ['/entrypoint.sh'], daemon: true, env: [PATH], banner: '404 page not found' },
  { name: 'node', tags: ['latest', '20', '22', 'alpine', 'lts'], expose: [], cmd: ['node'], entrypoint: ['docker-entrypoint.sh'], daemon: false, env: [PATH] },
  { name: 'python', tags: ['latest', '3', '3.12', '3.13', 'alpine', 'slim'], expose: [], cmd: ['python3'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'nicolaka/netshoot', tags: ['latest'], expose: [], cmd: ['zsh'], entrypoint: [], daemon: false, env: [PATH] },
  { name: 'containous/whoami', tags: ['latest'], expose: ['80/tcp'], cmd: [], entrypoint: ['/whoami'], daemon: true, env: [PATH], banner: 'whoami' },
  { name: 'traefik/whoami', tags: ['latest'], expose: ['80/tcp'], cmd: [], entrypoint: ['/whoami'], daemon: true, env: [PATH], banner: 'whoami' },
  { name: 'hello-world', tags: ['latest'], expose: [], cmd: ['/hello'], entrypoint: [], daemon: false, env: [PATH] },
];

/** Split "repo:tag" (registry prefix docker.io/library/ tolerated). */
export function parseImageRef(ref: string): { repo: string; tag: string } {
  let r = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  let tag = 'latest';
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const colon = r.lastIndexOf(':');
  if (colon > 0 && !r.slice(colon).includes('/')) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  return { repo: r, tag };
}

/** Look an image up; null when the catalogue does not know it. */
export function findImage(ref: string): ImageInfo | null {
  const { repo, tag } = parseImageRef(ref);
  const img = IMAGES.find((i) => i.name === repo);
  if (!img || !img.tags.includes(tag)) return null;
  return img;
}

/**
 * What `docker images` shows for a catalogue image: compressed-then-unpacked size in bytes and the
 * image's creation time (approximate figures for the amd64 images of late 2026; one per repository,
 * whatever the tag). Not from a registry: the lab has none.
 */
const META: Record<string, { size: number; created: string }> = {
  alpine: { size: 8_440_000, created: '2026-10-08T12:00:00Z' },
  busybox: { size: 4_420_000, created: '2026-09-26T12:00:00Z' },
  ubuntu: { size: 78_100_000, created: '2026-10-14T12:00:00Z' },
  debian: { size: 120_000_000, created: '2026-11-03T12:00:00Z' },
  nginx: { size: 192_000_000, created: '2026-10-28T12:00:00Z' },
  httpd: { size: 148_000_000, created: '2026-10-21T12:00:00Z' },
  redis: { size: 137_000_000, created: '2026-11-04T12:00:00Z' },
  postgres: { size: 456_000_000, created: '2026-11-13T12:00:00Z' },
  mysql: { size: 797_000_000, created: '2026-10-22T12:00:00Z' },
  mariadb: { size: 332_000_000, created: '2026-11-05T12:00:00Z' },
  traefik: { size: 224_000_000, created: '2026-11-10T12:00:00Z' },
  node: { size: 1_130_000_000, created: '2026-11-12T12:00:00Z' },
  python: { size: 1_020_000_000, created: '2026-11-04T12:00:00Z' },
  'nicolaka/netshoot': { size: 506_000_000, created: '2026-06-17T12:00:00Z' },
  'containous/whoami': { size: 7_160_000, created: '2020-06-10T12:00:00Z' },
  'traefik/whoami': { size: 6_880_000, created: '2025-10-08T12:00:00Z' },
  'hello-world': { size: 10_100, created: '2025-08-08T12:00:00Z' },
};

/** One image a node holds: its reference and the fields `docker images` prints. */
export interface LocalImage {
  repo: string;
  tag: string;
  /** sha256 hex, 64 digits, derived from the reference (no draw from the lab's generator) */
  id: string;
  digest: string;
  size: number;
  /** seconds since the epoch */
  created: number;
}

/** The canonical "repo:tag" of a reference (docker.io/library/ and :latest spelled out). */
function imageKey(ref: string): string {
  const { repo, tag } = parseImageRef(ref);
  return `${repo}:${tag}`;
}

/** Record that a node now holds an image (docker pull, or the pull a run does). */
export function keepImage(node: { images?: string[] }, ref: string): boolean {
  const key = imageKey(ref);
  const list = (node.images ??= []);
  if (list.includes(key)) return false;
  list.push(key);
  return true;
}

/** The images a node holds, newest pull last; entries the catalogue no longer knows are skipped. */
export function localImages(node: { images?: string[] }): LocalImage[] {
  const out: LocalImage[] = [];
  for (const key of node.images ?? []) {
    const img = findImage(key);
    if (!img) continue;
    const { repo, tag } = parseImageRef(key);
    const meta = META[img.name] ?? { size: 0, created: '2026-01-01T00:00:00Z' };
    // Tags of one repository that name the same build share an ID (latest = mainline, ...) only in a
    // real registry; here every tag is its own image.
    out.push({ repo, tag, id: derivedId(`image:${key}`), digest: derivedId(`digest:${key}`), size: meta.size, created: Date.parse(meta.created) / 1000 });
  }
  return out;
}

/** What `docker rmi` printed for one image: `Untagged: nginx:latest`, `Deleted: sha256:...`. */
export type ImageRemoval = string[];

/** The familiar name docker prints: `nginx:latest`, `nicolaka/netshoot:latest`. */
const familiar = (img: LocalImage) => `${img.repo}:${img.tag}`;

/**
 * docker rmi / image rm of one image on a node (moby daemon/images/image_delete.go, simplified: one
 * reference per image). By reference: a container (running or stopped) using it is a conflict unless
 * forced; forced, the reference goes (a real daemon keeps the image dangling while a container runs
 * it; the lab drops it). By ID prefix: a running container is a hard conflict, a stopped one needs force.
 * @returns the lines docker prints
 * @throws CnmError (not-found: No such image; conflict: in use)
 */
export function removeImage(node: { images?: string[]; containers: { id: string; image: string; status: string }[] }, ref: string, force: boolean): ImageRemoval {
  const held = localImages(node);
  const byRef = /^[a-z0-9]/.test(ref) && !ref.startsWith('sha256:') ? held.find((i) => familiar(i) === imageKey(ref)) : undefined;
  const idPrefix = ref.replace(/^sha256:/, '');
  const byId = !byRef && /^[0-9a-f]+$/.test(idPrefix) ? held.filter((i) => i.id.startsWith(idPrefix)) : [];
  if (byId.length > 1) throw new CnmError('bad-request', `multiple IDs found with provided prefix: ${idPrefix}`);
  const img = byRef ?? byId[0];
  if (!img) throw new CnmError('not-found', `No such image: ${/[:@]/.test(ref) || /^[0-9a-f]{4,}$/.test(ref) ? ref : `${ref}:latest`}`);
  const users = node.containers.filter((c) => imageKey(c.image) === familiar(img));
  const running = users.find((c) => c.status === 'running');
  const short = img.id.slice(0, 12);
  if (byRef && !force && users.length)
    throw new ConflictError(`conflict: unable to remove repository reference "${ref}" (must force) - container ${users[0].id.slice(0, 12)} is using its referenced image ${short}`);
  if (!byRef && running) throw new ConflictError(`conflict: unable to delete ${short} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`);
  if (!byRef && !force && users.length) throw new ConflictError(`conflict: unable to delete ${short} (must be forced) - image is being used by stopped container ${users[0].id.slice(0, 12)}`);
  node.images = (node.images ?? []).filter((k) => k !== familiar(img));
  const lines = [`Untagged: ${familiar(img)}`, `Untagged: ${img.repo}@sha256:${img.digest}`];
  // the image, then its layers (three, as docker pull shows them), unless a running container keeps it
  if (!running) lines.push(`Deleted: sha256:${img.id}`, ...[0, 1, 2].map((k) => `Deleted: sha256:${derivedId(`layer:${k}:${familiar(img)}`)}`));
  return lines;
}
