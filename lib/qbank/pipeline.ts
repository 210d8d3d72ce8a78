/**
 * The compile pipeline: note text -> mdast (a frozen unified preset: remark-parse, GFM, front
 * matter) -> question drafts (handlers + generators) -> ids -> a validated bank.
 * Pure: the caller reads files and passes their contents in, so it also runs in the browser.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { checkConsistency, checkLongestKey } from './consistency';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './diagnostics';
import { outdatedBanner, outdatedFor } from './freshness';
import { qualityProblem } from './generators/quality';
import { looseHeadings } from './plugins/loose-headings';
import { extractQuestions } from './plugins/questions';
import { needsFullGfm, remarkTaskLists } from './plugins/task-lists';
import { BankSchema, BlueprintSchema, isChoiceQuestion, type Bank, type Blueprint, type Deck, type Question } from './schema';
import type { Draft } from './state';
import { hash, normalise, slug } from './text';
import { judgedBySimulator, runsInSimulator, validateLine as defaultValidateLine, type LineProblem } from './validate';
import type { CheckTask } from '../cli';

/** The parser preset: remark-parse, GFM and YAML front matter, frozen. */
export const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
/** The same preset with GFM reduced to task lists, for notes that use nothing else of GFM. */
const lightParser = unified().use(remarkParse).use(remarkTaskLists).use(remarkFrontmatter, ['yaml']).freeze();

export interface NoteInput {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  content: string;
}

export interface CompileOptions {
  /** The exam blueprint YAML, when the content folder has one. */
  blueprint?: NoteInput;
  /** Override the command-line validator (tests). */
  validateLine?: (line: string) => LineProblem | undefined;
  /** Override how generated command tasks are run before they are kept (tests). */
  runTask?: (setup: string[], solution: string[]) => boolean;
  /** Override whether the checker can judge a generated task (tests; default: yes when runTask is overridden, else the checker decides). */
  judges?: (task: CheckTask) => boolean;
}

export interface CompileResult {
  bank: Bank;
  diagnostics: Diagnostic[];
  /** Per question id: the rule that produced it (not part of the bank). */
  rules: Record<string, string>;
}

/**
 * Parse one note. Notes without tables, strikethrough or footnotes skip the rest of GFM: the
 * trees are the same except that bare URLs stay text (the app renders them as links anyway).
 */
export function parseNote(content: string): Root {
  const text = looseHeadings(content);
  return (needsFullGfm(text) ? parser : lightParser).parse(text);
}

function deckIdFor(path: string, explicit?: string): string {
  return explicit ?? slug(path.replace(/\.md$/i, ''));
}

/** Assign stable ids: explicit id, else deck + hash(item) + hash(type, prompt); collisions get -2, -3 in source order. */
function assignIds(deck: string, drafts: Draft[], diag: DiagnosticSink, taken: Set<string>): { q: Question; rule: string; fact?: string }[] {
  const out: { q: Question; rule: string; fact?: string }[] = [];
  for (const d of drafts) {
    // The draft minus where it came from is the question's variant; the bank leaves empty optional lists out.
    const { at, item, itemText, idPrompt, id: explicitId, fact, rule, explanation, tags, docs, ...variant } = d;
    const sourceItem = explicitId ?? `${deck}:${hash(item)}`;
    let id = explicitId ?? `${deck}:${hash(item)}:${hash(`${variant.type}\u0000${normalise(idPrompt ?? variant.prompt)}`).slice(0, 6)}`;
    if (explicitId && taken.has(id)) {
      diag.error(at, `duplicate **Id:** "${id}"`, 'ids must be unique across the content folder');
      continue;
    }
    for (let n = 2; taken.has(id); n++) id = `${id.replace(/~\d+$/, '')}~${n}`;
    taken.add(id);
    const q: Question = {
      id,
      deck,
      ...variant,
      ...(explanation ? { explanation } : {}),
      ...(tags?.length ? { tags: [...new Set(tags)] } : {}),
      ...(docs?.length ? { docs } : {}),
      source: { file: diag.file, line: at.line },
      sourceItem,
    };
    const outdated = outdatedFor({ ...q, item: itemText ?? item });
    if (outdated) {
      q.outdated = outdated;
      diag.warn(at, `outdated question "${q.prompt.length > 70 ? `${q.prompt.slice(0, 67)}...` : q.prompt}": ${outdatedBanner(outdated)}`, `source: ${outdated.source}`, 'outdated');
    }
    out.push({ q, rule, ...(fact ? { fact } : {}) });
  }
  return out;
}

/**
 * The quality gate: drop generated questions that are fragments, give their answer away, refer to
 * options or context the card does not show, or repeat a prompt or a distractor (explicit ones
 * always stay). Each drop is a `quality` warning at the source line: `content -- lint` lists them.
 */
function gate(drafts: Draft[], diag: DiagnosticSink): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.type}\u0000${normalise(d.prompt)}`;
    const explicit = d.rule === 'explicit';
    if (seen.has(key) && !explicit) {
      diag.warn(d.at, `dropped a generated ${d.type} question (duplicate prompt): "${d.prompt}"`, undefined, 'quality');
      return false;
    }
    seen.add(key);
    if (explicit) return true;
    const problem = qualityProblem(d);
    if (problem) diag.warn(d.at, `dropped a generated ${d.type} question (${problem})`, `rule ${d.rule}; rephrase the note or write an explicit question`, 'quality');
    return !problem;
  });
}

/** Validate the blueprint YAML into a Blueprint, reporting positioned errors. */
export function compileBlueprint(input: NoteInput, questions: Question[], diag: DiagnosticSink): Blueprint | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(input.content);
  } catch (e) {
    const err = e as YAMLParseError;
    const pos = err.linePos?.[0];
    diag.error({ line: pos?.line ?? 1, column: pos?.col ?? 1 }, `blueprint is not valid YAML: ${err.message.split('\n')[0]}`, 'check the indentation');
    return undefined;
  }
  const lineOf = (needle: string): { line: number; column: number } => {
    const idx = input.content.search(new RegExp(`^\\s*-?\\s*${needle}`, 'm'));
    if (idx < 0) return { line: 1, column: 1 };
    const before = input.content.slice(0, idx);
    return { line: (before.match(/\n/g)?.length ?? 0) + 1, column: 1 };
  };
  const parsed = BlueprintSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
      diag.error(key ? lineOf(`${key}\\s*:`) : { line: 1, column: 1 }, `blueprint ${issue.path.join('.') || 'file'}: ${issue.message}`, 'see the blueprint section of content/README.md');
    }
    return undefined;
  }
  const bp = parsed.data;
  const sum = bp.objectives.reduce((n, o) => n + o.count, 0);
  if (sum !== bp.questions) {
    diag.error(lineOf('questions\\s*:'), `blueprint objective counts sum to ${sum}, not questions: ${bp.questions}`, 'make the objective counts add up to `questions`');
  }
  for (const o of bp.objectives) {
    const matching = questions.filter((q) => isChoiceQuestion(q) && !q.outdated && q.tags?.some((t) => o.tags.includes(t)));
    const items = new Set(matching.map((q) => q.sourceItem)).size;
    if (items < o.count) {
      diag.error(
        lineOf(`id\\s*:\\s*${o.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`),
        `objective "${o.id}" needs ${o.count} choice questions but only ${items} source items (outdated ones left out) carry its tags (${o.tags.join(', ')})`,
        'lower its count or tag more choice questions',
      );
    }
  }
  return bp;
}

/**
 * Compile notes into a bank.
 * @param inputs note paths (relative) and contents; order does not matter
 * @returns the bank (always schema-valid), every diagnostic sorted, and the generating rule per id
 */
export function compile(inputs: NoteInput[], options: CompileOptions = {}): CompileResult {
  // Validation is pure, and the same setup lines recur across tasks: memoise within this compile.
  const validator = options.validateLine ?? defaultValidateLine;
  const checked = new Map<string, LineProblem | undefined>();
  const ran = new Map<string, boolean>();
  const runner = options.runTask ?? runsInSimulator;
  const runTask = (setup: string[], solution: string[]): boolean => {
    const key = JSON.stringify([setup, solution]);
    if (!ran.has(key)) ran.set(key, runner(setup, solution));
    return ran.get(key)!;
  };
  // A test that fakes the runner has no real lab to judge with: its tasks are taken as judgeable.
  const judges = options.judges ?? (options.runTask ? () => true : judgedBySimulator);
  const validate = (line: string): LineProblem | undefined => {
    if (!checked.has(line)) checked.set(line, validator(line));
    return checked.get(line);
  };
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const decks: Deck[] = [];
  const questions: Question[] = [];
  const diagnostics: Diagnostic[] = [];
  const rules: Record<string, string> = {};
  const taken = new Set<string>();
  const deckIds = new Set<string>();
  const sinks = new Map<string, DiagnosticSink>();
  const facts = new Map<string, string>();
  for (const input of sorted) {
    const tree = parseNote(input.content);
    const ex = extractQuestions(tree, { file: input.path, validateLine: validate, runTask, judges });
    const deck = deckIdFor(input.path, ex.front.id);
    if (deckIds.has(deck)) ex.diag.error({ line: 1, column: 1 }, `deck id "${deck}" is used by another note`, 'set a unique `id:` in the front matter');
    deckIds.add(deck);
    const made = assignIds(deck, gate(ex.drafts, ex.diag), ex.diag, taken);
    if (made.length === 0 && !ex.diag.list.some((d) => d.severity === 'error')) {
      ex.diag.warn({ line: 1, column: 1 }, 'this note yields no questions', 'add explicit questions (see content/README.md) or list items the generators understand');
    }
    for (const { q, rule, fact } of made) {
      questions.push(q);
      rules[q.id] = rule;
      if (fact) facts.set(q.id, fact);
    }
    sinks.set(input.path, ex.diag);
    decks.push({
      id: deck,
      title: ex.title,
      file: input.path,
      ...(ex.front.description ? { description: ex.front.description } : {}),
      ...(ex.front.tags ? { tags: ex.front.tags } : {}),
      ...(ex.front.domain ? { domain: ex.front.domain } : {}),
      ...(ex.front.weight !== undefined ? { weight: ex.front.weight } : {}),
      topics: ex.topics,
      questionCount: made.length,
    });
  }
  const clashing = checkConsistency(questions, facts, sinks, (id) => rules[id] !== undefined && rules[id] !== 'explicit');
  if (clashing.size > 0) {
    for (const id of clashing) delete rules[id];
    questions.splice(0, questions.length, ...questions.filter((q) => !clashing.has(q.id)));
    for (const deck of decks) deck.questionCount = questions.filter((q) => q.deck === deck.id).length;
  }
  checkLongestKey(questions, sinks);
  for (const sink of sinks.values()) diagnostics.push(...sink.list);
  const blueprints: Blueprint[] = [];
  if (options.blueprint) {
    const diag = new DiagnosticSink(options.blueprint.path);
    const bp = compileBlueprint(options.blueprint, questions, diag);
    if (bp) blueprints.push(bp);
    diagnostics.push(...diag.list);
  }
  const bank = BankSchema.parse({ version: 1, decks, questions, blueprints });
  return { bank, diagnostics: sortDiagnostics(diagnostics), rules };
}

/** Serialise a bank byte-identically for the same input: fixed key order (schema order), 2-space indent. */
export function serialiseBank(bank: Bank): string {
  return `${JSON.stringify(bank, null, 2)}\n`;
}
