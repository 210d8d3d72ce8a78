/** TemplateError and the options every phase shares. */

/** A template failure. `message` is docker's stderr text (`template parsing error: template: ...`). */
export class TemplateError extends Error {
  readonly kind = 'bad-request' as const;
  override readonly name = 'TemplateError';
  /** 'parse' for syntax errors, 'exec' for execution errors, 'limit' when a budget ran out. */
  readonly phase: 'parse' | 'exec' | 'limit';
  /** The Go error text without docker's "template parsing error: " prefix. */
  readonly goMessage: string;
  /** True for exec errors that docker's inspect retries on the raw JSON (a missing struct field). */
  readonly missingField: boolean;
  constructor(goMessage: string, phase: 'parse' | 'exec' | 'limit', missingField = false) {
    super(`template parsing error: ${goMessage}`);
    this.goMessage = goMessage;
    this.phase = phase;
    this.missingField = missingField;
  }
}

/** Options for `renderTemplate`. */
export type TemplateOptions = {
  /** Most evaluation steps (nodes, iterations, function calls) before giving up (default 200,000). */
  maxSteps?: number;
  /** Most output characters (default 1,048,576). */
  maxOutput?: number;
  /** What a missing map key gives: `<no value>` (Go's default) or an error (docker's raw inspect fallback). */
  missingKey?: 'default' | 'error';
  /** Use docker's header functions (every docker function returns its first argument unchanged). */
  header?: boolean;
};

export const TEMPLATE_DEFAULTS = { maxSteps: 200_000, maxOutput: 1_048_576 } as const;
