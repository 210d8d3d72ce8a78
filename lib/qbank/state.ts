/**
 * Per-note compile state handed to every handler and generator: where we are in the heading
 * tree, the diagnostics sink, and the question drafts emitted so far.
 */
import type { Node } from 'mdast';
import type { CheckTask } from '../cli';
import type { Question } from './schema';
import type { DiagnosticSink, Position } from './diagnostics';
import type { LineProblem } from './validate';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question before ids are assigned: one variant of `Question` without its bank fields, plus where it came from. */
export type Draft = DistributiveOmit<Question, 'id' | 'deck' | 'source' | 'sourceItem' | 'outdated'> & DraftOrigin;

interface DraftOrigin {
  /** Position of the source item. */
  at: Position;
  /** Normalised content of the source item: the stable part of ids; siblings share it. */
  item: string;
  /** The source item's text as written (freshness matches it); defaults to `item`. */
  itemText?: string;
  /** The wording the id hashes instead of the prompt: a generator that rewords a prompt keeps its ids (learners' review history). */
  idPrompt?: string;
  /** Explicit `**Id:**`, wins over the hash. */
  id?: string;
  /** Author-given `**Fact:**` key: questions sharing it must share their key. */
  fact?: string;
  /** Generator or syntax that produced it (for tests and the summary, not written to the bank). */
  rule: string;
}

export interface NoteState {
  file: string;
  diag: DiagnosticSink;
  /** Deck title followed by the current section headings. */
  topic: string[];
  /** Section-level doc URLs (a bare link paragraph under a heading). */
  docs: string[];
  /** The paragraph right before the current list, when it introduces it ("A vs. B", "the following ..."). */
  intro?: string;
  drafts: Draft[];
  /** Terms defined in the current section (term/definition items), masked in later statements. */
  terms: string[];
  /** The note's own terms (short headings, bold phrases), clozed where a sentence opens on one. */
  noteTerms: string[];
  /** Sections titled by a term and opened by what it does (heading-term rule), grouped at the end. */
  headingTerms: import('./generators/heading-term').HeadingTerm[];
  /** Tags from the front matter, put on every question of the deck. */
  deckTags: string[];
  /** Validate a shell line of a command task; returns an error message or undefined. */
  validateLine(line: string): LineProblem | undefined;
  /** Does `solution` run without a failing command after `setup` on a fresh simulator lab? */
  runTask(setup: string[], solution: string[]): boolean;
  /** Does the checker pass every solution of this task and fail an empty answer? */
  judges(task: CheckTask): boolean;
}

/** 1-based start position of a node (1:1 when the node has none). */
export function positionOf(node: Node | undefined): Position {
  return { line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1 };
}

/** Add a draft with the current topic and docs filled in. */
export function emit(state: NoteState, d: DistributiveOmit<Draft, 'topic'> & { topic?: string[] }): void {
  const docs = d.docs ?? (state.docs.length ? [...state.docs] : undefined);
  state.drafts.push({ ...d, topic: d.topic ?? [...state.topic], ...(docs ? { docs } : {}) });
}
