/**
 * Command-line validation for command tasks (setup and solution lines).
 * TODO(compiler): switch to `validateCommand` from lib/cli (via its index.ts) once the simulator
 * exports it; until then only the shape is checked.
 */

/** Returns an error message for a line the simulator could not run, undefined when it looks fine. */
export function validateLine(line: string): string | undefined {
  if (!/^docker(\s|$)/.test(line)) return 'a command must start with `docker `';
  return undefined;
}
