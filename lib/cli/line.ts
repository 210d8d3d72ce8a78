/**
 * Reading a docker command line without running it (for content: the question-bank compiler infers
 * a task's setup and the values its prompt must give from its solution). The words come from the
 * lab shell's parser, the command and its flag grammar from the command table, so a line reads the
 * way the lab runs it. Unlike a run, nothing is rejected: an unknown flag is read as a switch, and
 * an unknown command leaves `path` unset, its words after `docker` arguments (flags before the
 * first one read as switches).
 */
import { lookupCommand } from './commands';
import { takesTable, type TakesTable } from './flags';
import { lineWords } from './sh';

/** One flag as written on the line (`-d`, `--driver`), with its value when it takes one. */
export type LineFlag = { name: string; value?: string };

/** A docker command line read against the command table. */
export interface DockerLine {
  /** The command as `object verb` (`container run` for `docker run`), or its only word (`inspect`); unset when unknown. */
  path?: string;
  /** Flags in order. */
  flags: LineFlag[];
  /** Positional arguments in order. */
  args: string[];
}

const NO_FLAGS: TakesTable = { long: new Map(), short: new Map() };

/** Read `docker ...` (the words of the line's first command; a line not starting with `docker` is all arguments). */
export function readDockerLine(line: string): DockerLine {
  const words = lineWords(line);
  if (words[0] !== 'docker') return { flags: [], args: words };
  const found = lookupCommand(words.slice(1));
  const def = found?.def;
  const path = def ? (def.path.includes(' ') ? def.path : (def.aliases?.find((a) => a.includes(' ')) ?? def.path)) : undefined;
  const table = def ? takesTable(def.flags) : NO_FLAGS;
  const rest = found ? found.rest : words.slice(1);
  const stopsAtArgument = !def || def.interspersed === false;
  const flags: LineFlag[] = [];
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    // Positional: a plain word, or anything after the first argument of a command that stops parsing flags there
    // (`run IMAGE CMD...`) or of an unknown command (its flags cannot be told from its arguments).
    if (w.length < 2 || w[0] !== '-' || (stopsAtArgument && args.length > 0)) {
      args.push(w);
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      if (eq >= 0) flags.push({ name: w.slice(0, eq), value: w.slice(eq + 1) });
      else if (table.long.get(w.slice(2)) && i + 1 < rest.length) flags.push({ name: w, value: rest[++i] });
      else flags.push({ name: w });
      continue;
    }
    // A shorthand group (-dit, -dp 80:80): switches until the first value-taking letter, which takes the rest or the next word.
    for (let k = 1; k < w.length; k++) {
      const c = w[k];
      if (w[k + 1] === '=') {
        flags.push({ name: `-${c}`, value: w.slice(k + 2) });
        break;
      }
      if (table.short.get(c) && (k + 1 < w.length || i + 1 < rest.length)) {
        flags.push({ name: `-${c}`, value: k + 1 < w.length ? w.slice(k + 1) : rest[++i] });
        break;
      }
      flags.push({ name: `-${c}` });
    }
  }
  return { ...(path ? { path } : {}), flags, args };
}
