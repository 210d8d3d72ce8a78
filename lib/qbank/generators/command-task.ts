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
import { capitalise, normalise } from '../text';
import { describeCommand, inferSetup, madeBy, missingValues, parseCommand } from '../shell';
import { tagsFor } from '../tags';

const READ_ONLY = new Set(['network ls', 'network inspect', 'container ls', 'container port', 'container inspect', 'container logs', 'service ls', 'node ls']);
const DEFAULT_IMAGE = 'nginx:alpine';

/** Turn a describing comment into an imperative task sentence. */
export function taskPrompt(description: string): string {
  let s = description.replace(/[.;:,\s]+$/, '').trim();
  s = s.replace(/^to\s+/i, '');
  const will = /^(?:the\s+)?.+?\s+(?:will|can be used to|is used to|lets you)\s+(.+)$/i.exec(s);
  if (will && !/^(create|connect|disconnect|list|remove|display|inspect|run|start|stop|publish|attach|detach|deploy|scale|update|show|find|add|set|join|leave|initiali[sz]e|promote|demote|pull|push|build|tag|mount|prune|delete)\b/i.test(s)) {
    s = will[1];
  }
  s = s.replace(/"([^"\s]+)"/g, '`$1`');
  s = s.replace(/\s+installed$/, '');
  return `${capitalise(s)}${/[.!?]$/.test(s) ? '' : '.'}`;
}

function emitTask(state: NoteState, ex: Example, prompt: string, solutions: string[][], image: string, rule: string, item: string): void {
  const primary = solutions[0];
  const { setup } = inferSetup(primary, image);
  const key = parseCommand(primary[primary.length - 1]).key ?? '';
  const mode = ex.output.length > 0 || READ_ONLY.has(key) ? 'output' : 'state';
  for (const line of [...setup, ...solutions.flat()]) {
    const problem = state.validateLine(line);
    // A command the simulator does not implement yet is still a fine task; a malformed one is not.
    if (problem && !problem.warning) {
      state.diag.warn({ line: ex.line, column: 1 }, `skipped a generated task: "${line}": ${problem.message}`, 'rewrite the command or the comment above it');
      return;
    }
  }
  const explanation =
    solutions.length > 1
      ? `Either ${solutions.map((s) => `\`${s.join(' && ')}\``).join(' or ')} works.`
      : mode === 'output' && ex.output.length
        ? `\`${primary.join(' && ')}\` prints something like:\n\n\`\`\`\n${ex.output.join('\n').trim()}\n\`\`\``
        : `\`${primary.join(' && ')}\``;
  emit(state, {
    type: 'command',
    prompt,
    command: { setup, solutions, mode },
    explanation,
    tags: tagsFor(state, `${prompt} ${solutions.flat().join(' ')}`),
    at: { line: ex.line, column: 1 },
    item,
    rule,
  });
}

export function commandTasks(block: CommandBlock, state: NoteState): void {
  const image = block.image ?? DEFAULT_IMAGE;
  for (const ex of block.examples) {
    const [primary, ...alternatives] = ex.commands.map((c) => c.map((x) => x.line));
    const base = taskPrompt(ex.description);
    const extra = missingValues(ex.description, primary.join(' '));
    const prompt = extra ? `${base} ${extra}` : base;
    const item = normalise(`${ex.description}\n${primary.join('\n')}`);
    const same: string[][] = [primary];
    const own: string[][] = [];
    const primarySetup = inferSetup(primary, image).needs.join();
    const primaryMakes = madeBy(primary).join();
    for (const alt of alternatives) {
      if (inferSetup(alt, image).needs.join() === primarySetup && madeBy(alt).join() === primaryMakes) same.push(alt);
      else own.push(alt);
    }
    emitTask(state, ex, prompt, same, image, 'command-task', item);
    for (const alt of own) {
      const described = describeCommand(alt.join(' '));
      if (!described) continue;
      emitTask(state, ex, described, [alt], image, 'command-alternative', normalise(alt.join('\n')));
    }
  }
}
