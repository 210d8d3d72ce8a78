/**
 * A shell code block (```bash, ```sh, ```console, or unlabelled with docker lines) in the style of the
 * notes: banner-separated sections, each opened by a comment describing a command and its usage line
 * (`docker network connect [OPTIONS] NETWORK CONTAINER`, options listed in the comment), followed by
 * commented examples (`# Create a bridge network "x"` + command, `# or` + alternative command).
 * The block is read into a CommandBlock and handed to the command generators.
 */
import type { Code } from 'mdast';
import type { NoteState } from '../state';
import { commandTasks } from '../generators/command-task';
import { optionRecall } from '../generators/option-recall';

export interface OptionName {
  long: string;
  short?: string;
}

/** One `docker <object> <verb>` with its usage line and options. */
export interface UsageEntry {
  command: string;
  usage: string;
  /** The comment describing the command ("Connect a container to a network"). */
  description?: string;
  options?: OptionName[];
  /** `--driver|-d: accepts ...` lines: option plus what the comment says about it. */
  optionNotes: { option: OptionName; text: string; line: number }[];
  line: number;
}

/** A commented example: description and the command lines, alternatives after `# or`. */
export interface Example {
  description: string;
  commands: { line: string; at: number }[][];
  /** Output lines shown after a `$ command` example. */
  output: string[];
  line: number;
}

export interface CommandBlock {
  usages: UsageEntry[];
  examples: Example[];
  /** Most common image in the block (used to start containers in setup). */
  image?: string;
  startLine: number;
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'shell-session']);

/** `--format|-f` or `-f, --format` -> {long, short} */
export function optionName(spec: string): OptionName | undefined {
  const parts = spec
    .split(/[|,/]/)
    .map((p) => p.trim().replace(/`/g, ''))
    .filter(Boolean);
  const long = parts.find((p) => /^--[a-z0-9][a-z0-9-]*$/i.test(p));
  const short = parts.find((p) => /^-[a-zA-Z0-9]$/.test(p));
  return long ? { long, ...(short ? { short } : {}) } : undefined;
}

/** `options: --alias, --ip, --force|-f` inside a comment -> the option names. */
function optionsIn(comment: string): OptionName[] | undefined {
  const m = /\boptions?\s*:\s*(.+)$/i.exec(comment);
  if (!m) return undefined;
  const list = m[1]
    .split(/,\s*/)
    .map((s) => optionName(s.trim()))
    .filter((o): o is OptionName => !!o);
  return list.length ? list : undefined;
}

/** A usage line: `docker object verb [OPTIONS] NAME [NAME...]` (placeholders in capitals or brackets). */
function isUsage(line: string): boolean {
  return /^docker(\s+[a-z][a-z-]*)+\s+(\[[A-Z]|[A-Z][A-Z_]+\b)/.test(line) && !/\s[a-z0-9_.-]+$/.test(line.replace(/\[.*?\]|\b[A-Z][A-Z_.]+\b/g, '').trim().replace(/^docker(\s+[a-z][a-z-]*)+/, ''));
}

/** Read the block structure out of the code text. */
export function readCommandBlock(node: Code): CommandBlock | undefined {
  const lang = (node.lang ?? '').toLowerCase();
  const lines = node.value.split('\n');
  if (!SHELL.has(lang) && !(lang === '' && lines.some((l) => /^\s*\$?\s*docker\s/.test(l)))) return undefined;
  const first = (node.position?.start.line ?? 1) + 1;
  const block: CommandBlock = { usages: [], examples: [], startLine: first - 1 };
  let comments: { text: string; line: number }[] = [];
  let current: Example | undefined;
  let alternative = false;
  let lastUsage: UsageEntry | undefined;
  let inOutput = false;
  const flushComments = () => {
    // Comments not followed by a command: option notes (`--driver|-d: accepts ...`).
    for (const c of comments) {
      const m = /^(-[-\w|, ]+?)\s*:\s+(.+)$/.exec(c.text);
      const opt = m ? optionName(m[1]) : undefined;
      if (m && opt && lastUsage) lastUsage.optionNotes.push({ option: opt, text: m[2].trim(), line: c.line });
    }
    comments = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\s+$/, '');
    const line = first + i;
    const trimmed = raw.trim();
    if (!trimmed) {
      if (comments.length && !current) flushComments();
      if (!alternative && !inOutput) current = undefined;
      continue;
    }
    if (/^#{3,}\s*$/.test(trimmed)) {
      flushComments();
      current = undefined;
      lastUsage = undefined;
      inOutput = false;
      continue;
    }
    if (trimmed.startsWith('#')) {
      const text = trimmed.replace(/^#+\s?/, '').trim();
      inOutput = false;
      if (/^(or|OR|Or)[:.]?$/.test(text) && current) {
        alternative = true;
        continue;
      }
      if (current && !alternative) current = undefined;
      comments.push({ text, line });
      continue;
    }
    const prompted = /^\$\s+/.test(trimmed);
    const command = trimmed.replace(/^\$\s+/, '').replace(/\t+/g, ' ').replace(/\s{2,}/g, ' ');
    if (!/^docker(\s|$)/.test(command)) {
      if (inOutput && current) current.output.push(raw);
      continue;
    }
    inOutput = prompted;
    if (isUsage(command)) {
      const description = comments.map((c) => c.text).join(' ');
      const [desc, ...optParts] = description.split(/;\s*(?=options?\s*:)/i);
      const usageOptions = optionsIn(description);
      const descText = desc.replace(/\boptions?\s*:.*$/i, '').replace(/[;,.\s]+$/, '').trim();
      lastUsage = {
        command: command.split(/\s+(?=\[|[A-Z])/)[0],
        usage: command,
        ...(descText ? { description: descText } : {}),
        ...(usageOptions ? { options: usageOptions } : {}),
        optionNotes: [],
        line,
      };
      void optParts;
      block.usages.push(lastUsage);
      comments = [];
      current = undefined;
      continue;
    }
    if (alternative && current) {
      current.commands.push([{ line: command, at: line }]);
      alternative = false;
      continue;
    }
    if (current) {
      // A second command straight after the first belongs to the same solution.
      current.commands[current.commands.length - 1].push({ line: command, at: line });
      continue;
    }
    const description = comments.map((c) => c.text).join(' ').trim();
    comments = [];
    if (!description) continue; // an uncommented command is not a task
    current = { description, commands: [[{ line: command, at: line }]], output: [], line };
    block.examples.push(current);
  }
  flushComments();
  const images = new Map<string, number>();
  for (const m of node.value.matchAll(/\b([a-z0-9][a-z0-9._/-]*:[a-z0-9._-]+)\s*$/gm)) {
    if (!/^\d/.test(m[1])) images.set(m[1], (images.get(m[1]) ?? 0) + 1);
  }
  block.image = [...images.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return block;
}

/** Handle a code block: shell blocks feed the command generators; other code carries no questions. */
export function code(node: Code, state: NoteState): void {
  const block = readCommandBlock(node);
  if (!block) return;
  commandTasks(block, state);
  optionRecall(block, state);
}
