/** `npm run content -- build|lint`: summary, exit codes, positioned errors, atomic writes, skipped files. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBank } from '@/lib/qbank';
import { buildContent, compileContent } from '@/scripts/content';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const GOOD = '# Deck\n\n> **Q:** Which port?\n>\n> **A:** 2377\n';
const BAD = '# Deck\n\n> **Q:** Which port?\n';

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qbank-cli-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  return dir;
}
const content = (args: string[]) => spawnSync(process.execPath, [TSX, 'scripts/content.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });

describe('npm run content', () => {
  it('build writes the bank and prints questions per deck and type; lint writes nothing', () => {
    const dir = folder({ 'a.md': GOOD, 'sub/b.md': GOOD.replace('Which port', 'Which other port'), 'README.md': '# not a deck' });
    const out = path.join(dir, 'out', 'bank.json');
    const res = content(['build', dir, '--out', out]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('  a: 1 questions (qa 1)');
    expect(res.stdout).toMatch(/2 decks, 2 questions \(qa 2\); wrote /);
    expect(parseBank(JSON.parse(fs.readFileSync(out, 'utf8'))).decks.map((d) => d.file)).toEqual(['a.md', 'sub/b.md']);
    const lint = content(['lint', dir]);
    expect(lint.status).toBe(0);
    expect(lint.stdout).toMatch(/lint: 2 decks, 2 questions/);
  });

  it('fails with file:line:column and a hint, exit 1, and leaves the old bank in place', () => {
    const dir = folder({ 'a.md': GOOD, 'bad.md': BAD });
    const out = path.join(dir, 'bank.json');
    fs.writeFileSync(out, 'previous');
    const res = content(['build', dir, '--out', out]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('bad.md:3:3: the question has no answer\n  hint: ');
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('buildContent throws a SetupError listing the errors (npm start / jest set-up fail clearly)', async () => {
    const dir = folder({ 'bad.md': BAD });
    await expect(buildContent({ dir, out: path.join(dir, 'bank.json'), quiet: true })).rejects.toMatchObject({
      name: 'SetupError',
      message: expect.stringContaining('bad.md:3:3: the question has no answer'),
    });
    expect(fs.existsSync(path.join(dir, 'bank.json'))).toBe(false);
  });

  it('skips binary and huge files, and warns about notes without questions', async () => {
    const dir = folder({
      'a.md': GOOD,
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'huge.md': `# Huge\n\n${'x'.repeat(1024 * 1024 + 10)}`,
      'empty.md': '# Nothing here\n\nJust prose.\n',
    });
    const res = await compileContent({ dir, out: path.join(dir, 'bank.json'), quiet: true });
    const warnings = res.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.file}: ${d.message}`);
    expect(warnings).toEqual([
      'huge.md: skipped: 1.0 MB is larger than the 1 MB limit',
      'image.md: skipped: not a UTF-8 text file',
      'empty.md: this note yields no questions',
    ]);
    expect(res.bank.decks.map((d) => d.id)).toEqual(['a', 'empty']);
    expect(res.summary).toMatch(/, 3 warnings$/);
  });
});
