/**
 * A shell code block (```bash, ```sh, ```console, or unlabelled with docker lines) in the style of the
 * notes: banner-separated sections, each opened by a comment describing a command and its usage line
 * (`docker network connect [OPTIONS] NETWORK CONTAINER`, options listed in the comment), followed by
 * commented examples (`# Create a bridge network "x"` + command, `# or` + alternative command).
 * The block is read into a CommandBlock and handed to the command generators.
 */
import type { Code } from 'mdast';
import type { NoteState } from '../state';
import { withoutBarePrompt } from '../../cli';
import { commandTasks, fillPlaceholders } from '../generators/command-task';
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

/**
 * Join `\` line continuations first, so a command split over lines is one command; the joined
 * line keeps its first line's number (the returned `at` maps each kept line to its source offset).
 */
export function joinContinuations(text: string): { lines: string[]; at: number[] } {
  const lines: string[] = [];
  const at: number[] = [];
  let pending: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const continued = /(^|[^\\])\\$/.test(line);
    const body = continued ? line.slice(0, -1).replace(/\s+$/, '') : line;
    if (pending !== undefined) pending = `${pending} ${body.trim()}`;
    else {
      pending = body;
      at.push(i);
    }
    if (!continued) {
      lines.push(pending);
      pending = undefined;
    }
  });
  if (pending !== undefined) lines.push(pending);
  return { lines, at };
}

/** `-d, --detach   Run in the background` (a flag table in comments, two or more spaces before the text). */
const FLAG_ROW = /^((?:-[A-Za-z0-9],\s*)?--[a-z0-9][a-z0-9-]*)(?:[ =](?:[a-z]+|<[^>]+>|[A-Z_]+))?\s{2,}(\S.+)$/;

/** `docker ps -a   # list all containers`: a command and the comment describing it. */
const TRAILING = /^(\s*\$?\s*docker\s[^#]*?)\s+#\s*(.+)$/;
/** A plain sentence describing the next command: "Get join token for the manager". */
const PROSE = /^[A-Z][a-z]+(?:[ ,'-]+[\w'-]+){1,14}[.:]?$/;

/** Read the block structure out of the code text. */
export function readCommandBlock(node: Code): CommandBlock | undefined {
  const lang = (node.lang ?? '').toLowerCase();
  const joined = joinContinuations(node.value);
  const lines = joined.lines;
  if (!SHELL.has(lang) && !(lang === '' && lines.some((l) => /^\s*\$?\s*docker\s/.test(l)))) return undefined;
  const first = (node.position?.start.line ?? 1) + 1;
  const block: CommandBlock = { usages: [], examples: [], startLine: first - 1 };
  let comments: { text: string; line: number }[] = [];
  let current: Example | undefined;
  let alternative = false;
  let lastUsage: UsageEntry | undefined;
  let inOutput = false;
  // Flag-table rows (`# -d, --detach   Run ...`) seen before any usage line wait for the next command.
  let pendingFlags: { option: OptionName; text: string; line: number }[] = [];
  const flushComments = () => {
    // Comments not followed by a command: option notes (`--driver|-d: accepts ...`).
    for (const c of comments) {
      const m = /^(-[-\w|, ]+?)\s*:\s+(.+)$/.exec(c.text);
      const opt = m ? optionName(m[1]) : undefined;
      if (m && opt && lastUsage) lastUsage.optionNotes.push({ option: opt, text: m[2].trim(), line: c.line });
    }
    comments = [];
  };
  /** The usage entry of `docker object verb`, made from a plain command when the block has no usage line. */
  const usageFor = (command: string, line: number): UsageEntry => {
    const path = (/^docker(?:\s+[a-z][a-z-]*){1,2}/.exec(command)?.[0] ?? command).replace(/\s+/g, ' ');
    let u = block.usages.find((x) => x.command === path);
    if (!u) {
      u = { command: path, usage: path, optionNotes: [], line };
      block.usages.push(u);
    }
    return u;
  };
  const trailingOf = (raw: string) => {
    const m = TRAILING.exec(raw);
    return m && !/['"]/.test(m[1].replace(/'[^']*'|"[^"]*"/g, '')) ? m : null;
  };
  // A table of commands, each described by its trailing comment: every row is a task of its own,
  // and an uncommented row joins no other.
  const table = lines.some((l) => trailingOf(l));
  // Blocks of `$ command` + output, where a plain sentence on its own line describes the next command.
  const promptedBlock = lines.some((l) => /^\s*\$\s+docker\s/.test(l));
  let prose: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i].replace(/\s+$/, '');
    const line = first + joined.at[i];
    // A trailing comment describes the command on its line: `docker ps -a   # list all containers`.
    const trailing = trailingOf(raw);
    if (trailing) {
      if (table) {
        current = undefined;
        alternative = false;
        comments = [{ text: trailing[2].trim(), line }];
      } else if (!comments.length && !current) comments.push({ text: trailing[2].trim(), line });
      raw = trailing[1];
    }
    const trimmed = raw.trim();
    if (promptedBlock && !trimmed.startsWith('#') && !trimmed.startsWith('$')) {
      const before = i === 0 || !lines[i - 1].trim();
      const after = i + 1 >= lines.length || !lines[i + 1].trim();
      if (before && after && PROSE.test(trimmed)) {
        prose = { text: trimmed.replace(/[.:]$/, ''), line };
        if (current?.output.length) current.output = current.output.filter((o) => o.trim() !== trimmed);
        current = undefined;
        inOutput = false;
        continue;
      }
      if (trimmed) prose = undefined;
    }
    const row = /^#+\s*(.+)$/.exec(trimmed)?.[1].trim();
    const flagRow = row ? FLAG_ROW.exec(row) : null;
    if (flagRow) {
      const option = optionName(flagRow[1].replace(/,\s*/, '|'));
      if (option) {
        const note = { option, text: flagRow[2].trim(), line };
        if (lastUsage) lastUsage.optionNotes.push(note);
        else pendingFlags.push(note);
      }
      continue;
    }
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
    const unprompted = withoutBarePrompt(trimmed);
    const prompted = unprompted !== trimmed;
    const command = unprompted.replace(/\t+/g, ' ').replace(/\s{2,}/g, ' ');
    if (!/^docker(\s|$)/.test(command)) {
      if (inOutput && current) current.output.push(raw);
      continue;
    }
    inOutput = prompted;
    if (pendingFlags.length && !isUsage(command)) {
      usageFor(command, line).optionNotes.push(...pendingFlags);
      pendingFlags = [];
    }
    // A usage line with its own trailing comment is a task when its placeholders can be filled.
    if (isUsage(command) && !(trailing && fillPlaceholders([command], ''))) {
      const description = comments.map((c) => c.text).join(' ');
      const [desc] = description.split(/;\s*(?=options?\s*:)/i);
      const usageOptions = optionsIn(description);
      const descText = desc.replace(/\boptions?\s*:.*$/i, '').replace(/[;,.\s]+$/, '').trim();
      lastUsage = {
        command: command.split(/\s+(?=\[|[A-Z])/)[0],
        usage: command,
        ...(descText ? { description: descText } : {}),
        ...(usageOptions ? { options: usageOptions } : {}),
        optionNotes: pendingFlags,
        line,
      };
      pendingFlags = [];
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
    if (current && !table && !prose && !promptedBlock) {
      // A second command straight after the first belongs to the same solution.
      current.commands[current.commands.length - 1].push({ line: command, at: line });
      continue;
    }
    current = undefined;
    if (!comments.length && prose) comments = [prose];
    prose = undefined;
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

/** The first `docker` command line of a block, with its source line. */
function firstCommand(text: string, start = 0): { line: string; at: number } | undefined {
  const joined = joinContinuations(text);
  const i = joined.lines.findIndex((l) => /^\s*\$?\s*docker\s/.test(l));
  if (i < 0) return undefined;
  const line = withoutBarePrompt(joined.lines[i].trim()).replace(/\s+#.*$/, '').replace(/\s{2,}/g, ' ');
  return { line, at: start + joined.at[i] };
}

/** Handle a code block: shell blocks feed the command generators; other code carries no questions. */
export function code(node: Code, state: NoteState): void {
  const block = readCommandBlock(node);
  if (!block) return;
  // "To rotate the key:" or "> Pull the image" right above a block with no commented command: the
  // sentence describes the block's first docker command (the others may only show its effect).
  if (!block.examples.length && state.intro && !block.usages.some((u) => u.usage !== u.command)) {
    const first = firstCommand(node.value, (node.position?.start.line ?? 1) + 1);
    const description = state.intro.replace(/`|\*\*|__/g, '').replace(/^(?:the\s+)?commands?\s+(?:is|are)\s+used\s+(?:to|for)\s+/i, '');
    if (first) block.examples.push({ description, commands: [[first]], output: [], line: first.at });
  }
  commandTasks(block, state);
  optionRecall(block, state);
}
