/**
 * Positioned diagnostics. Bad content never throws inside the compiler: every problem is
 * collected as a Diagnostic and the caller decides (the build fails when any is an error).
 */

export type Severity = 'error' | 'warning';

/** Where in a note a problem is, 1-based like editors show it. */
export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic extends Position {
  severity: Severity;
  /** File path relative to the content folder. */
  file: string;
  message: string;
  /** How to fix it, one sentence. */
  hint?: string;
  /**
   * Which check raised it, for the ones a build only counts (lint lists them): `outdated` (a question
   * depends on a changed Docker fact), `quality` (the quality gate dropped a generated question).
   */
  check?: DiagnosticCheck;
}

/** Checks whose warnings `content -- build` counts and `content -- lint` lists. */
export type DiagnosticCheck = 'outdated' | 'quality';

/** `file:line:column: severity: message` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity === 'error' ? '' : 'warning: '}${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Stable order: file, line, column, message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1),
  );
}

/** Collects diagnostics for one file. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  constructor(readonly file: string) {}
  error(at: Partial<Position> | undefined, message: string, hint?: string): void {
    this.push('error', at, message, hint);
  }
  warn(at: Partial<Position> | undefined, message: string, hint?: string, check?: DiagnosticCheck): void {
    this.push('warning', at, message, hint, check);
  }
  private push(severity: Severity, at: Partial<Position> | undefined, message: string, hint?: string, check?: DiagnosticCheck): void {
    this.list.push({ severity, file: this.file, line: at?.line ?? 1, column: at?.column ?? 1, message, ...(hint ? { hint } : {}), ...(check ? { check } : {}) });
  }
}
