import { randomBytes } from 'node:crypto';
import {
  buildAck,
  buildParseErrorAck,
  writeHl7,
  type AckError,
  type Hl7Message,
  type Hl7ParseError,
} from '@caredesk/interop/hl7v2';

/** MSH-10 of an ACK of ours: unique, and short enough for any receiver's field length. */
export function ackControlId(): string {
  return `CD${randomBytes(9).toString('hex').toUpperCase()}`;
}

/** The text of the ACK for a parsed message. */
export function ackText(
  original: Hl7Message,
  now: Date,
  answer: { code: 'AA' } | { code: 'AE' | 'AR'; error: AckError },
): string {
  return writeHl7(buildAck(original, { ...answer, controlId: ackControlId(), now }));
}

/** The text of the rejection for bytes that could not be parsed. */
export function rejectText(raw: Buffer, error: Hl7ParseError, now: Date): string {
  return writeHl7(buildParseErrorAck(raw, error, { controlId: ackControlId(), now }));
}

/**
 * An ACK's bytes in the character set its MSH-18 names (copied from the original): ISO
 * 8859-1 as Latin-1, everything else as UTF-8, which ASCII reads identically. An ACK holds
 * our own ASCII text plus the sender's header fields echoed back, so a single-byte set other
 * than Latin-1 only matters for a sender naming itself in non-ASCII letters.
 */
export function ackBytes(text: string): Buffer {
  const msh18 = text.split('\r', 1)[0]?.split(text.charAt(3))[17] ?? '';
  const latin1 = (msh18.split(text.charAt(4))[0] ?? '').trim().toUpperCase() === '8859/1';
  return Buffer.from(text, latin1 ? 'latin1' : 'utf8');
}
