/**
 * Rule: usage lines and option lists in a shell block become recall questions.
 * - "Which command <description>?" single choice among the block's commands (dropped when the
 *   description names the answer, e.g. "Connect a container ..." for `docker network connect`);
 * - argument order for usages with two or more placeholders (`NETWORK CONTAINER`);
 * - for every option listed (`options: --alias, --ip, ...`): which command(s) accept it, choosing
 *   among the commands whose options the notes list (so a wrong choice is known to be wrong);
 * - option notes (`--driver|-d: accepts ...`): what the option of that command accepts or does.
 */
import type { CommandBlock, OptionName, UsageEntry } from '../handlers/code';
import { emit, type NoteState } from '../state';
import { baseForm, decapitalise, imperative, normalise, pick, stripEnd, thirdPerson } from '../text';
import { tagsFor } from '../tags';
import { givesAway } from './quality';
import { validateCommand } from '../../cli';

const code = (s: string) => `\`${s}\``;

function optionLabel(o: OptionName): string {
  return o.short ? `${code(o.long)} (${code(o.short)})` : code(o.long);
}

/** Shuffle choices deterministically so the right one is not always first. */
export function order<T extends { text: string }>(choices: T[], key: string): T[] {
  return pick(choices, choices.length, key, (c) => c.text);
}

function whichCommand(u: UsageEntry, all: UsageEntry[], state: NoteState): void {
  const action = u.description && imperative(u.description);
  if (!action || all.length < 3) return;
  const [verb, ...rest] = action.split(/\s+/);
  const predicate = `${thirdPerson(verb.toLowerCase())} ${rest.join(' ')}`.trim();
  const prompt = `Which command ${decapitalise(predicate)}?`;
  const verbWord = u.command.split(' ').pop() ?? '';
  if (givesAway(prompt, verbWord)) return;
  const others = pick(all.filter((o) => o.command !== u.command).map((o) => o.command), 3, u.command);
  const choices = order([{ text: code(u.command), correct: true }, ...others.map((c) => ({ text: code(c), correct: false }))], prompt);
  emit(state, {
    type: 'single-choice',
    prompt,
    choices,
    explanation: `${code(u.usage)}: ${stripEnd(u.description ?? action)}.`,
    tags: [...tagsFor(state, `${prompt} ${u.command}`), 'domc'],
    at: { line: u.line, column: 1 },
    item: normalise(u.usage),
    rule: 'usage-command',
  });
}

function argumentOrder(u: UsageEntry, state: NoteState): void {
  // Required placeholders only: optional ones ([COMMAND] [ARG...]) have no fixed position to learn.
  const required = u.usage.replace(/\[[^\]]*\]/g, ' ');
  // Alternatives (`SERVICE|TASK`, `PATH | URL | -`) are one slot: no order to learn.
  if (required.includes('|')) return;
  const placeholders = [...new Set((required.match(/\b[A-Z][A-Z_]+\b(?!=)/g) ?? []).filter((p) => p !== 'OPTIONS'))];
  if (placeholders.length < 2) return;
  const names = placeholders.map((p) => `the ${p.toLowerCase().replace(/_/g, ' ')}`);
  const prompt = `In which order does ${code(u.command)} take ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}?`;
  emit(state, {
    type: 'qa',
    prompt,
    answer: `${code(u.usage)}: ${names.join(', then ')}.`,
    tags: tagsFor(state, `${prompt} ${u.command}`),
    at: { line: u.line, column: 1 },
    item: normalise(u.usage),
    rule: 'usage-order',
  });
}

/** `\`docker volume\` ` when every command is a subcommand of one object, else empty. */
export function family(commands: string[]): string {
  const heads = new Set(commands.map((c) => c.split(/\s+/).slice(0, -1).join(' ')));
  const [head] = [...heads];
  return heads.size === 1 && head.split(' ').length >= 2 ? `${code(head)} ` : '';
}

/** Does the simulator parse `flag` for this command (true), or say it is unknown or not know the command (false)? */
function takesFlag(command: string, flag: string): boolean {
  const r = validateCommand(`${command} ${flag} x`);
  return r.ok || !/unknown (flag|shorthand|command)/.test(r.message);
}

function optionOwners(block: CommandBlock, state: NoteState): void {
  const pool = block.usages.filter((u) => u.options?.length);
  if (pool.length < 3) return;
  const options = new Map<string, { short: Set<string | undefined>; holders: UsageEntry[]; line: number }>();
  for (const u of pool) {
    for (const o of u.options ?? []) {
      const entry = options.get(o.long) ?? { short: new Set(), holders: [], line: u.line };
      entry.short.add(o.short);
      entry.holders.push(u);
      options.set(o.long, entry);
    }
  }
  for (const [long, { short, holders, line }] of [...options.entries()].sort((a, b) => a[1].line - b[1].line || (a[0] < b[0] ? -1 : 1))) {
    const shorts = [...short];
    const label = optionLabel({ long, ...(shorts.length === 1 && shorts[0] ? { short: shorts[0] } : {}) });
    // A distractor the simulator knows to take the flag too (the note's option list was incomplete) is no distractor.
    const non = pool.filter((u) => !holders.includes(u) && !takesFlag(u.command, long));
    if (non.length === 0) continue;
    const wrong = pick(non, Math.max(1, 4 - holders.length), long, (u) => u.command);
    const many = holders.length > 1;
    // Name the family the choices share, so the card says which commands it is about (other notes
    // list other families with the same option: `docker volume ls` and `docker image ls` both take -q).
    const kind = family([...holders, ...wrong].map((u) => u.command));
    const prompt = many ? `Which ${kind}commands accept the ${label} option?` : `Which ${kind}command accepts the ${label} option?`;
    // Shuffled and hashed by the family-less wording: naming the family kept option order and ids.
    const shuffleKey = many ? `Which commands accept the ${label} option?` : `Which command accepts the ${label} option?`;
    if (holders.some((h) => givesAway(prompt, h.command.split(' ').pop() ?? ''))) continue;
    const choices = order(
      [...holders.map((h) => ({ text: code(h.command), correct: true })), ...wrong.map((u) => ({ text: code(u.command), correct: false }))],
      shuffleKey,
    );
    if (choices.length < 3) continue;
    emit(state, {
      type: many ? 'multiple-choice' : 'single-choice',
      prompt,
      choices,
      explanation: holders.map((h) => `${code(h.command)} options: ${(h.options ?? []).map(optionLabel).join(', ')}.`).join(' '),
      tags: [...tagsFor(state, `${prompt} ${holders.map((h) => h.command).join(' ')}`), 'domc'],
      at: { line, column: 1 },
      item: normalise(`option ${long}`),
      idPrompt: shuffleKey,
      rule: 'option-owner',
    });
  }
}

function optionNotes(u: UsageEntry, state: NoteState): void {
  for (const n of u.optionNotes) {
    const [verb, ...rest] = n.text.split(/\s+/);
    const third = /^[a-z]+s$/.test(verb) && rest.length > 0;
    const prompt = third
      ? `What does the ${optionLabel(n.option)} option of ${code(u.command)} ${baseForm(verb)}?`
      : `What does the ${optionLabel(n.option)} option of ${code(u.command)} do?`;
    const answer = third ? rest.join(' ') : n.text;
    emit(state, {
      type: 'qa',
      prompt,
      answer: answer.charAt(0).toUpperCase() + answer.slice(1),
      tags: tagsFor(state, `${prompt} ${answer}`),
      at: { line: n.line, column: 1 },
      item: normalise(`${u.command} ${n.option.long} ${n.text}`),
      rule: 'option-note',
    });
  }
}

export function optionRecall(block: CommandBlock, state: NoteState): void {
  for (const u of block.usages) {
    whichCommand(u, block.usages, state);
    argumentOrder(u, state);
    optionNotes(u, state);
  }
  optionOwners(block, state);
}
