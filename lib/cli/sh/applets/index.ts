/** The built-in programs (applets), by family: grep, line filters, awk, and the shell's own (echo, xargs, sudo, export, ...). */
import { ASSIGNMENT, dispatch } from '../exec';
import { clip, fail, ok, SHELL_BUILTINS, type AppletFn, type CommandResult, type Ctx } from '../result';
import { awk } from './awk';
import { grep } from './grep';
import { cut, headTail, sortCmd, tr, uniq, wc } from './text';
import { lines } from './util';

type Builtin = (typeof SHELL_BUILTINS)[number];

function xargs(args: string[], stdin: string, ctx: Ctx): CommandResult {
  let i = 0;
  let perCall = Infinity;
  let noRunIfEmpty = false;
  let replace: string | null = null;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-n' || a.startsWith('-n')) {
      const v = a === '-n' ? args[++i] : a.slice(2);
      if (!/^\d+$/.test(v ?? '') || Number(v) < 1) return fail(`xargs: invalid number "${v ?? ''}" for -n option`, 1);
      perCall = Number(v);
    } else if (a === '-I' || a.startsWith('-I')) {
      replace = a === '-I' ? (args[++i] ?? null) : a.slice(2);
      if (replace === null) return fail("xargs: option requires an argument -- 'I'", 1);
    } else if (a === '--') {
      i++;
      break;
    } else return fail(`xargs: invalid option -- '${a.slice(1)}'`, 1);
  }
  const base = args.slice(i).length ? args.slice(i) : ['echo'];
  const items = replace !== null ? lines(stdin).filter((l) => l.trim() !== '') : stdin.split(/\s+/).filter(Boolean);
  if (items.length === 0 && (noRunIfEmpty || replace !== null)) return ok();
  const calls: string[][] = [];
  if (replace !== null) {
    const r = replace;
    for (const it of items) calls.push(base.map((w) => w.split(r).join(it)));
  } else if (items.length === 0) calls.push(base);
  else for (let k = 0; k < items.length; k += perCall === Infinity ? items.length : perCall) calls.push([...base, ...items.slice(k, k + perCall)]);
  let stdout = '';
  let stderr = '';
  let worst = 0;
  for (const argv of calls) {
    const r = dispatch(argv, '', ctx);
    stdout = clip(stdout + r.stdout, ctx.maxOutput);
    stderr = clip(stderr + r.stderr, ctx.maxOutput);
    if (r.exitCode !== 0) worst = 123;
  }
  return { stdout, stderr, exitCode: worst };
}

function echo(args: string[]): CommandResult {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const c of args[i].slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop >= 0) {
      text = text.slice(0, stop);
      newline = false;
    }
    text = text.replace(/\\(n|t|\\|a|b|e|f|r|v|0[0-7]{0,3})/g, (_, e: string) =>
      ({ n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v' })[e] ?? String.fromCharCode(parseInt(e, 8)),
    );
  }
  return ok(text + (newline ? '\n' : ''));
}

/** The applet table; SHELL_BUILTINS lists the same names. */
export const APPLETS: Record<Builtin, AppletFn> = {
  echo: (a) => echo(a),
  true: () => ok(),
  ':': () => ok(),
  false: () => ({ stdout: '', stderr: '', exitCode: 1 }),
  cat: (a, stdin) => (a.every((x) => x === '-') ? ok(stdin) : null),
  grep: (a, stdin) => grep(a, stdin, 'G'),
  egrep: (a, stdin) => grep(a, stdin, 'E'),
  fgrep: (a, stdin) => grep(a, stdin, 'F'),
  head: (a, stdin) => headTail('head', a, stdin),
  tail: (a, stdin) => headTail('tail', a, stdin),
  wc: (a, stdin) => wc(a, stdin),
  sort: (a, stdin) => sortCmd(a, stdin),
  uniq: (a, stdin) => uniq(a, stdin),
  cut: (a, stdin) => cut(a, stdin),
  awk: (a, stdin) => awk(a, stdin),
  tr: (a, stdin) => tr(a, stdin),
  xargs: (a, stdin, ctx) => xargs(a, stdin, ctx),
  // Nothing in the lab takes time: every command completes synchronously.
  sleep: (a) => (a.length && a.every((x) => /^\d+(\.\d+)?[smhd]?$/.test(x)) ? ok() : fail(a.length ? `sleep: invalid time interval '${a.find((x) => !/^\d+(\.\d+)?[smhd]?$/.test(x))}'` : "sleep: missing operand\nTry 'sleep --help' for more information.", 1)),
  clear: () => ok('\x1b[H\x1b[2J'),
  // Lab users are root already: `sudo [-E|-H|...] cmd` just runs cmd.
  sudo: (a, stdin, ctx) => {
    const rest = a.slice(a.findIndex((x) => !x.startsWith('-')));
    if (a.length === 0 || rest.length === 0 || a.every((x) => x.startsWith('-'))) return fail('usage: sudo command', 1);
    return dispatch(rest, stdin, ctx);
  },
  export: (a, _stdin, ctx) => {
    for (const w of a) {
      const m = ASSIGNMENT.exec(w);
      if (m) ctx.env[m[1]] = m[2];
      else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(w)) return fail(`bash: export: \`${w}': not a valid identifier`, 1);
    }
    return ok();
  },
};
