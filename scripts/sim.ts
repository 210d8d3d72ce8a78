/**
 * `npm run --silent sim -- [--nodes a,b,c] [--seed N] [--json]`: the simulator's transcript mode.
 *   Reads commands from stdin, one per line (blank lines and `#` comments skipped). `NODE$ cmd` runs on NODE,
 *   otherwise on the first node (`host` when --nodes is absent). Plain output is what a terminal shows when a
 *   script is fed to a shell: each command's stdout on stdout and stderr on stderr; the exit status is the last
 *   command's. With --json: one object per command, `{"node","command","stdout","stderr","exitCode"}`, exit 0.
 *   When stdin is a terminal: an interactive shell with a prompt showing the node, history and `help`.
 *
 * `npm run --silent sim -- check --setup FILE --solution FILE [--solution FILE2] --answer FILE [--nodes a,b]
 *   [--mode state|output] [--seed N]`: judges the answer file as the whole live session on a lab started
 *   with seed N (default: the live lab's seed, DEFAULT_SEED), prints the checker's `{"correct","feedback"}`
 *   as one JSON line and exits 0 whatever the verdict (2 for a usage error or an unreadable file).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { check, createLab, DEFAULT_SEED } from '../lib/cli';
import { parseFlags, UsageError, type FlagSpec } from '../lib/cli/flags';
import { parsePromptLine } from '../lib/cli/prompt';

type Lab = ReturnType<typeof createLab>;

const USAGE = `Usage:
  npm run --silent sim -- [--nodes a,b,c] [--seed N] [--json]  < transcript
  npm run --silent sim -- check --setup FILE --solution FILE [--solution FILE2 ...] --answer FILE
                               [--nodes a,b] [--mode state|output] [--seed N]

Transcript mode runs stdin's commands ("NODE$ cmd" runs on NODE, other lines on the first node).
check judges --answer, the learner's whole session in order (failed and exploratory commands
included, "NODE$ cmd" for other nodes), as the live lab with seed N would: each --solution runs on a
lab with the same seed after --setup. It prints {"correct":true|false,"feedback":[...]} on one line.
Exit status: 0 whatever the verdict (read "correct"), 2 usage error or unreadable file.
The default seed (${DEFAULT_SEED}) is the live lab's, so values printed by a transcript with --seed N
can be pasted into an answer checked with --seed N.`;

const TRANSCRIPT_FLAGS: FlagSpec[] = [
  { long: 'nodes', type: 'string' },
  { long: 'seed', type: 'int', default: DEFAULT_SEED },
  { long: 'json', type: 'bool' },
];

const CHECK_FLAGS: FlagSpec[] = [
  { long: 'setup', type: 'string' },
  { long: 'solution', type: 'stringArray' },
  { long: 'answer', type: 'string' },
  { long: 'nodes', type: 'string' },
  { long: 'mode', type: 'string', default: 'state' },
  { long: 'seed', type: 'int', default: DEFAULT_SEED },
];

/** `a, b,c` -> ['a','b','c']; undefined when absent. */
function nodeList(value: string): string[] | undefined {
  const nodes = value.split(',').map((n) => n.trim()).filter(Boolean);
  return nodes.length ? nodes : undefined;
}

/** A transcript line split into its node prefix and command; null for blank and comment lines. */
export function splitLine(raw: string, nodes: string[], current: string): { node: string; command: string; known: boolean } | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const p = parsePromptLine(trimmed);
  if (p) {
    const node = p.node ?? current;
    return { node, command: p.command, known: nodes.includes(node) };
  }
  return { node: current, command: trimmed, known: true };
}

function runOne(lab: Lab, node: string, command: string, known: boolean) {
  if (!known) {
    return { stdout: '', stderr: `sim: unknown node "${node}" (nodes: ${lab.nodes.join(', ')})\n`, exitCode: 1 };
  }
  if (command === '') return { stdout: '', stderr: '', exitCode: 0 };
  return lab.run(command, node);
}

function transcript(lab: Lab, input: string, json: boolean): number {
  let last = 0;
  for (const raw of input.split('\n')) {
    const parsed = splitLine(raw, lab.nodes, lab.nodes[0]);
    if (!parsed) continue;
    const r = runOne(lab, parsed.node, parsed.command, parsed.known);
    last = r.exitCode;
    if (json) {
      process.stdout.write(
        JSON.stringify({ node: parsed.node, command: parsed.command, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }) + '\n',
      );
    } else {
      if (r.stdout) process.stdout.write(r.stdout);
      if (r.stderr) process.stderr.write(r.stderr);
    }
  }
  return json ? 0 : last;
}

const HELP = `NetPrep lab shell: a simulated Docker engine on every node.
  docker ...            run a docker command on the current node (docker --help lists them)
  NODE$ COMMAND         run COMMAND on NODE and make NODE current; "NODE$" alone switches
  use NODE              switch to NODE                   nodes   list the nodes
  help                  this text                        exit    leave (or Ctrl-D)
Shell: ; && || | $(...) 'quotes' "quotes" and the filters grep head tail wc sort uniq cut awk xargs.
`;

function interactive(lab: Lab): Promise<number> {
  let current = lab.nodes[0];
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 500 });
  const prompt = (): void => {
    rl.setPrompt(`${current}$ `);
    rl.prompt();
  };
  process.stdout.write(`NetPrep lab: nodes ${lab.nodes.join(', ')}. Type "help" for help.\n`);
  prompt();
  return new Promise((resolve) => {
    rl.on('line', (raw) => {
      const trimmed = raw.trim();
      const use = /^use\s+(\S+)$/.exec(trimmed);
      if (trimmed === 'exit' || trimmed === 'quit' || trimmed === 'logout') {
        rl.close();
        return;
      }
      if (trimmed === 'help') process.stdout.write(HELP);
      else if (trimmed === 'nodes') process.stdout.write(lab.nodes.map((n) => (n === current ? `* ${n}` : `  ${n}`)).join('\n') + '\n');
      else if (use) {
        if (lab.nodes.includes(use[1])) current = use[1];
        else process.stderr.write(`sim: unknown node "${use[1]}" (nodes: ${lab.nodes.join(', ')})\n`);
      } else {
        const parsed = splitLine(raw, lab.nodes, current);
        if (parsed) {
          const r = runOne(lab, parsed.node, parsed.command, parsed.known);
          if (parsed.known) current = parsed.node;
          if (r.stdout) process.stdout.write(r.stdout.replace(/\n?$/, '\n'));
          if (r.stderr) process.stderr.write(r.stderr.replace(/\n?$/, '\n'));
        }
      }
      prompt();
    });
    rl.on('close', () => {
      process.stdout.write('\n');
      resolve(0);
    });
  });
}

/** Command lines of a setup/solution/answer file (blank lines and `#` comments dropped). */
function commandFile(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

function checkCommand(args: string[]): number {
  const { flags, args: rest } = parseFlags(args, CHECK_FLAGS, 'sim check');
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`, 'sim check');
  const missing = ['setup', 'answer'].filter((f) => flags[f] === '');
  if ((flags.solution as string[]).length === 0) missing.splice(1, 0, 'solution');
  if (missing.length) throw new UsageError(`missing --${missing.join(', --')}`, 'sim check');
  const mode = flags.mode as string;
  if (mode !== 'state' && mode !== 'output') throw new UsageError(`--mode must be "state" or "output", not "${mode}"`, 'sim check');
  const nodes = nodeList(flags.nodes as string);
  const task = {
    setup: commandFile(flags.setup as string),
    solutions: (flags.solution as string[]).map(commandFile),
    mode: mode as 'state' | 'output',
    ...(nodes ? { nodes } : {}),
  };
  const result = check(task, commandFile(flags.answer as string), { seed: flags.seed as number });
  process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'check') return checkCommand(argv.slice(1));
  const { flags, args } = parseFlags(argv, TRANSCRIPT_FLAGS, 'sim');
  if (flags.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`, 'sim');
  const nodes = nodeList(flags.nodes as string);
  const lab = createLab({ ...(nodes ? { nodes } : {}), seed: flags.seed as number });
  if (process.stdin.isTTY && !flags.json) return interactive(lab);
  const input = fs.readFileSync(0, 'utf8');
  return transcript(lab, input, flags.json as boolean);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`sim: ${e.message}\n${USAGE}\n`);
      } else if (e && typeof e === 'object' && 'code' in e && typeof (e as NodeJS.ErrnoException).path === 'string') {
        const err = e as NodeJS.ErrnoException;
        process.stderr.write(`sim: cannot read ${err.path}: ${err.code}\n`);
      } else {
        process.stderr.write(`sim: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      process.exitCode = 2;
    },
  );
}
