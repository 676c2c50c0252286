/**
 * The one error type the HL7 v2 parser throws. Whatever bytes arrive, the caller gets an
 * Hl7ParseError with a stable `code`, so the MLLP listener can always answer with an AE/AR
 * ACK instead of crashing (security brief, HL7 hostile inputs: "never a crash").
 */

/** Stable reasons a message could not be parsed. Never renamed: ACK mapping and logs key on them. */
export type Hl7ParseErrorCode =
  /** Neither a string nor a Buffer was given. */
  | 'invalid-input'
  /** Nothing but whitespace. */
  | 'empty'
  /** Longer than `limits.maxLength`. */
  | 'too-large'
  /** A segment, field, repetition, component or value count went past its limit. */
  | 'limit-exceeded'
  /** The first segment is not MSH. */
  | 'missing-header'
  /** A second MSH inside one message (two messages in one frame). */
  | 'unexpected-header'
  /** MSH-1 / MSH-2 are not a usable set of delimiters. */
  | 'invalid-delimiters'
  /** A segment name that is not three upper-case letters or digits. */
  | 'invalid-segment'
  /** MSH-9.1, MSH-10 or MSH-12 is empty. */
  | 'missing-header-field'
  /** MSH-12 names a version outside the accepted list. */
  | 'unsupported-version'
  /** MSH-18 names a character set we cannot decode. */
  | 'unsupported-charset'
  /** The bytes are not valid in the character set MSH-18 declares. */
  | 'charset-mismatch'
  /** An escape sequence that is unknown, unterminated or malformed. */
  | 'invalid-escape'
  /** A bug of ours, caught so the contract (only Hl7ParseError) still holds. */
  | 'internal';

/**
 * Where in the message the problem is, in the shape of ERR-2 (ERL, v2.5+): segment ID, the
 * occurrence of that segment (1-based), and 1-based field / repetition / component /
 * subcomponent positions when known. `line` is the segment's 1-based position in the message.
 */
export interface Hl7Location {
  segment: string;
  sequence: number;
  line: number;
  field?: number | undefined;
  repetition?: number | undefined;
  component?: number | undefined;
  subcomponent?: number | undefined;
}

export class Hl7ParseError extends Error {
  override readonly name = 'Hl7ParseError';

  constructor(
    readonly code: Hl7ParseErrorCode,
    message: string,
    readonly location?: Hl7Location,
    options?: { cause?: unknown },
  ) {
    super(location ? `${message} (at ${formatLocation(location)})` : message, options);
  }
}

/** `PID[1]-3[2].4.1` style, the notation `Hl7Message.get` accepts. */
export function formatLocation(at: Hl7Location): string {
  let text = at.segment + (at.sequence > 1 ? `[${at.sequence}]` : '');
  if (at.field === undefined) return text;
  text += `-${at.field}`;
  if (at.repetition !== undefined && at.repetition > 1) text += `[${at.repetition}]`;
  if (at.component !== undefined) text += `.${at.component}`;
  if (at.subcomponent !== undefined) text += `.${at.subcomponent}`;
  return text;
}
