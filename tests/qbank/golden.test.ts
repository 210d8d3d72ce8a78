/**
 * Golden fixtures: tests/qbank/fixtures/<case>/input.md compiles to expected.json.
 * After an intended change, regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compile, serialiseBank } from '@/lib/qbank';

const DIR = path.join(__dirname, 'fixtures');
const cases = fs.readdirSync(DIR).filter((c) => fs.existsSync(path.join(DIR, c, 'input.md'))).sort();

describe('golden fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  it.each(cases)('%s', (name) => {
    const input = fs.readFileSync(path.join(DIR, name, 'input.md'), 'utf8');
    const { bank, diagnostics } = compile([{ path: `${name}.md`, content: input }], { validateLine: () => undefined });
    const actual = serialiseBank({ ...bank, decks: bank.decks });
    const file = path.join(DIR, name, 'expected.json');
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
  });
});
