import { DomainError } from '@caredesk/core';
import {
  ackErrorFor,
  type AckError,
  type Hl7Message,
  type Hl7ParseError,
} from '@caredesk/interop/hl7v2';
import { ackText, rejectText } from './hl7-acks';
import type { Outcome } from './hl7-inbox-scope';

/**
 * The outcomes a message is stored and answered with. A failure carries its reason twice:
 * the ACK's text, in English for the sender's interface engineers (HL7 v2 gives ERR-8 no
 * language, and their logs and searches expect one), and a message-catalog key (hl7.*)
 * that admins read in their own language in the console.
 */

export function accepted(message: Hl7Message, now: Date): Outcome {
  return {
    status: 'processed',
    ackCode: 'AA',
    ack: ackText(message, now, { code: 'AA' }),
    error: null,
    errorKey: null,
  };
}

function refused(message: Hl7Message, now: Date, error: AckError, errorKey: string): Outcome {
  return {
    status: 'rejected',
    ackCode: 'AR',
    ack: ackText(message, now, { code: 'AR', error }),
    error: error.text ?? null,
    errorKey,
  };
}

/**
 * A message or an ADT event CareDesk has no handler for: AR with ERR-3 200 (unsupported
 * message type) or 201 (unsupported event code), pointing at MSH-9.
 */
export function notTaken(message: Hl7Message, now: Date): Outcome {
  const { code, trigger } = message.messageType;
  return code === 'ADT'
    ? refused(
        message,
        now,
        {
          code: '201',
          text: `ADT^${trigger} is not an event CareDesk takes.`,
          location: { segment: 'MSH', field: 9, component: 2 },
        },
        'hl7.refused.event',
      )
    : refused(
        message,
        now,
        {
          code: '200',
          text: `${code} is not a message CareDesk takes.`,
          location: { segment: 'MSH', field: 9, component: 1 },
        },
        'hl7.refused.messageType',
      );
}

/** A different message under a control id another message has: AR 205 (duplicate key). */
export function controlIdTaken(
  message: Hl7Message,
  now: Date,
  first: { id: string; control_id: string | null },
): Outcome {
  const text = `Control id ${first.control_id ?? ''} was already used by another message (${first.id}).`;
  const location = { segment: 'MSH', field: 10 };
  return refused(message, now, { code: '205', text, location }, 'hl7.refused.controlIdTaken');
}

/**
 * A message its handler could not process (AE 207), kept for a replay: a DomainError says
 * why in its own key; anything else is a fault of ours, told as such.
 */
export function failed(message: Hl7Message, now: Date, e: unknown): Outcome {
  const [text, errorKey] =
    e instanceof DomainError
      ? [e.message, e.messageKey]
      : ['CareDesk could not process this message; it is kept for a retry.', 'hl7.failed.internal'];
  return {
    status: 'failed',
    ackCode: 'AE',
    ack: ackText(message, now, { code: 'AE', error: { code: '207', text } }),
    error: text,
    errorKey,
  };
}

/** Bytes that are not a message CareDesk can read: AR or AE as the parse error's code says. */
export function unparsed(raw: Buffer, now: Date, error: Hl7ParseError): Outcome {
  return {
    status: 'rejected',
    ackCode: ackErrorFor(error).code,
    ack: rejectText(raw, error, now),
    error: error.message,
    errorKey: `hl7.parse.${error.code}`,
  };
}
