/**
 * content: compile a generated corpus of 1,000 seed-sized notes (deterministic variations of
 * content/docker-networking.md) and compare with a bare remark parse of the same files.
 * ratioToBareParse = compile seconds / bare `unified().use(remarkParse).parse` seconds, best of N
 * rounds each, interleaved in the same process. ratioToPresetParse uses the compiler's own parser
 * preset (GFM + front matter) as the baseline instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Bench } from './index';
import { compile, parser, type NoteInput } from '../lib/qbank';
import { mulberry32 } from '../lib/random';

const ROOT = path.resolve(__dirname, '..');

/** Note i: renamed resources, shuffled sibling list items, a varied number, its own title. */
export function variant(seed: string, i: number): string {
  const r = mulberry32(i + 1); // seeded: the same corpus on every run
  let text = seed
    .replace(/^# (.+)$/m, `# $1 ${i}`)
    .replace(/my-nginx/g, `web-${i}`)
    .replace(/my-net\b/g, `net-${i}`)
    .replace(/my-bridge-network/g, `bridge-${i}`)
    .replace(/dev_overlay/g, `overlay_${i}`)
    .replace(/8080:80/g, `${8000 + (i % 1000)}:80`);
  // Shuffle the blocks of each top-level list (items separated by blank lines keep their bodies).
  text = text.replace(/((?:^1\. [\s\S]+?)(?=\n\n(?!1\. |   ))|$)/gm, (block) => {
    const items = block.split(/\n(?=1\. )/);
    for (let k = items.length - 1; k > 0; k--) {
      const j = Math.floor(r() * (k + 1));
      [items[k], items[j]] = [items[j], items[k]];
    }
    return items.join('\n');
  });
  return text;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const bench: Bench = {
  description: 'compile 1,000 generated seed-sized notes; ratio to a bare remark parse of the same files',
  async run(args, log) {
    const files = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
    const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);
    const seed = fs.readFileSync(path.join(ROOT, 'content', 'docker-networking.md'), 'utf8');
    const notes: NoteInput[] = Array.from({ length: files }, (_, i) => ({ path: `note-${String(i).padStart(4, '0')}.md`, content: variant(seed, i) }));
    const bare = unified().use(remarkParse).freeze();
    let compileS = Infinity;
    let bareS = Infinity;
    let presetS = Infinity;
    let questions = 0;
    // Warm up the JIT on a slice, then interleave the measured rounds.
    compile(notes.slice(0, 50));
    for (const n of notes.slice(0, 50)) bare.parse(n.content);
    for (let round = 0; round < rounds; round++) {
      bareS = Math.min(bareS, time(() => notes.forEach((n) => bare.parse(n.content))));
      presetS = Math.min(presetS, time(() => notes.forEach((n) => parser.parse(n.content))));
      compileS = Math.min(
        compileS,
        time(() => {
          questions = compile(notes).bank.questions.length;
        }),
      );
      log(`round ${round + 1}: bare ${bareS.toFixed(2)}s, preset ${presetS.toFixed(2)}s, compile ${compileS.toFixed(2)}s`);
    }
    return {
      files,
      questions,
      seconds: Number(compileS.toFixed(3)),
      filesPerSecond: Math.round(files / compileS),
      ratioToBareParse: Number((compileS / bareS).toFixed(2)),
      ratioToPresetParse: Number((compileS / presetS).toFixed(2)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  },
};

export default bench;
