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
