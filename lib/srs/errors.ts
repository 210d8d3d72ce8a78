import { z } from 'zod';

/** Error categories of the store (as in libnetwork's types): each maps to an HTTP status. */
export type StoreErrorKind = 'bad-request' | 'not-found' | 'forbidden' | 'conflict' | 'unavailable' | 'too-large' | 'unsupported-media-type';

export const STATUS_OF_KIND = {
  'bad-request': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  unavailable: 503,
} as const satisfies Record<StoreErrorKind, number>;

/** A typed store failure; `fields` holds zod's per-field messages for bad input. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }

  /** A bad-request error from a zod failure, with flattened field errors. */
  static fromZod(message: string, error: z.ZodError): StoreError {
    const flat = z.flattenError(error);
    const fields: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>) };
    if (flat.formErrors.length) fields._ = flat.formErrors;
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return new StoreError('bad-request', `${message}: ${where}${first?.message ?? 'invalid'}`, fields);
  }

  /** HTTP status for this error. */
  get status(): number {
    return STATUS_OF_KIND[this.kind];
  }

  /** JSON body for an HTTP error response. */
  toJSON(): { error: { kind: StoreErrorKind; message: string; fields?: Record<string, string[]> } } {
    return { error: { kind: this.kind, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}
