/**
 * Rule: every commented command in a shell block is a command task.
 * - the comment becomes the prompt ("To connect ..." -> "Connect ..."; "... will list X" -> "List X"),
 *   plus the values the reference command uses that the comment does not state;
 * - a `# or` alternative is a second accepted solution when it needs the same setup and creates the
 *   same things; otherwise (e.g. `docker create --network ...` after `docker network connect ...`)
 *   it is a task of its own, described from the command;
 * - setup is inferred so each solution runs on a fresh engine (networks and containers it uses
 *   but does not create; `docker swarm init` for overlay networks and services);
 * - `$ command` followed by printed output, and read-only commands, are checked on output.
 */
import type { CommandBlock, Example } from '../handlers/code';
import type { NoteState } from '../state';
import { emit } from '../state';
import { capitalise, decapitalise, imperative, normalise, pick, sentences, thirdPerson } from '../text';
import { describeCommand, FAMILIES, inferSetup, madeBy, missingValues, parseCommand } from '../shell';
import { tagsFor } from '../tags';
import { order } from './option-recall';
import { givesAway } from './quality';

/** Concrete names for placeholders (`<service>`, `[SERVICE_NAME]`, `$NETWORK`), by the word they contain. */
const PLACEHOLDER_NAMES: [RegExp, string][] = [
  [/service/i, 'web'],
  [/network|net\b/i, 'appnet'],
  [/container/i, 'app'],
  [/node|host(name)?/i, 'worker1'],
  [/image/i, 'nginx:alpine'],
  [/volume/i, 'data'],
  [/secret/i, 'db_password'],
  [/config/i, 'app_config'],
  [/stack/i, 'demo'],
  [/replica|count|number|\bn\b/i, '3'],
  [/port/i, '8080'],
  [/tag|version/i, '1.0'],
  [/name/i, 'demo'],
];
// `<x>`, `[X]`, `{x}`, `$X`, and a bare `SERVICE_NAME` / `NODE` argument (capitals, not `VAR=value`).
const PLACEHOLDER = /<([A-Za-z][\w -]*)>|\[([A-Z][A-Z0-9_]*)\]|\{([A-Za-z][\w-]*)\}|\$\{?([A-Z][A-Z0-9_]*)\}?|(?<![\w=$./:-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?![\w=.:/-])/g;

/**
 * Replace placeholders with concrete names, the same in the prompt and the solution.
 * @returns the rewritten lines and description, or undefined when a placeholder has no known name or a line elides (`...`)
 */
export function fillPlaceholders(lines: string[], description: string): { lines: string[]; description: string } | undefined {
  if (lines.some((l) => /\.\.\.|…/.test(l.replace(/\[[A-Z]+\.\.\.\]/g, '')))) return undefined;
  let unknown = false;
  const names = new Map<string, string>();
  const fill = (text: string, inProse: boolean) =>
    text.replace(PLACEHOLDER, (whole, a?: string, b?: string, c?: string, d?: string, e?: string) => {
      const word = (a ?? b ?? c ?? d ?? e ?? '').trim();
      if (e && word.length < 3) return whole;
      if (inProse && (b || d || e) && !names.has(word.toLowerCase())) return whole; // "[x]", "$HOME" or "TLS" in prose is not ours
      const known = names.get(word.toLowerCase()) ?? PLACEHOLDER_NAMES.find(([re]) => re.test(word))?.[1];
      if (!known) {
        unknown = true;
        return whole;
      }
      names.set(word.toLowerCase(), known);
      return inProse ? `\`${known}\`` : known;
    });
  const out = lines.map((l) => (l.includes('$(') ? l : fill(l, false)));
  if (unknown) return undefined;
  return { lines: out, description: fill(description, true) };
}

const TOP_LEVEL: Record<string, string> = { run: 'container', ps: 'container', logs: 'container', exec: 'container', inspect: 'container', build: 'image', pull: 'image', push: 'image', tag: 'image', images: 'image', rmi: 'image', login: 'registry', logout: 'registry', search: 'registry' };

/** `docker service scale` for `docker service scale web=5`; `docker run` for `docker run -d nginx`. */
export function commandPath(line: string): string | undefined {
  const w = line.trim().split(/\s+/);
  if (w[0] !== 'docker' || !w[1] || w[1].startsWith('-')) return undefined;
  if (FAMILIES[w[1]] && w[2] && !w[2].startsWith('-')) return `docker ${w[1]} ${w[2]}`;
  return `docker ${w[1]}`;
}

/** Other real commands of the same family (`docker service update` for `docker service scale`). */
export function sameFamily(path: string): string[] {
  const w = path.split(' ');
  if (w.length === 3 && FAMILIES[w[1]]) return FAMILIES[w[1]].filter((v) => v !== w[2]).map((v) => `docker ${w[1]} ${v}`);
  const family = TOP_LEVEL[w[1]];
  if (family === 'registry') return ['docker login', 'docker logout', 'docker search', 'docker pull', 'docker push'].filter((c) => c !== path);
  if (family) return Object.entries(TOP_LEVEL).filter(([k, f]) => f === family && `docker ${k}` !== path).map(([k]) => `docker ${k}`);
  return [];
}

const READ_ONLY = new Set(['network ls', 'network inspect', 'container ls', 'container port', 'container inspect', 'inspect', 'container logs', 'service ls', 'node ls']);
const DEFAULT_IMAGE = 'nginx:alpine';

/**
 * Turn a describing comment into an imperative task sentence ("To connect ..." -> "Connect ...";
 * "... will list X" -> "List X"). Undefined when the comment does not say what to do (narrative,
 * passive or in another language): such a command is no task.
 */
export function taskPrompt(description: string): string | undefined {
  let s = (sentences(description)[0] ?? description).replace(/[.;:,\s]+$/, '').trim();
  const will = /^(?:the\s+)?.+?\s+(?:will|can be used to|is used to|lets you)\s+(.+)$/i.exec(s);
  const direct = imperative(s);
  const via = will ? imperative(will[1]) : undefined;
  const chosen = direct ?? via;
  if (!chosen) return undefined;
  s = chosen.replace(/"([^"\s]+)"/g, '`$1`');
  s = s.replace(/\s+installed$/, '');
  return `${capitalise(s)}${/[.!?]$/.test(s) ? '' : '.'}`;
}

/**
 * A recall question for a command the simulator cannot judge: "Which command scales ...?" among real
 * commands of the same family, or (when the prompt names the command's verb) a qa card whose answer
 * is the full command.
 */
function recallQuestion(state: NoteState, ex: Example, prompt: string, line: string, item: string): void {
  const path = commandPath(line);
  if (!path) return;
  const sentence = prompt.replace(/\s*Use .*$/, '').replace(/[.!]+$/, '');
  const [verb, ...rest] = sentence.split(/\s+/);
  if (!verb || !/^[A-Z][a-z]+$/.test(verb) || rest.length === 0) return;
  const question = `Which command ${thirdPerson(verb.toLowerCase())} ${decapitalise(rest.join(' '))}?`;
  const family = sameFamily(path);
  const verbWord = path.split(' ').pop() ?? '';
  const common = { explanation: `\`${line}\``, tags: tagsFor(state, `${prompt} ${line}`), at: { line: ex.line, column: 1 }, item };
  if (family.length >= 3 && !givesAway(question, verbWord)) {
    const wrong = pick(family, 3, line);
    emit(state, {
      ...common,
      type: 'single-choice',
      prompt: question,
      choices: order([{ text: `\`${path}\``, correct: true }, ...wrong.map((w) => ({ text: `\`${w}\``, correct: false }))], question),
      rule: 'command-recall',
    });
    return;
  }
  // The full line is only fair to ask when the prompt gives every name and value it uses.
  const unstated = parseCommand(line).args.concat(parseCommand(line).flags.map((f) => f.value ?? '')).filter((w) => w && !prompt.includes(w) && !path.split(' ').includes(w));
  if (unstated.length || /[{}]/.test(line)) return;
  emit(state, { ...common, type: 'qa', prompt: `Which command ${thirdPerson(verb.toLowerCase())} ${decapitalise(rest.join(' '))}? Give the full command line.`, answer: `\`${line}\``, rule: 'command-recall' });
}

/** Columns that name the row (any one of them identifies it). */
const IDENTITY = /^(?:NAME|NAMES|HOSTNAME|(?:[A-Z]+ )?ID)$/;

/**
 * The columns of a printed sample table the prompt asks for ("List all networks and their drivers"
 * over NETWORK ID NAME DRIVER SCOPE: `NETWORK ID|NAME`, `DRIVER`), so another layout showing them is
 * accepted (lib/cli/projection). Undefined when the output is no table or the prompt names no column
 * but the identity: then the whole table is asked for.
 */
export function askedColumns(output: readonly string[], prompt: string): string[] | undefined {
  const header = output.find((l) => l.trim())?.trim() ?? '';
  const headers = header.split(/\s{2,}|\t/);
  if (headers.length < 2 || !headers.every((h) => /^[A-Z][A-Z0-9]*(?: [A-Z0-9]+)*$/.test(h))) return undefined;
  const words = new Set(prompt.toLowerCase().match(/[a-z]+/g)?.map((w) => w.replace(/(?:es|s)$/, '')) ?? []);
  const named = (h: string) => h.toLowerCase().split(' ').some((w) => words.has(w.replace(/(?:es|s)$/, '')));
  const identity = headers.filter((h) => IDENTITY.test(h));
  const asked = headers.filter((h) => !IDENTITY.test(h) && named(h));
  if (!asked.length || !identity.length) return undefined;
  return [identity.join('|'), ...asked];
}

function emitTask(state: NoteState, ex: Example, prompt: string, solutions: string[][], image: string, rule: string, item: string, prior: string[] = []): boolean {
  const primary = solutions[0];
  let { setup } = inferSetup(primary, image);
  // Objects named earlier in the same block: replay what the block created before, when needed.
  if (!state.runTask(setup, primary) && prior.length) {
    const withPrior = [...inferSetup([...prior, ...primary], image).setup, ...prior];
    if (state.runTask(withPrior, primary)) setup = withPrior;
  }
  if (!state.runTask(setup, primary)) {
    state.diag.warn({ line: ex.line, column: 1 }, `command task "${prompt}" not emitted: its solution "${primary.join(' && ')}" fails in the simulator; asked as a recall question instead`, 'give the setup in the block, or write an explicit **Task:**', 'quality');
    recallQuestion(state, ex, prompt, primary[primary.length - 1], item);
    return false;
  }
  solutions = solutions.filter((sol, i) => i === 0 || state.runTask(setup, sol));
  const key = parseCommand(primary[primary.length - 1]).key ?? '';
  let mode: 'output' | 'state' = ex.output.length > 0 || READ_ONLY.has(key) ? 'output' : 'state';
  // A command that changes nothing the checker compares is judged by what it prints, or not at all.
  if (!state.judges({ setup, solutions, mode })) {
    if (mode === 'state' && state.judges({ setup, solutions, mode: 'output' })) mode = 'output';
    else {
      state.diag.warn({ line: ex.line, column: 1 }, `command task "${prompt}" not emitted: the checker cannot tell "${primary.join(' && ')}" from doing nothing; asked as a recall question instead`, 'write an explicit **Task:** with what to check', 'quality');
      recallQuestion(state, ex, prompt, primary[primary.length - 1], item);
      return false;
    }
  }
  for (const line of [...setup, ...solutions.flat()]) {
    const problem = state.validateLine(line);
    // A command the simulator does not implement yet is still a fine task; a malformed one is not.
    if (problem && !problem.warning) {
      state.diag.warn({ line: ex.line, column: 1 }, `skipped a generated task: "${line}": ${problem.message}`, 'rewrite the command or the comment above it');
      return false;
    }
  }
  const explanation =
    solutions.length > 1
      ? `Either ${solutions.map((s) => `\`${s.join(' && ')}\``).join(' or ')} works.`
      : mode === 'output' && ex.output.length
        ? `\`${primary.join(' && ')}\` prints something like:\n\n\`\`\`\n${ex.output.join('\n').trim()}\n\`\`\``
        : `\`${primary.join(' && ')}\``;
  const columns = mode === 'output' ? askedColumns(ex.output, prompt) : undefined;
  emit(state, {
    type: 'command',
    prompt,
    command: { setup, solutions, mode, ...(columns ? { columns } : {}) },
    explanation,
    tags: tagsFor(state, `${prompt} ${solutions.flat().join(' ')}`),
    at: { line: ex.line, column: 1 },
    item,
    rule,
  });
  return true;
}

/** Verbs that name one docker command each: a comment saying one of them over another such command describes something else. */
const NAMED = new Set('run pull push tag commit build login logout search save load export import promote demote scale rollback exec attach pause unpause kill stop restart rename'.split(' '));

/** "Run the container" over `docker pull alpine`: the comment names another command than the one below it. */
export function namesOtherCommand(prompt: string, line: string): boolean {
  const said = prompt.split(/\s+/)[0]?.toLowerCase() ?? '';
  const verb = (commandPath(line) ?? '').split(' ').pop() ?? '';
  return NAMED.has(said) && verb !== said && (NAMED.has(verb) || ['ls', 'ps', 'images', 'inspect'].includes(verb));
}

export function commandTasks(block: CommandBlock, state: NoteState): void {
  const image = block.image ?? DEFAULT_IMAGE;
  const prior: string[] = [];
  for (const ex of block.examples) {
    const filled = ex.commands.map((c) => fillPlaceholders(c.map((x) => x.line), ex.description));
    if (filled.some((f) => !f)) {
      state.diag.warn({ line: ex.line, column: 1 }, `skipped a command with a placeholder or "..." it cannot fill: "${ex.commands[0].map((c) => c.line).join(' ')}"`, 'write a concrete name instead of the placeholder', 'quality');
      continue;
    }
    const [primary, ...alternatives] = filled.map((f) => f!.lines);
    const description = filled[0]!.description;
    const base = taskPrompt(description);
    if (!base) {
      state.diag.warn({ line: ex.line, column: 1 }, `skipped a command whose comment says no action: "${description}"`, 'start the comment with what to do ("Create ...", "List ...")', 'quality');
      continue;
    }
    if (namesOtherCommand(base, primary[primary.length - 1])) {
      state.diag.warn({ line: ex.line, column: 1 }, `skipped a command its comment does not describe: "${base}" over "${primary[primary.length - 1]}"`, 'put the comment above the command it describes', 'quality');
      continue;
    }
    const extra = missingValues(description, primary.join(' '));
    const prompt = extra ? `${base} ${extra}` : base;
    const item = normalise(`${description}\n${primary.join('\n')}`);
    const same: string[][] = [primary];
    const own: string[][] = [];
    const primarySetup = inferSetup(primary, image).needs.join();
    const primaryMakes = madeBy(primary).join();
    for (const alt of alternatives) {
      if (inferSetup(alt, image).needs.join() === primarySetup && madeBy(alt).join() === primaryMakes) same.push(alt);
      else own.push(alt);
    }
    if (emitTask(state, ex, prompt, same, image, 'command-task', item, prior)) prior.push(...primary.filter((l) => madeBy([l]).length > 0));
    for (const alt of own) {
      const described = describeCommand(alt.join(' '));
      if (!described) continue;
      emitTask(state, ex, described, [alt], image, 'command-alternative', normalise(alt.join('\n')), prior);
    }
  }
}
