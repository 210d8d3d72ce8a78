/** Entry points: parse (cached) and execute. */
import { TEMPLATE_DEFAULTS, TemplateError, type TemplateOptions } from './errors';
import { Budget, Exec } from './exec';
import { Lexer } from './lex';
import type { TNode } from './node';
import { Parser } from './parse';

const MAX_TEMPLATE_LENGTH = 65_536;

/**
 * Parses a template without executing it (docker reports parse errors before touching any data).
 * @throws TemplateError (phase 'parse')
 */
export function checkTemplate(template: string): void {
  parseTemplate(template);
}

/**
 * Recently parsed templates. `ls --format` renders one template per row; the parse tree is immutable during
 * execution, so reusing it cannot change a result and no lab state lives here.
 */
const PARSED = new Map<string, { nodes: TNode[]; lexer: Lexer }>();
const PARSED_MAX = 64;

function parseTemplate(template: string): { nodes: TNode[]; lexer: Lexer } {
  const hit = PARSED.get(template);
  if (hit) return hit;
  const parsed = parseTemplateUncached(template);
  if (PARSED.size >= PARSED_MAX) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(template, parsed);
  return parsed;
}

function parseTemplateUncached(template: string): { nodes: TNode[]; lexer: Lexer } {
  if (template.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(`template: :1: template too long (${template.length} characters; the limit is ${MAX_TEMPLATE_LENGTH})`, 'limit');
  }
  const lexer = new Lexer(template);
  const toks = lexer.run();
  const nodes = new Parser(toks, lexer).parseTemplate();
  return { nodes, lexer };
}

/**
 * Executes a Go text/template over `data`.
 * @param template the template text (after docker's preprocessing, see `parseTableFormat`)
 * @param data the value `.` starts as
 * @param opts step/output budget, missing-key behaviour, header mode
 * @returns the rendered text
 * @throws TemplateError for parse errors, execution errors and exhausted budgets; never anything else
 */
export function renderTemplate(template: string, data: unknown, opts: TemplateOptions = {}): string {
  try {
    const { nodes, lexer } = parseTemplate(template);
    const budget = new Budget(opts.maxSteps ?? TEMPLATE_DEFAULTS.maxSteps, opts.maxOutput ?? TEMPLATE_DEFAULTS.maxOutput);
    const exec = new Exec(lexer, budget, opts.missingKey ?? 'default', opts.header ?? false);
    exec.walk(nodes, data, [{ name: '$', value: data }]);
    return exec.out.join('');
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    if (e instanceof RangeError) throw new TemplateError('template: :1: template too complex', 'limit');
    throw new TemplateError(`template: :1: internal error: ${e instanceof Error ? e.message : String(e)}`, 'exec');
  }
}
