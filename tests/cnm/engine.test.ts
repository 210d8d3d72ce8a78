/**
 * The engine API (lib/cnm/index.ts): the one door into the simulator. Pins its exports, checks the
 * typed methods against what the docker CLI prints, and that front ends reach lib/cnm only through
 * the index with no import cycles (value imports; `import type` is erased).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cnm from '@/lib/cnm';
import { createEngine, restoreEngine, DEFAULT_SEED } from '@/lib/cnm';
import { createLab } from '@/lib/cli';
import { importCycles } from '../helpers/import-graph';

describe('lib/cnm exports', () => {
  it('pins the engine entry points', () => {
    for (const k of ['createEngine', 'restoreEngine', 'DEFAULT_SEED', 'Engine', 'Controller', 'CnmError', 'validateIpamConfig', 'resolve', 'route'])
      expect(Object.keys(cnm)).toContain(k);
  });
});

describe('Engine', () => {
  it('starts every node with bridge, host and none, seeded with DEFAULT_SEED', () => {
    const e = createEngine({ nodes: ['m', 'w', 'm'] });
    expect(e.nodes).toEqual(['m', 'w']);
    expect(e.state.seed).toBe(DEFAULT_SEED);
    expect(e.networks('w').map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
  });

  it('is the engine the lab drives: same objects, same inspect views', () => {
    const lab = createLab({ nodes: ['m', 'w'] });
    const id = lab.run('docker network create -d bridge --subnet 10.9.0.0/24 app', 'm').stdout.trim();
    lab.run('docker run -d --name web --network app nginx', 'm');
    const e = lab.engine;
    expect(e.networks('m').find((n) => n.name === 'app')?.id).toBe(id);
    const printed = JSON.parse(lab.run('docker network inspect app', 'm').stdout)[0];
    expect(JSON.parse(JSON.stringify(e.inspectNetwork('m', 'app')))).toEqual(printed);
    expect(e.containers('m').map((c) => c.name)).toEqual(['web']);
    expect(e.containers('w')).toEqual([]);
  });

  it('names what an ID, a unique prefix or a name refers to', () => {
    const lab = createLab({ nodes: ['m', 'w'] });
    const net = lab.run('docker network create app', 'm').stdout.trim();
    const c = lab.run('docker run -d --name web --network app nginx', 'm').stdout.trim();
    lab.run('docker swarm init', 'm');
    const tok = lab.run('docker swarm join-token -q worker', 'm').stdout.trim();
    const e = lab.engine;
    expect(e.referent(net)).toEqual({ kind: 'network', id: net, name: 'app' });
    expect(e.referent(c.slice(0, 12))).toEqual({ kind: 'container', id: c, name: 'web' });
    expect(e.referent('web')?.id).toBe(c);
    expect(e.referent(tok)?.name).toBe('worker join token');
    expect(e.referent('nothing-here')).toBeNull();
    const ep = e.containers('m')[0].endpoints[0].id!;
    expect(e.referent(ep)?.kind).toBe('endpoint');
  });

  it('rejects bad IPAM on the daemon side with Docker wording', () => {
    const e = createEngine();
    const d = e.daemon('host')!;
    const input = { name: 'x', driver: 'bridge', options: {}, labels: {}, ipamDriver: 'default', ipamOptions: {}, ipam: [{ subnet: '10.1.2.3/24', aux: {} }], internal: false, attachable: false, ingress: false, configOnly: false, configFrom: '', scope: '' };
    expect(() => d.createNetwork(input)).toThrow('invalid network config:\ninvalid subnet 10.1.2.3/24: it should be 10.1.2.0/24');
    expect(() => d.createNetwork(input)).toThrow(expect.objectContaining({ kind: 'bad-request' }));
  });

  it('round-trips through serialize', () => {
    const lab = createLab();
    lab.run('docker network create a');
    const again = restoreEngine(lab.engine.serialize());
    expect(again.networks('host').map((n) => n.name)).toContain('a');
  });
});

describe('module boundaries', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk('lib');
  walk('components');
  const resolveImport = (from: string, spec: string): string | null => {
    const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : null;
    if (!base) return null;
    for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return path.normalize(c);
    return null;
  };
  /** value imports of each file (an import whose every name is `type X` is erased) */
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const deps: string[] = [];
    for (const m of src.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)from\s+'([^']+)'/gms)) {
      if (m[2]) continue;
      const named = /^\{([^}]*)\}\s*$/.exec(m[3].trim());
      if (m[1] === 'import' && named && named[1].split(',').map((x) => x.trim()).filter(Boolean).every((x) => x.startsWith('type '))) continue;
      const r = resolveImport(f, m[4]);
      if (r) deps.push(r);
    }
    graph.set(f, deps);
  }

  it('front ends enter lib/cnm only through its index', () => {
    const deep: string[] = [];
    for (const [f, deps] of graph)
      if (!f.startsWith('lib/cnm/')) for (const d of deps) if (d.startsWith('lib/cnm/') && d !== 'lib/cnm/index.ts') deep.push(`${f} -> ${d}`);
    for (const f of files.filter((x) => !x.startsWith('lib/cnm/'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/from\s+'([^']*cnm\/[^']+)'/g)) deep.push(`${f} -> ${m[1]}`);
    }
    expect(deep).toEqual([]);
  });

  it('has no import cycles in lib/', () => {
    const lib = new Map([...graph].filter(([f]) => f.startsWith('lib/')));
    const cycles = importCycles(lib);
    expect(cycles).toEqual([]);
  });
});
