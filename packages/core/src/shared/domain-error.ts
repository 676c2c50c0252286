/**
 * A domain error carries a stable `code` and a message key; the HTTP edge maps it once
 * to a problem+json response or an OperationOutcome. Services never throw HTTP errors.
 */
export type DomainErrorCode =
  | 'unauthenticated'
  | 'rate-limited'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unprocessable'
  | 'too-large';

export interface FieldIssue {
  /** JSON-pointer-like path to the offending field, e.g. `names/0/family`. */
  path: string;
  /** Message key in the i18n catalogs. */
  messageKey: string;
  /** Human-readable English detail, for logs and API consumers. */
  detail: string;
  /** ICU arguments of the message (e.g. the unknown placeholder it names). */
  values?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
