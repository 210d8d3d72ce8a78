/** Stable ids and byte-identical output. */
import fs from 'node:fs';
import path from 'node:path';
import { compile, serialiseBank } from '@/lib/qbank';

const SEED = fs.readFileSync(path.join(__dirname, '../../content/docker-networking.md'), 'utf8');
const EXPLICIT = fs.readFileSync(path.join(__dirname, 'fixtures/explicit/input.md'), 'utf8');
const ok = () => undefined;
const ids = (content: string) => compile([{ path: 'seed.md', content }], { validateLine: ok }).bank.questions.map((q) => `${q.id} ${q.prompt}`);

describe('stable ids', () => {
  it.each([
    // name, edit applied to the seed
    ['a paragraph is edited', (s: string) => s.replace('User-defined bridges vs. default bridges', 'User-defined bridges vs. default bridges (compared)')],
    ['a paragraph is added at the top', (s: string) => s.replace('# Docker Networking\n', '# Docker Networking\n\nNotes from the course, revised.\n')],
    ['an unrelated item is removed', (s: string) => s.replace(/1\. Linked containers on the default bridge network share environment variables\.\n/, '')],
    ['lines move (blank lines added)', (s: string) => s.replace(/\n\n/g, '\n\n\n')],
  ])('keeps the ids of untouched items when %s', (_name, edit) => {
    const before = new Set(ids(SEED));
    const after = ids(edit(SEED));
    const kept = after.filter((x) => before.has(x));
    // Every question whose prompt still exists keeps its id.
    const prompts = new Map([...before].map((x) => [x.slice(x.indexOf(' ') + 1), x]));
    for (const x of after) {
      const prompt = x.slice(x.indexOf(' ') + 1);
      if (prompts.has(prompt)) expect(x).toBe(prompts.get(prompt));
    }
    expect(kept.length).toBeGreaterThanOrEqual(before.size - 2);
  });

  it('keeps explicit ids and hashes explicit questions by prompt', () => {
    const a = compile([{ path: 'x.md', content: EXPLICIT }], { validateLine: ok }).bank.questions;
    const b = compile([{ path: 'x.md', content: `Intro paragraph.\n\n${EXPLICIT}` }], { validateLine: ok }).bank.questions;
    expect(b.map((q) => q.id)).toEqual(a.map((q) => q.id));
    expect(a.some((q) => q.id === 'swarm-manager-port')).toBe(true);
  });

  it('gives every question a unique id', () => {
    const all = compile([
      { path: 'a.md', content: SEED },
      { path: 'b.md', content: SEED },
    ]).bank.questions.map((q) => q.id);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('determinism', () => {
  it('is byte-identical for the same input in any order', () => {
    const notes = [
      { path: 'seed.md', content: SEED },
      { path: 'explicit.md', content: EXPLICIT },
    ];
    const one = serialiseBank(compile(notes, { validateLine: ok }).bank);
    const two = serialiseBank(compile([...notes].reverse(), { validateLine: ok }).bank);
    expect(two).toBe(one);
    expect(one).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps
  });
});
