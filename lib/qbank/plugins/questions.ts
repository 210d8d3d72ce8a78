/**
 * `remarkQuestions`: a thin unified plugin over `extractQuestions(tree, options)`, which walks the
 * mdast of one note and returns question drafts and the deck header. Usable alone on any tree.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { DiagnosticSink } from '../diagnostics';
import { readFrontMatter } from '../frontmatter';
import { noteTerms } from '../generators/fact-cloze';
import { headingTermChoices } from '../generators/heading-term';
import { handle, type WalkContext } from '../handlers';
import type { FrontMatter } from '../schema';
import type { Draft, NoteState } from '../state';
import { slug } from '../text';
import { judgedBySimulator, runsInSimulator, type LineProblem } from '../validate';
import type { CheckTask } from '../../cli';

export interface ExtractOptions {
  /** Path relative to the content folder. */
  file: string;
  validateLine(line: string): LineProblem | undefined;
  /** Run a generated task's setup and solution (default: the simulator). */
  runTask?: (setup: string[], solution: string[]) => boolean;
  /** Can the checker judge a generated task (default: the simulator's checker; always yes when runTask is overridden)? */
  judges?: (task: CheckTask) => boolean;
}

export interface Extracted {
  front: FrontMatter;
  title: string;
  topics: string[][];
  drafts: Draft[];
  diag: DiagnosticSink;
}

/** Walk one note's tree. */
export function extractQuestions(tree: Root, options: ExtractOptions): Extracted {
  const diag = new DiagnosticSink(options.file);
  const first = tree.children[0];
  const front = first?.type === 'yaml' ? readFrontMatter(first, diag) : {};
  const fallbackTitle = options.file.replace(/\.md$/i, '').split('/').pop() ?? options.file;
  const ctx: WalkContext = { levels: front.title ? [front.title] : [], titleFromFrontMatter: !!front.title };
  // Deck title: front matter, else the first `#` heading, else the file name.
  if (!front.title) {
    const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
    ctx.levels[0] = h1 && h1.type === 'heading' ? h1.children.map((c) => ('value' in c ? c.value : '')).join('').trim() : fallbackTitle;
    ctx.titleFromFrontMatter = true;
  }
  const state: NoteState = {
    file: options.file,
    diag,
    topic: [ctx.levels[0]],
    docs: [],
    drafts: [],
    terms: [],
    noteTerms: noteTerms(tree),
    headingTerms: [],
    deckTags: (front.tags ?? []).map((t) => slug(t)),
    validateLine: options.validateLine,
    runTask: options.runTask ?? runsInSimulator,
    judges: options.judges ?? (options.runTask ? () => true : judgedBySimulator),
  };
  const topics = new Map<string, string[]>();
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    i += handle(children[i], state, children, i, ctx);
    topics.set(JSON.stringify(state.topic), [...state.topic]);
  }
  headingTermChoices(state);
  // A note with explicit questions is a deck: its prose is context for them, not statements to quiz.
  if (state.drafts.some((d) => d.rule === 'explicit')) state.drafts = state.drafts.filter((d) => !d.rule.startsWith('paragraph-'));
  const used = new Set(state.drafts.map((d) => JSON.stringify(d.topic)));
  return {
    front,
    title: ctx.levels[0],
    topics: [...topics.entries()].filter(([k]) => used.has(k)).map(([, v]) => v),
    drafts: state.drafts,
    diag,
  };
}

declare module 'vfile' {
  interface DataMap {
    questions: Extracted;
  }
}

/** unified plugin: runs `extractQuestions` and stores the result in `file.data.questions`. */
export const remarkQuestions: Plugin<[ExtractOptions], Root> = (options) => (tree: Root, file: VFile) => {
  file.data.questions = extractQuestions(tree, options);
};
