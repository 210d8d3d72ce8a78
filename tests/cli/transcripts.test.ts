/**
 * Transcript fixtures, one per Docker tutorial the simulator was checked against:
 * tests/fixtures/transcripts/<name>.in (commands, "NODE$ " prefixes, "# nodes: a, b" header)
 * and <name>.out (what the lab printed). Regenerate with UPDATE_TRANSCRIPTS=1 after reviewing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLab, splitSessionLine } from '@/lib/cli';

const DIR = path.join(__dirname, '../fixtures/transcripts');

function play(input: string): string {
  const nodes = /^# nodes: (.*)$/m.exec(input)?.[1].split(',').map((s) => s.trim()) ?? ['host'];
  const lab = createLab({ nodes, seed: 1 });
  let out = '';
  for (const raw of input.split('\n')) {
    const s = splitSessionLine(raw, nodes);
    if (!s) continue;
    const { node, command: cmd } = s;
    const r = lab.run(cmd, node);
    out += `${node}$ ${cmd}\n${r.stdout}${r.stderr}${r.exitCode ? `[exit ${r.exitCode}]\n` : ''}`;
  }
  return out;
}

const cases = fs.readdirSync(DIR).filter((f) => f.endsWith('.in')).map((f) => f.slice(0, -3));

describe('tutorial transcripts', () => {
  it.each(cases)('%s', (name) => {
    const got = play(fs.readFileSync(path.join(DIR, `${name}.in`), 'utf8'));
    const outFile = path.join(DIR, `${name}.out`);
    if (process.env.UPDATE_TRANSCRIPTS === '1' || !fs.existsSync(outFile)) fs.writeFileSync(outFile, got);
    expect(got).toBe(fs.readFileSync(outFile, 'utf8'));
  });
});
