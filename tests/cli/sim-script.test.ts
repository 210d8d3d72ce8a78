import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function sim(args: string[], input = '') {
  const res = spawnSync(process.execPath, [TSX, 'scripts/sim.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 30000 });
  return { stdout: res.stdout, stderr: res.stderr, status: res.status };
}

type Row = { node: string; command: string; stdout: string; stderr: string; exitCode: number };
const rows = (stdout: string): Row[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

describe('scripts/sim.ts transcript mode', () => {
  const transcript = [
    '# a comment line',
    '',
    'docker network create dev',
    'docker network ls --format "{{.Name}}" | grep -c dev',
    'docker network inspect nope',
    '   ',
  ].join('\n');

  it('--json prints one object per command and skips blanks and comments', () => {
    const r = sim(['--json'], transcript);
    expect(r.status).toBe(0);
    const out = rows(r.stdout);
    expect(out.map((o) => o.command)).toEqual(['docker network create dev', 'docker network ls --format "{{.Name}}" | grep -c dev', 'docker network inspect nope']);
    expect(Object.keys(out[0])).toEqual(['node', 'command', 'stdout', 'stderr', 'exitCode']);
    expect(out.every((o) => o.node === 'host')).toBe(true);
    expect(out[0].exitCode).toBe(0);
    expect(out[0].stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(out[1]).toMatchObject({ stdout: '1\n', exitCode: 0 });
    expect(out[2].exitCode).toBe(1);
    expect(out[2].stderr).toMatch(/nope/);
  });

  it('plain mode prints what a terminal shows and exits with the last status', () => {
    const r = sim([], 'docker network create dev\ndocker network ls --format "{{.Name}}"\n');
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n/);
    expect(r.stdout.split('\n')).toContain('dev');
    expect(r.status).toBe(0);
    const bad = sim([], 'docker network rm nope\n');
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/nope/);
    expect(bad.status).toBe(1);
  });

  it('NODE$ prefixes pick the node; the first node is the default; -H reaches another engine', () => {
    const r = sim(['--nodes', 'manager1,worker1', '--json'], [
      'worker1$ docker network create w',
      'docker network ls --format "{{.Name}}" | grep -cx w',
      'docker -H worker1 network ls --format "{{.Name}}" | grep -cx w',
      '$ docker network ls -q | wc -l',
      'ghost$ docker ps',
    ].join('\n'));
    const out = rows(r.stdout);
    expect(out.map((o) => o.node)).toEqual(['worker1', 'manager1', 'manager1', 'manager1', 'ghost']);
    expect(out[0].exitCode).toBe(0);
    expect(out[1]).toMatchObject({ stdout: '0\n', exitCode: 1 });
    expect(out[2]).toMatchObject({ stdout: '1\n', exitCode: 0 });
    expect(out[3]).toMatchObject({ command: 'docker network ls -q | wc -l', stdout: '3\n' });
    expect(out[4]).toMatchObject({ exitCode: 1, stderr: 'sim: unknown node "ghost" (nodes: manager1, worker1)\n' });
  });

  it('the same seed gives the same ids', () => {
    const a = sim(['--seed', '7'], 'docker network create x\n');
    const b = sim(['--seed', '7'], 'docker network create x\n');
    const c = sim(['--seed', '8'], 'docker network create x\n');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('rejects bad flags with a usage message', () => {
    const r = sim(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sim: unknown flag: --bogus\n/);
  });
});

describe('scripts/sim.ts check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-sim-check-'));
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const setup = file('setup.sh', '# nothing yet\n');
  const solution = file('solution.sh', 'docker network create --subnet 192.168.1.0/24 --gateway 192.168.1.250 dev\n');
  const right = file('right.sh', 'docker network create --gateway=192.168.1.250 --subnet=192.168.1.0/24 dev\n');
  const wrong = file('wrong.sh', 'docker network create --subnet 192.168.1.0/24 dev\n');

  it('prints one JSON line and exits 0 for a right answer', () => {
    const r = sim(['check', '--setup', setup, '--solution', solution, '--answer', right]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ correct: true, feedback: expect.any(Array) });
  });

  it('exits 0 with feedback for a wrong answer', () => {
    const r = sim(['check', '--setup', setup, '--solution', solution, '--answer', wrong, '--mode', 'state']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout) as { correct: boolean; feedback: string[] };
    expect(res.correct).toBe(false);
    expect(res.feedback.join(' ')).toMatch(/192\.168\.1\.250/);
  });

  it('reports usage errors and unreadable files with exit 2', () => {
    expect(sim(['check', '--setup', setup, '--answer', right]).status).toBe(2);
    const missing = sim(['check', '--setup', setup, '--solution', solution, '--answer', path.join(dir, 'nope.sh')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.sh: ENOENT/);
    expect(sim(['check', '--setup', setup, '--solution', solution, '--answer', right, '--mode', 'vibes']).status).toBe(2);
  });
});
