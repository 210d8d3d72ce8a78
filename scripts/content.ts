/**
 * `npm run content -- build [DIR] [--out FILE]` and `npm run content -- lint [DIR]`.
 * Reads the notes (every *.md under DIR except README.md) and the exam blueprint, compiles them
 * with lib/qbank, prints positioned diagnostics, and writes the bank atomically (temp + rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import { compile, formatDiagnostic, QuestionTypeSchema, serialiseBank, type Bank, type Diagnostic, type NoteInput } from '../lib/qbank';
import { SetupError, runMain } from './lib/fail';
import { BANK_FILE, ROOT } from './lib/paths';

export interface BuildOptions {
  dir: string;
  out?: string;
  quiet?: boolean;
  /** Compile and report without writing (lint). */
  dryRun?: boolean;
}

export interface BuildResult {
  bank: Bank;
  diagnostics: Diagnostic[];
  summary: string;
  written: boolean;
}

/** Files larger than this are skipped with a warning. */
export const MAX_NOTE_BYTES = 1024 * 1024;
const BLUEPRINT = /(^|[-_.])blueprint\.ya?ml$/i;

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, r));
    else if (entry.isFile()) out.push(r);
  }
  return out;
}

/** Read the content folder into compiler inputs; unreadable, binary or huge files become warnings. */
export function readContent(dir: string): { notes: NoteInput[]; blueprint?: NoteInput; skipped: Diagnostic[] } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new SetupError(`content folder ${dir} does not exist: create it or set CONTENT_DIR`);
  }
  const notes: NoteInput[] = [];
  const skipped: Diagnostic[] = [];
  let blueprint: NoteInput | undefined;
  const skip = (file: string, message: string, hint: string) => skipped.push({ severity: 'warning', file, line: 1, column: 1, message, hint });
  for (const rel of walk(dir)) {
    const isNote = /\.md$/i.test(rel) && !/(^|\/)readme\.md$/i.test(rel);
    const isBlueprint = !rel.includes('/') && BLUEPRINT.test(rel);
    if (!isNote && !isBlueprint) continue;
    const abs = path.join(dir, rel);
    const size = fs.statSync(abs).size;
    if (size > MAX_NOTE_BYTES) {
      skip(rel, `skipped: ${(size / 1024 / 1024).toFixed(1)} MB is larger than the 1 MB limit`, 'split the note into smaller files');
      continue;
    }
    const bytes = fs.readFileSync(abs);
    let content: string;
    try {
      if (bytes.includes(0)) throw new Error('NUL byte');
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      skip(rel, 'skipped: not a UTF-8 text file', 'save the note as UTF-8 text');
      continue;
    }
    if (isBlueprint) {
      if (blueprint) skip(rel, `skipped: a second blueprint (using ${blueprint.path})`, 'keep one exam blueprint per content folder');
      else blueprint = { path: rel, content };
    } else notes.push({ path: rel, content: content.replace(/^\uFEFF/, '') });
  }
  return { notes, blueprint, skipped };
}

/** Write a file atomically: a temp file in the same folder, then rename over the target. */
function writeAtomic(file: string, text: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return true;
}

/** "3 decks, 57 questions (qa 10, cloze 17, ...)" and one line per deck. */
export function summarise(bank: Bank): { line: string; table: string[] } {
  const byType = (qs: Bank['questions']) => {
    const counts = new Map<string, number>();
    for (const q of qs) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
    return QuestionTypeSchema.options
      .filter((t) => counts.has(t))
      .map((t) => `${t} ${counts.get(t)}`)
      .join(', ');
  };
  const table = bank.decks.map((d) => `  ${d.id}: ${d.questionCount} questions (${byType(bank.questions.filter((q) => q.deck === d.id)) || 'none'})`);
  const bp = bank.blueprints.length ? `, ${bank.blueprints.length} blueprint${bank.blueprints.length > 1 ? 's' : ''}` : '';
  return { line: `${bank.decks.length} decks, ${bank.questions.length} questions (${byType(bank.questions)})${bp}`, table };
}

/**
 * Compile `dir` and (unless dryRun) write the bank.
 * @returns the bank, every diagnostic and a one-line summary
 * @throws SetupError listing the positioned errors when the content has any (nothing is written)
 */
export async function compileContent({ dir, out = BANK_FILE, quiet = false, dryRun = false }: BuildOptions): Promise<BuildResult> {
  const { notes, blueprint, skipped } = readContent(dir);
  const result = compile(notes, blueprint ? { blueprint } : {});
  const diagnostics = [...skipped, ...result.diagnostics];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  // A build counts what the freshness and quality checks found; lint lists every item.
  const listed = dryRun ? warnings : warnings.filter((w) => !w.check);
  if (!quiet) for (const w of listed) process.stderr.write(`${formatDiagnostic(w)}\n`);
  const rel = path.relative(ROOT, dir) || '.';
  if (errors.length) {
    throw new SetupError(
      `content in ${rel} has ${errors.length} error${errors.length > 1 ? 's' : ''}${dryRun ? '' : ', bank not written'}:\n${errors.map(formatDiagnostic).join('\n')}`,
    );
  }
  const written = dryRun ? false : writeAtomic(out, serialiseBank(result.bank));
  const { line } = summarise(result.bank);
  const outdated = result.bank.questions.filter((q) => q.outdated).length;
  const dropped = warnings.filter((w) => w.check === 'quality').length;
  const other = warnings.length - warnings.filter((w) => w.check).length;
  const counts = [
    outdated ? `${outdated} outdated (not drawn in exams${dryRun ? '' : '; lint lists them'})` : '',
    dropped ? `${dropped} generated question${dropped > 1 ? 's' : ''} dropped by the quality gate` : '',
    other ? `${other} warning${other > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  const summary = `${line}${counts.length ? `, ${counts.join(', ')}` : ''}`;
  return { bank: result.bank, diagnostics, summary, written };
}

/** Compile `dir` into the bank file; returns a one-line summary (used by scripts/setup.ts). */
export async function buildContent(options: BuildOptions): Promise<string> {
  return (await compileContent(options)).summary;
}

function usage(): never {
  throw new SetupError('usage: npm run content -- build [DIR] [--out FILE] | lint [DIR]');
}

if (require.main === module) {
  void runMain(async () => {
    const args = process.argv.slice(2);
    const verb = args[0];
    if (verb !== 'build' && verb !== 'lint') usage();
    let out: string | undefined;
    const positional: string[] = [];
    for (let i = 1; i < args.length; i++) {
      if (args[i] === '--out') out = args[++i] ?? usage();
      else if (args[i].startsWith('--out=')) out = args[i].slice(6);
      else if (args[i].startsWith('-')) usage();
      else positional.push(args[i]);
    }
    if (positional.length > 1 || (verb === 'lint' && out)) usage();
    const dir = path.resolve(process.cwd(), positional[0] ?? path.join(ROOT, 'content'));
    const res = await compileContent({ dir, ...(out ? { out: path.resolve(process.cwd(), out) } : {}), dryRun: verb === 'lint' });
    const { table } = summarise(res.bank);
    console.log(table.join('\n'));
    console.log(
      verb === 'lint'
        ? `lint: ${res.summary}; no errors`
        : `${res.summary}; ${res.written ? 'wrote' : 'unchanged'} ${path.relative(process.cwd(), out ? path.resolve(out) : BANK_FILE)}`,
    );
  });
}
