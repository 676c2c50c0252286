/**
 * General acknowledgments (ACK): MSH + MSA, and ERR when something went wrong.
 * HL7 v2 chapter 2 (Control), "Message processing rules" (original mode AA/AE/AR, enhanced
 * mode CA/CE/CR) and the ERR segment; for v2.3/v2.4 receivers ERR-1 (ELD) carries the error, from v2.5
 * ERR-2..ERR-8 do (ERR-1 is deprecated there).
 */
import type { AckSource } from './ack-source';
import { ackSourceOf, readPartialHeader } from './ack-source';
import type { Hl7ParseError } from './errors';
import type { Hl7Field, Hl7Message, Hl7Segment } from './message';
import type { FieldInput } from './write';
import { buildMessage, buildSegment, headerSegment } from './write';

/** MSA-1, table 0008. */
export type AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';

/** Table 0357, message error condition codes (ERR-3 from v2.5, ERR-1.4 before). */
export const MESSAGE_ERROR_CONDITIONS = Object.freeze({
  '0': 'Message accepted',
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '104': 'Value too long',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '203': 'Unsupported version id',
  '204': 'Unknown key identifier',
  '205': 'Duplicate key identifier',
  '206': 'Application record locked',
  '207': 'Application internal error',
});
export type MessageErrorCondition = keyof typeof MESSAGE_ERROR_CONDITIONS;

/** ERR-4, table 0516: error, warning, information, fatal. */
export type ErrorSeverity = 'E' | 'W' | 'I' | 'F';

/** Where the error is (ERR-2 ERL / ERR-1 ELD); positions are 1-based. */
export interface ErrorLocation {
  segment: string;
  /** Occurrence of the segment in the message; 1 when omitted. */
  sequence?: number | undefined;
  field?: number | undefined;
  repetition?: number | undefined;
  component?: number | undefined;
  subcomponent?: number | undefined;
}

export interface AckError {
  code: MessageErrorCondition;
  /** ERR-4; `E` when omitted. Written only from v2.5, where ERR-4 exists. */
  severity?: ErrorSeverity | undefined;
  location?: ErrorLocation | undefined;
  /** For people: ERR-8 from v2.5, MSA-3 before. */
  text?: string | undefined;
  /** For the sender's support staff: ERR-7 (v2.5+). */
  diagnostic?: string | undefined;
}

interface AckCommon {
  /** MSH-10 of the ACK itself. */
  controlId: string;
  /** MSH-7 of the ACK. */
  now: Date;
}

/** A positive ACK may carry a warning; a negative one must say why (ERR is then required). */
export type AckOptions = AckCommon &
  ({ code: 'AA' | 'CA'; error?: AckError } | { code: 'AE' | 'AR' | 'CE' | 'CR'; error: AckError });

/** The ACK for a parsed message. Write it with `writeHl7`. */
export function buildAck(original: Hl7Message, options: AckOptions): Hl7Message {
  return ackFor(ackSourceOf(original), options);
}

export interface RejectAckOptions extends AckCommon {
  /** `AR` by default: a message we could not read was rejected, not processed. */
  code?: 'AE' | 'AR' | 'CE' | 'CR';
  error: AckError;
  /** MSH-12 to answer in when the original's cannot be read; `2.5.1` by default. */
  fallbackVersion?: string;
}

/**
 * The ACK for a message too broken to parse: whatever of its MSH can be read is echoed
 * (see `readPartialHeader`); with nothing readable the ACK still goes out, MSA-2 empty.
 */
export function buildRejectAck(
  received: string | Uint8Array | undefined,
  options: RejectAckOptions,
): Hl7Message {
  const source = readPartialHeader(received);
  if (source.version.length === 0) source.version = [[[options.fallbackVersion ?? '2.5.1']]];
  return ackFor(source, { ...options, code: options.code ?? 'AR' });
}

/**
 * How a parse failure is answered. Header problems (MSH-1/2, 9, 10, 12, 18) are AR, the
 * original-mode answer when MSH validation fails (chapter 2, "Message processing rules");
 * problems in the body are AE.
 */
export function ackErrorFor(error: Hl7ParseError): { code: 'AE' | 'AR'; error: AckError } {
  const at = error.location;
  const location: ErrorLocation | undefined = at && {
    segment: at.segment,
    sequence: at.sequence,
    field: at.field,
    repetition: at.repetition,
    component: at.component,
    subcomponent: at.subcomponent,
  };
  const answer = (ack: 'AE' | 'AR', code: MessageErrorCondition) => ({
    code: ack,
    error: { code, severity: 'E' as const, location, text: error.message },
  });
  switch (error.code) {
    case 'missing-header-field':
      return answer('AR', '101');
    case 'unsupported-version':
      return answer('AR', '203');
    case 'invalid-delimiters':
    case 'unsupported-charset':
    case 'charset-mismatch':
      return answer('AR', '102');
    case 'invalid-input':
    case 'empty':
    case 'missing-header':
      return answer('AR', '100');
    case 'unexpected-header':
    case 'invalid-segment':
      return answer('AE', '100');
    case 'invalid-escape':
      return answer('AE', '102');
    case 'too-large':
    case 'limit-exceeded':
      return answer('AE', '104');
    case 'internal':
      return answer('AR', '207');
  }
}

/** The reject ACK for input `parseHl7` refused with `error`. */
export function buildParseErrorAck(
  received: string | Uint8Array | undefined,
  error: Hl7ParseError,
  options: AckCommon & { fallbackVersion?: string },
): Hl7Message {
  return buildRejectAck(received, { ...options, ...ackErrorFor(error) });
}

/** HL7 DTM in UTC with an explicit offset: YYYYMMDDHHMMSS+0000. */
export function formatHl7Timestamp(date: Date): string {
  const iso = date.toISOString(); // 2025-01-31T12:34:56.789Z
  return iso.slice(0, 19).replace(/[-T:]/g, '') + '+0000';
}

/** `2.3.1` → [2, 3, 1]; anything unreadable sorts as the newest style. */
function versionNumbers(version: string): number[] {
  return /^\d+(\.\d+)*$/.test(version) ? version.split('.').map(Number) : [Infinity];
}

function atLeast(version: string, min: readonly number[]): boolean {
  const v = versionNumbers(version);
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

function ackFor(source: AckSource, options: AckOptions): Hl7Message {
  const version = source.version[0]?.[0]?.[0] ?? '';
  // MSH-9.3 (message structure) exists from v2.3.1; a v2.3 MSH-9 has two components.
  const messageType = atLeast(version, [2, 3, 1])
    ? ['ACK', source.trigger, 'ACK']
    : ['ACK', source.trigger];
  const msh: FieldInput[] = [
    source.receivingApplication,
    source.receivingFacility,
    source.sendingApplication,
    source.sendingFacility,
    formatHl7Timestamp(options.now),
    '',
    messageType,
    options.controlId,
    source.processingId,
    source.version,
  ];
  if ((source.charset[0]?.[0]?.[0] ?? '') !== '') msh.push('', '', '', '', '', source.charset);
  const modern = atLeast(version, [2, 5]);
  const error = options.error;
  const msa: FieldInput[] = [options.code, source.controlId];
  // v2.3/v2.4 have no ERR-8: the text goes in MSA-3 and the condition in MSA-6.
  if (!modern && error) msa.push(error.text ?? '', '', '', conditionComponents(error));
  const segments: Hl7Segment[] = [buildSegment('MSA', msa)];
  if (error) segments.push(modern ? errSegment(error) : legacyErrSegment(error));
  return buildMessage(headerSegment(msh, source.delimiters), segments, source.delimiters);
}

function conditionComponents(error: AckError): string[] {
  return [error.code, MESSAGE_ERROR_CONDITIONS[error.code], 'HL70357'];
}

const position = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** v2.5+: ERR-2 location (ERL), ERR-3 code (CWE), ERR-4 severity, ERR-7/8 texts. */
function errSegment(error: AckError): Hl7Segment {
  const at = error.location;
  const parts = at
    ? [
        at.segment,
        position(at.sequence ?? 1),
        position(at.field),
        position(at.field === undefined ? undefined : (at.repetition ?? 1)),
        position(at.component),
        position(at.subcomponent),
      ]
    : [];
  // Trailing empty components are left out: a receiver treats absent and empty alike.
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const location: Hl7Field = parts.length > 0 ? [parts.map((p) => [p])] : [];
  const fields: FieldInput[] = [
    '',
    location,
    conditionComponents(error),
    error.severity ?? 'E',
    '',
    '',
    error.diagnostic ?? '',
    error.text ?? '',
  ];
  while (fields[fields.length - 1] === '') fields.pop();
  return buildSegment('ERR', fields);
}

/** v2.3/v2.4: ERR-1 (ELD) = segment ^ sequence ^ field ^ code&text&HL70357. */
function legacyErrSegment(error: AckError): Hl7Segment {
  const at = error.location;
  return buildSegment('ERR', [
    [
      [
        [at?.segment ?? ''],
        [position(at ? (at.sequence ?? 1) : undefined)],
        [position(at?.field)],
        conditionComponents(error),
      ],
    ],
  ]);
}
