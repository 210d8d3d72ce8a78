import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/scripts/lib/port';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [TSX, 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
}

describe('npm start refuses bad set-ups with one clear line', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-start-'));
  const aFile = path.join(tmp, 'not-a-folder');
  fs.writeFileSync(aFile, '');

  it.each([
    ['missing data folder', { DATABASE_URL: `file:${tmp}/missing/app.db` }, /data folder .*missing does not exist/],
    ['data folder is a file', { DATABASE_URL: `file:${aFile}/app.db` }, /is not a folder/],
    ['malformed DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL=.* must start with "file:"/],
    ['bad PORT', { PORT: 'eighty' }, /PORT=/],
  ])('%s', async (_name, env, re) => {
    const res = start({ PORT: String(await freePort()), ...env } as Record<string, string>);
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(re);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('port in use', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '0.0.0.0', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    try {
      const res = start({ PORT: String(port) });
      expect(res.status).toBe(1);
      expect(res.stderr.trim()).toBe(
        `netprep: port ${port} is already in use: stop what is using it or start with PORT=<another port>`,
      );
    } finally {
      srv.close();
    }
  });
});
