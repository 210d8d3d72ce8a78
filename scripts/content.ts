/**
 * `npm run content -- build|lint [DIR] [--out FILE]`.
 * Stub until the content compiler lands: writes an empty, valid bank so the app can start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runMain } from './lib/fail';
import { BANK_FILE, ROOT } from './lib/paths';

export interface BuildOptions {
  dir: string;
  out?: string;
  quiet?: boolean;
}

/** Compile `dir` into the bank file; returns a one-line summary. */
export async function buildContent({ dir, out = BANK_FILE }: BuildOptions): Promise<string> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const bank = { version: 1, decks: [], questions: [] };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(bank, null, 2) + '\n');
  return `${files.length} notes found, 0 questions (compiler not yet built)`;
}

if (require.main === module) {
  void runMain(async () => {
    const args = process.argv.slice(2);
    const dir = path.resolve(ROOT, args.find((a, i) => i > 0 && !a.startsWith('--')) ?? 'content');
    console.log(await buildContent({ dir }));
  });
}
