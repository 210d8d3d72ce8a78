/**
 * Fidelity cases (issue 16): Docker behaviours a DCA learner meets, each checked against the
 * exact strings, exit codes and formats of Docker Engine 28.5.1 (docker/cli and moby/moby at
 * tag v28.5.1, docker/docs). One file per topic in tests/fixtures/fidelity/<topic>.t:
 *
 *   # nodes: m1, w1            lab nodes for every case of the file (default: host)
 *   ## case title              starts a case on a fresh lab (seed 1)
 *   # source: repo path @ tag  where the expected text comes from (required for every case)
 *   # pending: reason          not modelled yet: the case runs as `it.failing`
 *   $ docker ...               a command on the first node; `w1$ docker ...` on another node
 *   expected output            stdout then stderr of the command, then `[exit N]` when non-zero
 *
 * Expected lines: `...` matches any number of lines; a line ending in ` (re)` is a regular
 * expression for the whole line. Trailing blanks are ignored on both sides. A command followed directly by another command (no expected
 * lines) must print nothing and exit 0; write `...` to ignore what a set-up command prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLab } from '@/lib/cli';
import { parsePromptLine } from '@/lib/cli/prompt';

const DIR = path.join(__dirname, '../fixtures/fidelity');

interface Step {
  node: string;
  cmd: string;
  expect: string[];
  line: number;
}
interface Case {
  title: string;
  file: string;
  nodes: string[];
  sources: string[];
  pending?: string;
  steps: Step[];
}

function parse(file: string, text: string): Case[] {
  const cases: Case[] = [];
  let nodes = ['host'];
  let cur: Case | null = null;
  let step: Step | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const nodesHdr = /^# nodes: (.*)$/.exec(line);
    if (nodesHdr) {
      nodes = nodesHdr[1].split(',').map((s) => s.trim());
      if (cur) cur.nodes = nodes;
      return;
    }
    if (line.startsWith('## ')) {
      cur = { title: line.slice(3), file, nodes, sources: [], steps: [] };
      cases.push(cur);
      step = null;
      return;
    }
    if (!cur) return;
    const src = /^# source: (.*)$/.exec(line);
    if (src) return void cur.sources.push(src[1]);
    const pend = /^# pending: (.*)$/.exec(line);
    if (pend) return void (cur.pending = pend[1]);
    if (line.startsWith('#') && !step) return;
    const cmd = parsePromptLine(line);
    if (cmd) {
      step = { node: cmd.node ?? cur.nodes[0], cmd: cmd.command, expect: [], line: i + 1 };
      cur.steps.push(step);
      return;
    }
    if (step && line !== '') step.expect.push(line);
    else if (step && line === '' && step.expect.length) step.expect.push('');
  });
  for (const c of cases) for (const s of c.steps) while (s.expect.length && s.expect[s.expect.length - 1] === '') s.expect.pop();
  return cases;
}

/** Match output lines against expected lines with `...` and ` (re)`. */
function matches(got: string[], want: string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (j === want.length) r = i === got.length;
    else if (want[j] === '...') r = go(i, j + 1) || (i < got.length && go(i + 1, j));
    else if (i === got.length) r = false;
    else if (want[j].endsWith(' (re)')) r = new RegExp(`^(?:${want[j].slice(0, -5)})$`).test(got[i]) && go(i + 1, j + 1);
    else r = got[i] === want[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function runCase(c: Case): void {
  const lab = createLab({ nodes: c.nodes, seed: 1 });
  for (const s of c.steps) {
    const r = lab.run(s.cmd, s.node);
    const text = `${r.stdout}${r.stderr}${r.exitCode ? `[exit ${r.exitCode}]\n` : ''}`;
    const got = text.replace(/\n$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));
    if (text === '') got.length = 0;
    while (got.length && got[got.length - 1] === '') got.pop();
    if (!matches(got, s.expect)) {
      throw new Error(
        `${c.file}:${s.line}: ${s.node}$ ${s.cmd}\n--- expected\n${s.expect.join('\n')}\n--- got\n${got.join('\n')}\n`,
      );
    }
  }
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.t')).sort();

describe.each(files)('%s', (file) => {
  const cases = parse(file, fs.readFileSync(path.join(DIR, file), 'utf8'));
  it('cites a source for every case', () => {
    for (const c of cases) expect([c.title, c.sources.length > 0]).toEqual([c.title, true]);
  });
  for (const c of cases) {
    if (c.pending) it.failing(`${c.title} (pending: ${c.pending})`, () => runCase(c));
    else it(c.title, () => runCase(c));
  }
});
