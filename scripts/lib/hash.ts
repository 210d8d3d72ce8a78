import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', '.git', 'test-results', 'data']);

/** Stable hash of the given files and directory trees (paths relative to `root`); missing entries hash as absent. */
export function hashTree(root: string, entries: string[]): string {
  const h = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      h.update(`missing:${rel}\n`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        if (!SKIP.has(name)) visit(path.join(rel, name));
      }
    } else if (st.isFile()) {
      h.update(`file:${rel}\n`);
      h.update(fs.readFileSync(abs));
    }
  };
  for (const e of entries) visit(e);
  return h.digest('hex');
}
