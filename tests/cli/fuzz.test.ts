import fc from 'fast-check';
import { parseFlags, UsageError, type FlagSpec } from '@/lib/cli/flags';
import { renderTemplate, TemplateError } from '@/lib/cli/format/template';
import { checkShellSyntax, runShell, type ExecFn } from '@/lib/cli/sh';

// Fixed seeds: failures reproduce; raise numRuns locally to dig deeper.
const RUNS = { seed: 20261128, numRuns: 400 };

/** Strings built mostly from the characters each grammar cares about. */
const from = (alphabet: string, maxLength = 60) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { maxLength }).map((a) => a.join(''));

const SHELL_CHARS = 'ab $()`\'"\\|&;#<>{}*?=\n\t-12grepheadtailwc-ncvEio.';
const SHELL_WORDS = fc.array(
  fc.oneof(
    from(SHELL_CHARS, 12),
    fc.constantFrom('$(', ')', '`', '"', "'", '&&', '||', '|', ';', 'grep', 'head -n 1', 'wc -l', 'echo', 'docker', 'xargs', 'awk', "'{print $1}'", '2>&1', '>/dev/null', '$?', 'X=1'),
  ),
  { maxLength: 25 },
).map((ws) => ws.join(' '));

const echoExec: ExecFn = (argv, stdin) => ({ stdout: `${argv.join(' ')}\n${stdin}`, stderr: '', exitCode: argv.length % 3 });

describe('fuzz: the shell never throws and always returns a result', () => {
  it('runShell over random lines', () => {
    fc.assert(
      fc.property(fc.oneof(SHELL_WORDS, fc.string({ maxLength: 80 })), (line) => {
        const r = runShell(line, echoExec, { maxOutput: 10_000 });
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
        expect(Number.isInteger(r.exitCode)).toBe(true);
        expect(r.stdout.length).toBeLessThanOrEqual(10_000);
        expect(r.stderr).not.toMatch(/internal error/);
        const syntax = checkShellSyntax(line);
        if (syntax !== null) expect(r.exitCode).not.toBe(0);
      }),
      RUNS,
    );
  });
});

const SPEC: FlagSpec[] = [
  { long: 'driver', short: 'd', type: 'string' },
  { long: 'detach', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'publish', short: 'p', type: 'stringArray' },
  { long: 'subnet', type: 'stringSlice' },
  { long: 'opt', short: 'o', type: 'map' },
  { long: 'cpu-shares', short: 'c', type: 'int' },
  { long: 'swappiness', type: 'uint' },
  { long: 'timeout', type: 'duration' },
];

describe('fuzz: the flag parser throws only UsageError', () => {
  it('parseFlags over random argv', () => {
    const word = fc.oneof(from('-=dipcox,"12ab.msh', 10), fc.constantFrom('--', '-', '--driver', '-d', '-dip', '--timeout', '--cpu-shares', '--opt', '---x', '--=', '-c'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (argv) => {
        try {
          const r = parseFlags(argv, SPEC, 'docker x');
          expect(Array.isArray(r.args)).toBe(true);
          expect(r.args.length).toBeLessThanOrEqual(argv.length);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as UsageError).exitCode).toBe(125);
        }
      }),
      RUNS,
    );
  });
});

describe('fuzz: templates throw only TemplateError and stay within budget', () => {
  const DATA = { Name: 'n', List: [1, 2, 3], Map: { a: { b: 'c' } }, Nil: null, Num: 3 };
  const pieces = fc.constantFrom(
    '{{', '}}', '{{-', '-}}', ' ', '.', '.Name', '.List', '.Map.a', '$', '$x', ':=', '=', '|', '(', ')', '"s"', '`r`', "'c'", '1', '-2', '3.5',
    'range', 'if', 'else', 'end', 'with', 'break', 'continue', 'len', 'index', 'printf', 'json', 'eq', 'and', 'not', 'upper', 'split', 'join',
    'pad', 'slice', 'nil', 'true', ',', '/*', '*/', 'x', '\n',
  );
  it('renderTemplate over random token soup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), fc.string({ maxLength: 60 })), (tpl) => {
        try {
          const out = renderTemplate(tpl, DATA, { maxSteps: 5_000, maxOutput: 20_000 });
          expect(out.length).toBeLessThanOrEqual(20_000);
        } catch (e) {
          expect(e).toBeInstanceOf(TemplateError);
          expect((e as TemplateError).message).toMatch(/^template parsing error: template: /);
          expect((e as TemplateError).message).not.toMatch(/internal error/);
        }
      }),
      RUNS,
    );
  });
});
