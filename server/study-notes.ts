import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Root as MdastRoot, RootContent, Heading } from 'mdast';
import { loadBank, type Deck, type LoadedBank, type Question } from '@/server/banks';
import { answerMarkdown } from '@/server/web/cards';
import { parseMarkdown, renderMarkdown as md, renderMdast } from '@/server/notes';
import { env } from '@/env';
import { outdatedLines, type OutdatedLine } from '@/server/outdated-lines';
import type { StudyBlock, StudyNote, StudyQuestion, StudySection } from '@/server/web/types';

/**
 * A deck's note as study material: the prose of the Markdown note split into sections at its
 * `##`/`###` headings, with the questions written in the note (explicit question blockquotes)
 * taken out of the prose and listed under their section, answers kept apart for a reveal.
 *
 * Built once per loaded bank (a new bank.json is a new LoadedBank object), so a deck page does
 * no Markdown work after its first render: `studyNote(loaded, deck)` is a map lookup.
 *
 * Facts the bank marks outdated (issue 13) show where they are: an "Outdated since ..." note
 * beside the affected line of the prose (server/outdated-lines.ts places it inside the block),
 * and on the question card itself.
 */

const cache = new WeakMap<LoadedBank, Map<string, Promise<StudyNote | null>>>();

/** The section heading depths that open a new section (the `#` title is the page's own). */
const SECTION_DEPTHS = new Set([2, 3]);

function slug(text: string, used: Set<string>): string {
  const base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

/** A question's reveal: the answer as Markdown (qa, cloze) plus which options are right. */
async function questionView(q: Question): Promise<StudyQuestion> {
  const answer = await answerMarkdown(q);
  return {
    id: q.id,
    type: q.type,
    line: q.source.line,
    promptHtml: md(q.prompt),
    ...(q.choices ? { choices: q.choices.map((c) => ({ html: md(c.text, { inline: true }), correct: c.correct })) } : {}),
    ...(answer ? { answerHtml: md(answer) } : {}),
    ...(q.command ? { command: { setup: q.command.setup, solutions: q.command.solutions, nodes: q.command.nodes ?? [] } } : {}),
    ...(q.explanation ? { explanationHtml: md(q.explanation) } : {}),
    ...(q.docs?.length ? { docs: q.docs } : {}),
    ...(q.outdated ? { outdated: q.outdated } : {}),
  };
}

function lines(node: RootContent): [number, number] {
  const start = node.position?.start.line ?? 0;
  return [start, node.position?.end.line ?? start];
}

/**
 * Split a note into sections of prose blocks and questions.
 * @param tree the note's mdast (with positions)
 * @param questions the bank's questions of this deck
 */
export async function buildStudyNote(tree: MdastRoot, questions: Question[]): Promise<StudyNote> {
  // Explicit questions are blockquotes that start on the question's source line; they leave the prose.
  const questionLines = new Set(questions.map((q) => q.source.line));
  const outdated: OutdatedLine[] = outdatedLines(questions);
  const used = new Set<string>();
  const sections: StudySection[] = [];
  let current: StudySection = { id: 'intro', title: '', depth: 2, line: 1, blocks: [], questions: [] };
  const push = () => {
    if (current.title || current.blocks.length) sections.push(current);
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) continue; // the deck title: the page header shows it
    const [start, end] = lines(node);
    if (node.type === 'heading' && SECTION_DEPTHS.has(node.depth)) {
      push();
      const title = toString(node as Heading).trim();
      current = { id: slug(title, used), title, depth: node.depth as 2 | 3, line: start, blocks: [], questions: [] };
      continue;
    }
    if (node.type === 'blockquote' && questionLines.has(start)) continue;
    const here = outdated.filter((o) => o.line >= start && o.line <= end);
    const block: StudyBlock = { line: start, endLine: end, html: renderMdast({ type: 'root', children: [node] }, { outdated: here }) };
    current.blocks.push(block);
  }
  push();
  // Each question goes to the last section that starts at or before its line.
  const sorted = [...questions].sort((a, b) => a.source.line - b.source.line);
  const sources = new Map<StudySection, Question[]>();
  for (const q of sorted) {
    // Yield between questions: a background warm-up never holds the event loop for long.
    await new Promise((resolve) => setImmediate(resolve));
    let home = [...sections].reverse().find((s) => s.line <= q.source.line) ?? sections[0];
    if (!home) sections.push((home = { id: 'questions', title: 'Questions', depth: 2, line: q.source.line, blocks: [], questions: [] }));
    home.questions.push(await questionView(q));
    sources.set(home, [...(sources.get(home) ?? []), q]);
  }
  for (const [section, qs] of sources) if (section.blocks.length === 0) section.digest = digestOf(qs);
  return { sections: sections.filter((s) => s.blocks.length || s.questions.length || s.depth === 2) };
}

/**
 * Key points of a section without prose: each source item's explanation once (generated
 * siblings share their item's), outdated ones left out, as paragraphs; plus the docs cited.
 */
export function digestOf(questions: Question[]): StudySection['digest'] {
  const seenItems = new Set<string>();
  const seenText = new Set<string>();
  const paragraphs: string[] = [];
  const docs = new Set<string>();
  for (const q of questions) {
    if (q.outdated) continue;
    for (const d of q.docs ?? []) docs.add(d);
    const text = q.explanation?.trim();
    if (!text || seenItems.has(q.sourceItem) || seenText.has(text)) continue;
    seenItems.add(q.sourceItem);
    seenText.add(text);
    paragraphs.push(text);
  }
  if (paragraphs.length === 0) return undefined;
  return { html: md(paragraphs.join('\n\n')), docs: [...docs] };
}

function readNote(file: string): string | null {
  // The content folder is named at run time (CONTENT_DIR): not something to trace into the build.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().CONTENT_DIR);
  const full = path.resolve(/*turbopackIgnore: true*/ dir, file);
  if (!full.startsWith(dir + path.sep)) return null;
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ full, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The study note of a deck, rendered once per loaded bank.
 * @param loaded the bank (its identity is the cache key: a rebuilt bank renders afresh)
 * @param deck one of its decks
 * @returns the note, or null when its source file is missing
 */
export function studyNote(loaded: LoadedBank, deck: Deck): Promise<StudyNote | null> {
  let perBank = cache.get(loaded);
  if (!perBank) cache.set(loaded, (perBank = new Map()));
  let note = perBank.get(deck.id);
  if (!note) {
    const text = readNote(deck.file);
    note = text === null ? Promise.resolve(null) : buildStudyNote(parseMarkdown(text), loaded.bank.questions.filter((q) => q.deck === deck.id));
    // A failed render is not cached: the next request tries again.
    note.catch(() => perBank.delete(deck.id));
    perBank.set(deck.id, note);
  }
  return note;
}

/**
 * Render every deck's study note of the current bank in the background, one deck after the
 * other, so the first visit of a deck page finds it ready. Called once at server start
 * (instrumentation.ts); deck pages render on demand anyway.
 */
export async function warmStudyNotes(loaded: LoadedBank = loadBank()): Promise<number> {
  let n = 0;
  for (const deck of loaded.bank.decks) if (await studyNote(loaded, deck).catch(() => null)) n++;
  return n;
}
