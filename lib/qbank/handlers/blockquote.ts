/**
 * Explicit authoring syntax: a blockquote whose first paragraph starts with a bold label.
 *
 *   > **Q:** prompt            > **Cloze:** text {{hidden}}      > **Task:** prompt
 *   > **A:** answer            > **Explanation:** ...            > **Setup:** + ```sh fence
 *   > - [x] right / - [ ] wrong                                   > **Solution:** + ```sh fence (repeatable)
 *   > **Type:** multiple-choice                                   > **Check:** state|output
 *   common: **Explanation:** **Tags:** **Docs:** **Id:** **Fact:** > **Nodes:** manager1, worker1
 *
 * A blockquote whose first label is not a question opener (e.g. `**Note:**`) is an ordinary quote.
 */
import type { Blockquote, BlockContent, Code, DefinitionContent, List, Paragraph, PhrasingContent } from 'mdast';
import { withoutBarePrompt } from '../../cli';
import { blockMarkdown } from '../markdown';
import { inlineMarkdown, normalise, plainText } from '../text';
import type { Position } from '../diagnostics';
import { emit, positionOf, type NoteState } from '../state';
import type { Choice, CheckMode, ChoiceQuestionType } from '../schema';

export const LABELS = ['q', 'a', 'cloze', 'task', 'setup', 'solution', 'check', 'nodes', 'columns', 'type', 'explanation', 'tags', 'docs', 'id', 'fact'] as const;
export type Label = (typeof LABELS)[number];
const OPENERS: readonly Label[] = ['q', 'cloze', 'task'];
const HINT_LABELS = 'known labels: Q, A, Cloze, Task, Setup, Solution, Check, Nodes, Columns, Type, Explanation, Tags, Docs, Id, Fact';

interface Field {
  label: Label;
  at: Position;
  /** Inline text after the label. */
  text: string;
  /** Following blocks that are not labelled (extra paragraphs, lists, code). */
  blocks: (BlockContent | DefinitionContent)[];
}

/** Read `**Label:** rest` from a paragraph; undefined when it does not start with a bold label. */
function readLabel(p: Paragraph): { name: string; rest: string } | undefined {
  const [first, ...others] = p.children;
  if (!first || first.type !== 'strong') return undefined;
  const raw = plainText(first.children).trim();
  let rest = inlineMarkdown(others as PhrasingContent[]);
  let name = raw;
  if (raw.endsWith(':')) name = raw.slice(0, -1).trim();
  else if (/^\s*:/.test(rest)) rest = rest.replace(/^\s*:/, '');
  else return undefined; // bold text without a colon is emphasis, not a label
  if (!/^[A-Za-z][A-Za-z -]*$/.test(name)) return undefined;
  return { name: name.toLowerCase(), rest: rest.trim() };
}

function isLabel(name: string): name is Label {
  return (LABELS as readonly string[]).includes(name);
}

/** Split `a, b, c` into trimmed non-empty parts. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.replace(/`/g, '').trim())
    .filter(Boolean);
}

/** Lines of a code fence: one command per line, blank lines and `#` comments dropped, `$ ` prompts removed. */
function fenceLines(code: Code): string[] {
  return code.value
    .split('\n')
    .map((l) => withoutBarePrompt(l.trim()))
    .filter((l) => l && !l.startsWith('#'));
}

/** Go templates (`--format '{{.Name}}'`, `{{json .}}`) are code, not cloze gaps. */
const GO_TEMPLATE = /^\s*(\.|(json|range|if|else|end|join|index|printf|println|with|lower|upper|title|split|truncate|pad|len)\b)/;

/** Find the `{{...}}` gaps; inside code spans only those that are not Go templates. */
function clozeGaps(text: string): { start: number; end: number; inner: string }[] {
  const gaps: { start: number; end: number; inner: string }[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    else if (text.startsWith('{{', i)) {
      const close = text.indexOf('}}', i + 2);
      if (close < 0) break;
      const inner = text.slice(i + 2, close);
      if (!inCode || !GO_TEMPLATE.test(inner)) gaps.push({ start: i, end: close + 2, inner });
      i = close + 1;
    }
  }
  return gaps;
}

/**
 * Handle a blockquote: when it is an explicit question, validate it and emit one draft.
 * @returns true when the blockquote was a question block (valid or not)
 */
export function blockquote(node: Blockquote, state: NoteState): boolean {
  const head = node.children[0];
  if (!head || head.type !== 'paragraph') return false;
  const opener = readLabel(head);
  if (!opener || !OPENERS.includes(opener.name as Label)) return false;

  const fields: Field[] = [];
  let choices: { list: List; at: Position } | undefined;
  for (const child of node.children) {
    const label = child.type === 'paragraph' ? readLabel(child) : undefined;
    if (label) {
      if (!isLabel(label.name)) {
        state.diag.error(positionOf(child), `unknown label **${label.name}:** in a question block`, HINT_LABELS);
        continue;
      }
      fields.push({ label: label.name, at: positionOf(child), text: label.rest, blocks: [] });
      continue;
    }
    const current = fields[fields.length - 1];
    if (child.type === 'list' && child.children.some((i) => typeof i.checked === 'boolean') && current && ['q', 'a', 'type'].includes(current.label)) {
      if (choices) state.diag.error(positionOf(child), 'a question has only one list of choices', 'merge the task lists into one');
      choices = { list: child, at: positionOf(child) };
      continue;
    }
    current?.blocks.push(child as BlockContent);
  }

  const start = positionOf(node);
  const diag = state.diag;
  const one = (label: Label): Field | undefined => {
    const all = fields.filter((f) => f.label === label);
    if (all.length > 1 && label !== 'solution') diag.error(all[1].at, `**${label}:** appears twice`, 'keep one of them');
    return all[0];
  };
  const body = (f: Field): string => [f.text, ...f.blocks.map((b) => blockMarkdown(b))].filter(Boolean).join('\n\n').trim();

  const explanationField = one('explanation');
  const explanation = explanationField ? body(explanationField) : undefined;
  const tagsField = one('tags');
  const tags = tagsField ? list(tagsField.text).map((t) => t.toLowerCase()) : undefined;
  const docsField = one('docs');
  let docs: string[] | undefined;
  if (docsField) {
    docs = (body(docsField).match(/https?:\/\/[^\s<>)\]]+/g) ?? []).map((u) => u.replace(/[.,;]+$/, ''));
    if (docs.length === 0) diag.error(docsField.at, '**Docs:** has no URL', 'write one or more https:// URLs after the label');
    docs = [...new Set(docs)];
  }
  const idField = one('id');
  const id = idField?.text.replace(/`/g, '').trim();
  if (idField && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id ?? '')) {
    diag.error(idField.at, `**Id:** "${id}" is not a valid id`, 'use letters, digits, dots, dashes and underscores');
  }
  const factField = one('fact');
  const fact = factField?.text.replace(/`/g, '').trim().toLowerCase();
  if (factField && !fact) diag.error(factField.at, '**Fact:** has no key', 'write a short key shared by questions that ask the same fact, e.g. `swarm-mgmt-port`');
  const common = {
    ...(explanation ? { explanation } : {}),
    ...(fact ? { fact } : {}),
    ...(tags?.length ? { tags } : {}),
    ...(docs?.length ? { docs } : {}),
    ...(id ? { id } : {}),
    at: start,
  };
  const errorsBefore = diag.list.filter((d) => d.severity === 'error').length;
  const failed = () => diag.list.filter((d) => d.severity === 'error').length > errorsBefore;

  const openerField = fields[0];
  const misplaced = (allowed: Label[]) => {
    for (const f of fields) {
      if (!allowed.includes(f.label)) {
        diag.error(f.at, `**${f.label}:** does not belong in a ${openerField.label === 'q' ? 'Q' : openerField.label} block`, HINT_LABELS);
      }
    }
  };
  const COMMON: Label[] = ['explanation', 'tags', 'docs', 'id', 'fact'];

  switch (openerField.label) {
    case 'q': {
      misplaced(['q', 'a', 'type', ...COMMON]);
      const prompt = body(openerField);
      if (!prompt) diag.error(openerField.at, 'the question has no prompt', 'write the question after **Q:**');
      const typeField = one('type');
      let forced: ChoiceQuestionType | undefined;
      if (typeField) {
        const t = typeField.text.replace(/`/g, '').trim().toLowerCase();
        if (t === 'single-choice' || t === 'multiple-choice') forced = t;
        else diag.error(typeField.at, `unknown **Type:** "${t}"`, 'use single-choice or multiple-choice');
      }
      const answerField = one('a');
      if (choices) {
        const list: Choice[] = choices.list.children.map((item) => ({
          text: item.children.map((b) => (b.type === 'paragraph' ? inlineMarkdown(b.children) : blockMarkdown(b))).join('\n\n').trim(),
          correct: item.checked === true,
        }));
        const correct = list.filter((c) => c.correct).length;
        if (answerField) diag.error(answerField.at, 'a choice question cannot also have **A:**', 'keep either the task list or the answer');
        if (list.length < 2) diag.error(choices.at, 'a choice question needs at least two choices', 'add wrong options as `- [ ] option`');
        if (correct === 0) diag.error(choices.at, 'no choice is marked correct', 'mark the right options with `- [x]`');
        if (list.some((c) => !c.text)) diag.error(choices.at, 'a choice is empty', 'write text after `- [ ]`');
        const dup = list.find((c, i) => list.findIndex((o) => normalise(o.text) === normalise(c.text)) !== i);
        if (dup) diag.error(choices.at, `choice "${dup.text}" appears twice`, 'remove the duplicate');
        if (forced === 'single-choice' && correct > 1) diag.error(typeField!.at, 'single-choice with more than one correct choice', 'mark one choice or use multiple-choice');
        if (failed()) return true;
        const type: ChoiceQuestionType = forced ?? (correct > 1 ? 'multiple-choice' : 'single-choice');
        emit(state, { ...common, type, prompt, choices: list, item: normalise(prompt), rule: 'explicit' });
        return true;
      }
      if (typeField) diag.error(typeField.at, '**Type:** needs a task list of choices', 'add `- [x] right` and `- [ ] wrong` items');
      if (!answerField || !body(answerField)) {
        diag.error(answerField?.at ?? openerField.at, 'the question has no answer', 'add `**A:** answer` or a task list of choices (`- [x] right`, `- [ ] wrong`)');
      }
      if (failed() || !answerField) return true;
      emit(state, { ...common, type: 'qa', prompt, answer: body(answerField), item: normalise(prompt), rule: 'explicit' });
      return true;
    }
    case 'cloze': {
      misplaced(['cloze', ...COMMON]);
      const text = body(openerField);
      const gaps = clozeGaps(text);
      if (gaps.length !== 1) {
        diag.error(
          openerField.at,
          gaps.length === 0 ? 'a cloze needs one {{hidden part}}, found none' : `a cloze needs exactly one {{hidden part}}, found ${gaps.length}`,
          'wrap exactly one phrase in {{ }}; write one cloze per gap',
        );
      } else if (!gaps[0].inner.trim()) {
        diag.error(openerField.at, 'the {{hidden part}} is empty', 'put the hidden words between {{ and }}');
      }
      if (failed()) return true;
      const g = gaps[0];
      const prompt = `${text.slice(0, g.start)}_____${text.slice(g.end)}`;
      emit(state, { ...common, type: 'cloze', prompt, answer: g.inner.trim(), item: normalise(text), rule: 'explicit' });
      return true;
    }
    case 'task': {
      misplaced(['task', 'setup', 'solution', 'check', 'nodes', 'columns', ...COMMON]);
      const prompt = body(openerField);
      if (!prompt) diag.error(openerField.at, 'the task has no prompt', 'describe what to do after **Task:**');
      const fence = (f: Field): string[] | undefined => {
        const codes = f.blocks.filter((b): b is Code => b.type === 'code');
        if (codes.length !== 1) {
          diag.error(f.at, `**${f.label}:** needs ${codes.length ? 'exactly one' : 'a'} \`\`\`sh code fence`, 'put the commands, one per line, in a ```sh fence right after the label');
          return undefined;
        }
        const lines = fenceLines(codes[0]);
        codes[0].value.split('\n').forEach((raw, i) => {
          const line = withoutBarePrompt(raw.trim());
          if (!line || line.startsWith('#')) return;
          const problem = state.validateLine(line);
          if (problem) {
            diag[problem.warning ? 'warn' : 'error'](
              { line: (codes[0].position?.start.line ?? f.at.line) + 1 + i, column: (codes[0].position?.start.column ?? 1) + raw.indexOf(raw.trim()) },
              `${f.label} command "${line}": ${problem.message}`,
              problem.warning ? 'the simulator cannot run this command yet' : 'fix the command so the simulator accepts it',
            );
          }
        });
        if (lines.length === 0) diag.error(f.at, `**${f.label}:** fence is empty`, 'write one command per line');
        return lines;
      };
      const setupField = one('setup');
      const setup = setupField ? (fence(setupField) ?? []) : [];
      const solutionFields = fields.filter((f) => f.label === 'solution');
      if (solutionFields.length === 0) diag.error(openerField.at, 'the task has no **Solution:**', 'add **Solution:** followed by a ```sh fence with the commands');
      const solutions = solutionFields.map(fence).filter((s): s is string[] => !!s && s.length > 0);
      const checkField = one('check');
      let mode: CheckMode = 'state';
      if (checkField) {
        const m = checkField.text.replace(/`/g, '').trim().toLowerCase();
        if (m === 'state' || m === 'output') mode = m;
        else diag.error(checkField.at, `unknown **Check:** "${m}"`, 'use state (compare the end state) or output (compare printed output)');
      }
      const nodesField = one('nodes');
      const nodes = nodesField ? list(nodesField.text) : undefined;
      if (nodesField && !nodes?.length) diag.error(nodesField.at, '**Nodes:** lists no node', 'write node names separated by commas');
      // the columns of a printed table the task asks for (lib/cli/projection): `NAME|NETWORK ID, DRIVER`
      const columnsField = one('columns');
      const columns = columnsField ? list(columnsField.text) : undefined;
      if (columnsField && !columns?.length) diag.error(columnsField.at, '**Columns:** lists no column', 'write table headers separated by commas, alternatives with | (NETWORK ID|NAME, DRIVER)');
      if (columnsField && mode !== 'output') diag.error(columnsField.at, '**Columns:** applies to output tasks only', 'add **Check:** output, or remove **Columns:**');
      if (failed()) return true;
      emit(state, {
        ...common,
        type: 'command',
        prompt,
        command: { setup, solutions, mode, ...(nodes?.length ? { nodes } : {}), ...(columns?.length ? { columns } : {}) },
        item: normalise(prompt),
        rule: 'explicit',
      });
      return true;
    }
    default:
      return false;
  }
}
