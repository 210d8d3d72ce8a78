/**
 * The question bank for content tests, compiled from content/ with the real compiler (the same
 * reader and pipeline `npm run content -- build` uses), together with its diagnostics.
 */
import path from 'node:path';
import { compile, parseBank, type Bank, type CompileResult, type Question } from '@/lib/qbank';
import { readContent } from '@/scripts/content';

export const OBJECTIVE_TAGS = ['bridge', 'drivers', 'cnm', 'ports', 'dns', 'overlay', 'troubleshooting', 'traffic', 'l7lb'] as const;
export type ObjectiveTag = (typeof OBJECTIVE_TAGS)[number];

/** Content files written in the explicit syntax by the deck (the learner's seed notes excluded). */
export const DECK_FILES = [
  'net-bridge.md',
  'net-drivers.md',
  'net-cnm.md',
  'net-ports.md',
  'net-dns.md',
  'net-overlay-swarm.md',
  'net-troubleshooting.md',
  'net-traffic.md',
  'net-l7-lb.md',
];

/** The blueprint file, relative to the content folder. */
export const BLUEPRINT_FILE = 'exam-blueprint.yaml';

let cached: CompileResult | undefined;

/** Compile content/ once per test file. */
export function compileDecks(): CompileResult {
  if (!cached) {
    const { notes, blueprint } = readContent(path.join(process.cwd(), 'content'));
    cached = compile(notes, blueprint ? { blueprint } : {});
  }
  return cached;
}

/** The compiled bank, validated against the bank contract. */
export function loadBank(): Bank {
  return parseBank(JSON.parse(JSON.stringify(compileDecks().bank)));
}

/** The questions compiled from the networking decks. */
export function deckQuestions(bank: Bank = loadBank()): Question[] {
  return bank.questions.filter((q) => DECK_FILES.includes(q.source.file));
}

/** The one objective tag a deck question carries (undefined when it has none or several). */
export function objectiveOf(q: Question): ObjectiveTag | undefined {
  const found = OBJECTIVE_TAGS.filter((t) => q.tags?.includes(t));
  return found.length === 1 ? found[0] : undefined;
}
