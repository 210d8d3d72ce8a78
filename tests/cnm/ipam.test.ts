import fc from 'fast-check';
import { allocate, createPool, ipToNum, numToIp, release, type PoolState } from '@/lib/cnm/ipam';
import { createLab } from '@/lib/cli';

describe('IPAM', () => {
  it('never hands out an address twice or outside the range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 22, max: 29 }), fc.array(fc.boolean(), { maxLength: 300 }), (bits, ops) => {
        const p = createPool({ subnet: `10.7.0.0/${bits}` }, 'local', []) as PoolState;
        const held: string[] = [];
        for (const alloc of ops) {
          if (alloc || !held.length) {
            const ip = allocate(p);
            if (ip === null) continue;
            expect(held).not.toContain(ip);
            const n = ipToNum(ip);
            expect(n).toBeGreaterThan(p.base);
            expect(n).toBeLessThan(p.base + 2 ** (32 - bits) - 1);
            held.push(ip);
          } else release(p, held.splice(0, 1)[0]);
        }
      }),
    );
  });
  it('default pools: 172.17 for bridge, 172.18.. for new networks', () => {
    const l = createLab();
    expect(l.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' bridge").stdout).toBe('172.17.0.0/16\n');
    expect(numToIp(ipToNum('172.18.0.1'))).toBe('172.18.0.1');
  });
  it('connect then disconnect restores state (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 5 }), (nets) => {
        const l = createLab({ seed: 3 });
        for (const n of ['a', 'b', 'c']) l.run(`docker network create ${n}`);
        l.run('docker run -dit --name x alpine');
        const before = JSON.parse(l.serialize()).nodes[0].networks;
        const uniq = [...new Set(nets)];
        for (const n of uniq) l.run(`docker network connect ${n} x`);
        for (const n of uniq) l.run(`docker network disconnect ${n} x`);
        expect(JSON.parse(l.serialize()).nodes[0].networks).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });
});
