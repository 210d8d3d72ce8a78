/** Helpers the applets share: line splitting, getopt-style option clusters, operand checks. */
import { fail, type CommandResult } from '../result';

export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}

export const joinLines = (ls: string[]): string => (ls.length ? ls.join('\n') + '\n' : '');

/** Splits `-abc` option clusters for tools that take single-letter options. `valued` letters take a value. */
export function getopt(
  tool: string,
  args: string[],
  allowed: string,
  valued: string,
): { opts: Map<string, string[]>; operands: string[] } | CommandResult {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  let i = 0;
  const add = (k: string, v: string): void => {
    opts.set(k, [...(opts.get(k) ?? []), v]);
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-' || (/^-\d+$/.test(a) && !allowed.includes('#'))) {
      operands.push(a);
      continue;
    }
    if (/^-\d+$/.test(a)) {
      add('#', a.slice(1));
      continue;
    }
    if (a.startsWith('--')) return fail(`${tool}: unrecognized option '${a}'`, 2);
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (valued.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return fail(`${tool}: option requires an argument -- '${c}'`, 2);
        add(c, v);
        break;
      }
      if (!allowed.includes(c)) return fail(`${tool}: invalid option -- '${c}'`, 2);
      add(c, '');
    }
  }
  return { opts, operands };
}

export function noFiles(tool: string, operands: string[], exitCode = 2): CommandResult | null {
  if (operands.length === 0 || (operands.length === 1 && operands[0] === '-')) return null;
  const f = operands.find((o) => o !== '-')!;
  if (tool === 'head' || tool === 'tail') return fail(`${tool}: cannot open '${f}' for reading: No such file or directory`, 1);
  return fail(`${tool}: ${f}: No such file or directory`, exitCode);
}

export function countArg(tool: string, v: string): number | CommandResult {
  if (!/^[+-]?\d+$/.test(v)) return fail(`${tool}: invalid number of lines: '${v}'`, 1);
  return Number(v);
}
