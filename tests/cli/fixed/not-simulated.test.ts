/**
 * Issue 14: `ls` and other programs the lab does not have say what the lab simulates instead
 * of a bare "command not found"; a typo of docker gets a hint.
 */
import { createLab } from '@/lib/cli';

describe('programs the node does not have', () => {
  // program, expected stderr part
  it.each([
    ['ls', /This lab simulates a Docker engine, not a whole Linux host\.\nIt runs docker commands/],
    ['cd /tmp', /cd: command not found\nThis lab simulates/],
    ['apt-get install curl', /apt-get: command not found\nThis lab simulates/],
    ['dcoker ps', /^bash: dcoker: command not found\nDid you mean docker\?\n$/],
    ['dokcer run nginx', /Did you mean docker\?/],
  ])('%s', (line, expected) => {
    const r = createLab().run(line);
    expect(r.exitCode).toBe(127);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(expected);
  });

  it('keeps the exit status for the shell: `ls || echo no` prints no', () => {
    const r = createLab().run('ls || echo no');
    expect(r.stdout).toBe('no\n');
  });
});
