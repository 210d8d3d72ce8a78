/**
 * `npm run bench -- NAME [--json]`: the one entry point for benchmarks.
 * Each bench module exports `run(args)` returning a record of figures; with --json the
 * last line printed is that record as one JSON object.
 */
import path from 'node:path';
import fs from 'node:fs';

/** A figure: a number or label, or a group of them (e.g. per page). */
export type Figure = number | string | boolean | null | { [key: string]: Figure };
export type Figures = Record<string, Figure>;
export interface Bench {
  description: string;
  run(args: string[], log: (line: string) => void): Promise<Figures>;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  const name = rest.shift();
  const available = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  if (!name || !available.includes(name)) {
    process.stderr.write(
      `${name ? `unknown bench "${name}"` : 'missing bench name'}: use npm run bench -- NAME [--json], NAME one of ${available.join(', ')}\n`,
    );
    process.exit(2);
  }
  const mod = (await import(path.join(__dirname, `${name}.ts`))) as { default: Bench };
  const log = json ? (l: string) => process.stderr.write(l + '\n') : (l: string) => console.log(l);
  const figures = await mod.default.run(rest, log);
  if (json) console.log(JSON.stringify(figures));
  else for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).message}\n`);
  process.exit(1);
});
