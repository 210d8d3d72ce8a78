/**
 * Issue 16 (h16p): an output task whose reference prints a table accepted only that exact table, so
 * "List all Docker networks and their drivers" refused `docker network ls --format '{{.Name}} {{.Driver}}'`.
 * Rule (lib/cli/projection.ts): another layout showing the asked columns for every row, and nothing
 * else, is accepted; missing rows or columns are refused with the reason.
 */
import { check, type CheckTask } from '@/lib/cli';
import { parseTable, projectionGap } from '@/lib/cli/projection';
import { askedColumns } from '@/lib/qbank/generators/command-task';

const drivers: CheckTask = { setup: ['docker network create appnet'], solutions: [['docker network ls']], mode: 'output', columns: ['NETWORK ID|NAME', 'DRIVER'] };
const whole: CheckTask = { ...drivers, columns: undefined };

describe('an output task whose reference prints a table', () => {
  it('accepts the asked columns in another layout, with or without a header', () => {
    for (const f of ['{{.Name}} {{.Driver}}', 'table {{.Name}}\\t{{.Driver}}', '{{.Driver}} {{.Name}}', '{{.ID}} {{.Driver}}', 'table {{.Name}}\\t{{.Driver}}\\t{{.Scope}}'])
      expect([f, check(drivers, [`docker network ls --format '${f}'`]).correct]).toEqual([f, true]);
  });

  it('refuses a missing column and names it', () => {
    const r = check(drivers, ["docker network ls --format '{{.Name}}'"]);
    expect(r.correct).toBe(false);
    expect(r.feedback[0]).toBe('none of your commands printed what the task asks for (your output lacks the DRIVER column)');
  });

  it('refuses missing rows and names them', () => {
    const r = check(drivers, ["docker network ls -f driver=bridge --format '{{.Name}} {{.Driver}}'"]);
    expect(r.correct).toBe(false);
    expect(r.feedback[0]).toBe('none of your commands printed what the task asks for (your output misses host, none)');
  });

  it('refuses extra lines that are no row', () => {
    const r = check(drivers, ["docker network ls --format '{{.Name}} {{.Driver}}'; echo extra line"]);
    expect(r.correct).toBe(false);
  });

  it('without asked columns, wants every column (in any layout)', () => {
    expect(check(whole, ["docker network ls --format '{{.Name}} {{.Driver}}'"]).correct).toBe(false);
    expect(check(whole, ["docker network ls --format '{{.Scope}} {{.Driver}} {{.Name}} {{.ID}}'"]).correct).toBe(true);
  });

  it('a learner output of another command gives no table reason', () => {
    const r = check(drivers, ['docker ps']);
    expect(r.feedback[0]).toBe('none of your commands printed what the task asks for');
  });
});

describe('parseTable / projectionGap', () => {
  const t = parseTable('NETWORK ID     NAME      DRIVER    SCOPE\nabc123abc123   bridge    bridge    local\ndef456def456   my net    overlay   swarm\n')!;
  const same = (a: string, b: string) => a === b;
  it('reads cells by the header positions (a cell may hold spaces)', () => {
    expect(t.headers).toEqual(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE']);
    expect(t.rows[1]).toEqual(['def456def456', 'my net', 'overlay', 'swarm']);
  });
  it('a word that is two cells (bridge bridge) still covers the asked column', () => {
    expect(projectionGap('bridge\nmy net overlay', t, ['NAME', 'DRIVER'], same)).toMatch(/lacks the DRIVER column/);
    expect(projectionGap('bridge bridge\nmy net overlay', t, ['NAME', 'DRIVER'], same)).toBeNull();
    expect(projectionGap('bridge bridge\nmy overlay', t, ['NAME', 'DRIVER'], same)).not.toBeNull();
  });
  it('is no table: one line, or a header of other words', () => {
    expect(parseTable('NAME  DRIVER')).toBeNull();
    expect(parseTable('10.0.0.1  up\nx  y')).toBeNull();
  });
});

describe('askedColumns (the generator)', () => {
  const header = ['NETWORK ID          NAME                DRIVER              SCOPE', 'aa075c363cae        bridge              bridge              local'];
  it('keeps the identity columns and the ones the prompt names', () => {
    expect(askedColumns(header, 'List all Docker networks and their drivers.')).toEqual(['NETWORK ID|NAME', 'DRIVER']);
  });
  it('asks for the whole table when the prompt names no other column, or the output is no table', () => {
    expect(askedColumns(header, 'List all Docker networks.')).toBeUndefined();
    expect(askedColumns(['10.0.0.2'], 'Print the drivers.')).toBeUndefined();
  });
});

describe('JSON lines (--format json) against a table', () => {
  it('accepts one object per row with the asked cells among its values; refuses a missing row or field', () => {
    expect(check(drivers, ['docker network ls --format json']).correct).toBe(true);
    const t = parseTable('NETWORK ID     NAME      DRIVER    SCOPE\nabc123abc123   bridge    bridge    local\ndef456def456   mine      overlay   swarm\n')!;
    const same = (a: string, b: string) => a === b;
    expect(projectionGap('{"Name":"bridge","Driver":"bridge"}\n{"Name":"mine","Driver":"overlay"}', t, ['NAME', 'DRIVER'], same)).toBeNull();
    expect(projectionGap('{"Name":"bridge","Driver":"bridge"}', t, ['NAME', 'DRIVER'], same)).toBe('your output misses mine');
    expect(projectionGap('{"Name":"bridge"}\n{"Name":"mine"}', t, ['NAME', 'DRIVER'], same)).toMatch(/lacks the DRIVER column/);
  });
});
