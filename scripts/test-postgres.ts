/**
 * `npm run test:postgres [-- jest args]`: run the store tests against a real, throwaway
 * PostgreSQL server from Debian's `postgresql` package. Nothing is installed by hand:
 *   initdb into a temp folder -> start on a free loopback port (unix socket in the same
 *   folder; as the `postgres` user when run as root) -> create and migrate a template
 *   database -> jest tests/server tests/srs with NETPREP_TEST_PG set (each suite gets
 *   its own database copied from the template) -> stop the server and delete the folder.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './lib/port';
import { migratePostgres } from './lib/postgres-migrate';
import { ROOT } from './lib/paths';

export const PG_TEMPLATE_DB = 'netprep_template';

/** The newest Debian PostgreSQL bin folder, or null. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

export interface PostgresServer {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  port: number;
  stop(): void;
}

/** initdb + start a throwaway server; stop() shuts it down and deletes its folder. */
export async function startPostgres(log: (l: string) => void = () => {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install them with `apt-get install -y postgresql` (.ci/run does this)',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout || res.error}`);
    return res.stdout;
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  log(`postgres: initdb ${data}`);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const opts = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  log(`postgres: listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Create (or recreate) a database and apply the committed PostgreSQL migrations to it. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migratePostgres(url.toString());
  return url.toString();
}

async function main(): Promise<number> {
  const log = (l: string) => console.log(l);
  const pg = await startPostgres(log);
  const cleanup = () => pg.stop();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => (cleanup(), process.exit(130)));
  try {
    await createMigratedDatabase(pg.adminUrl, PG_TEMPLATE_DB);
    log(`postgres: template database ${PG_TEMPLATE_DB} migrated`);
    const args = process.argv.slice(2);
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...(args.length ? args : ['tests/server', 'tests/srs'])],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NETPREP_TEST_PG: pg.adminUrl, NETPREP_PG_TEMPLATE: PG_TEMPLATE_DB },
      },
    );
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  } finally {
    cleanup();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`test:postgres: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
