import { createHash } from 'node:crypto';
import { DomainError, type Clock } from '@caredesk/core';
import {
  ackErrorFor,
  component,
  Hl7ParseError,
  parseHl7,
  readPartialHeader,
  type AckError,
  type Hl7Message,
} from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import {
  findByControl,
  findMessage,
  insertMessage,
  recordAttempt,
  type Hl7ControlKey,
  type Hl7MessageRow,
} from '../storage/care-transitions/hl7-message-store';
import type { Hl7MessageStatus } from '../storage/care-transitions/hl7-tables';
import type { Database } from '../storage/database';
import type { Schema } from '../storage/schema';
import { timeOrderedId } from '../storage/time-ordered-id';
import { isUniqueViolation } from '../storage/unique-violation';
import { ackBytes, ackText, rejectText } from './hl7-acks';

/** What a handler is told besides the message. */
export interface Hl7Context {
  organizationId: string;
  /** The stored message's id, for records that say where they came from. */
  messageId: string;
  receivedAt: Date;
}

/**
 * Turns one kind of message (an ADT trigger) into CareDesk's records, inside the
 * transaction that stores the message, so AA is said only once both have committed. A
 * DomainError means the message cannot be processed as it stands (AE; kept for replay).
 */
export type Hl7Handler = (
  trx: Kysely<Schema>,
  message: Hl7Message,
  ctx: Hl7Context,
) => Promise<void>;

/** Handlers by message code and trigger event, e.g. `ADT^A03`. */
export type Hl7Handlers = ReadonlyMap<string, Hl7Handler>;

export interface Hl7Receipt {
  /** The ACK's bytes, in the sender's character set (MSH-18). */
  ack: Buffer;
  status: Hl7MessageStatus;
  ackCode: string;
  /** The control id was processed before: the first ACK again, nothing done twice. */
  duplicate: boolean;
}

interface Outcome {
  status: Hl7MessageStatus;
  ackCode: 'AA' | 'AE' | 'AR';
  ack: string;
  error: string | null;
}

/** What is read off a message's header, parsed or not, to store and find it by. */
interface Header {
  sendingApplication: string;
  sendingFacility: string;
  controlId: string | null;
  messageType: string | null;
  version: string | null;
}

/**
 * The HL7 v2 inbox (issue #6 point 1). Every message the MLLP listener hands over is stored
 * raw with its outcome before the sender reads the ACK: AA only after the message and what
 * it changed have committed (original-mode acknowledgment, HL7 v2 chapter 2); AE when it
 * could not be processed (kept; admins replay it); AR when it could not be read or is not a
 * message CareDesk takes. A control id (MSH-10, per sending application and facility) that
 * was processed is answered with its first ACK again and not processed twice.
 */
export class Hl7Inbox {
  constructor(
    private readonly deps: {
      database: Database;
      clock: Clock;
      organizationId: string;
      handlers: Hl7Handlers;
      onError?: (error: unknown, messageId: string) => void;
    },
  ) {}

  async receive(raw: Buffer, remoteAddress: string | null): Promise<Hl7Receipt> {
    const now = this.deps.clock.now();
    let message: Hl7Message;
    try {
      message = parseHl7(raw);
    } catch (e) {
      if (!(e instanceof Hl7ParseError)) throw e;
      return this.reject(raw, remoteAddress, now, e, null);
    }
    const header = headerOf(message);
    const known = await this.known(header);
    if (known?.status === 'processed') {
      if (known.sha256 === sha256(raw))
        return {
          ack: ackBytes(known.ack),
          status: 'processed',
          ackCode: known.ack_code,
          duplicate: true,
        };
      return this.reuse(message, raw, remoteAddress, now, known);
    }
    return this.process(message, raw, remoteAddress, now, known);
  }

  /**
   * A different message under a control id already processed: real feeds reuse ids (every
   * ADT sample of one vendor in the shared corpus is MSG00001). Processing it would break
   * "processed once" if it were a resend with a new timestamp; answering the first ACK
   * would drop it silently. It is refused (AR 205, duplicate key) and kept for admins.
   */
  private reuse(
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
    first: Hl7MessageRow,
  ): Promise<Hl7Receipt> {
    const text = `Control id ${first.control_id ?? ''} was already used by another message (${first.id}).`;
    const ack = ackText(message, now, {
      code: 'AR',
      error: { code: '205', text, location: { segment: 'MSH', field: 10 } },
    });
    // Kept without its control id, which belongs to the first message.
    const header = { ...headerOf(message), controlId: null };
    return this.store(raw, header, remoteAddress, now, null, {
      status: 'rejected',
      ackCode: 'AR',
      ack,
      error: text,
    });
  }

  /** Processes a stored message again that did not go through (an admin's replay). */
  async replay(organizationId: string, id: string): Promise<Hl7Receipt> {
    const row = await findMessage(this.deps.database.db, organizationId, id);
    if (!row) throw new DomainError('not-found', 'problem.not-found', 'No such HL7 message.');
    if (row.status === 'processed')
      throw new DomainError(
        'conflict',
        'hl7.replay.processed',
        'This message was processed already.',
      );
    const now = this.deps.clock.now();
    let message: Hl7Message;
    try {
      message = parseHl7(row.raw);
    } catch (e) {
      if (!(e instanceof Hl7ParseError)) throw e;
      return this.reject(row.raw, row.remote_address, now, e, row);
    }
    return this.process(message, row.raw, row.remote_address, now, row);
  }

  private async process(
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
    known: Hl7MessageRow | null,
  ): Promise<Hl7Receipt> {
    const header = headerOf(message);
    const { code, trigger } = message.messageType;
    const handler = this.deps.handlers.get(`${code}^${trigger}`);
    if (!handler) {
      const error: AckError =
        code === 'ADT'
          ? {
              code: '201',
              text: `ADT^${trigger} is not an event CareDesk takes.`,
              location: { segment: 'MSH', field: 9, component: 2 },
            }
          : {
              code: '200',
              text: `${code} is not a message CareDesk takes.`,
              location: { segment: 'MSH', field: 9, component: 1 },
            };
      const ack = ackText(message, now, { code: 'AR', error });
      return this.store(raw, header, remoteAddress, now, known, {
        status: 'rejected',
        ackCode: 'AR',
        ack,
        error: error.text ?? null,
      });
    }
    const id = known?.id ?? timeOrderedId(now.getTime());
    const outcome: Outcome = {
      status: 'processed',
      ackCode: 'AA',
      ack: ackText(message, now, { code: 'AA' }),
      error: null,
    };
    try {
      await this.deps.database.db.transaction().execute(async (trx) => {
        await this.write(trx, raw, header, remoteAddress, now, known, outcome, id);
        await handler(trx, message, {
          organizationId: this.deps.organizationId,
          messageId: id,
          receivedAt: now,
        });
      });
      return receipt(outcome, false);
    } catch (e) {
      // The same message over another connection committed first: answer as it was answered.
      if (!known && isUniqueViolation(e)) {
        const first = await this.known(header);
        if (first) return this.processAgain(first, message, raw, remoteAddress, now);
      }
      if (!(e instanceof DomainError)) this.deps.onError?.(e, id);
      const text =
        e instanceof DomainError
          ? e.message
          : 'CareDesk could not process this message; it is kept for a retry.';
      const ack = ackText(message, now, { code: 'AE', error: { code: '207', text } });
      return this.store(raw, header, remoteAddress, now, known, {
        status: 'failed',
        ackCode: 'AE',
        ack,
        error: text,
      });
    }
  }

  private processAgain(
    first: Hl7MessageRow,
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
  ): Promise<Hl7Receipt> | Hl7Receipt {
    if (first.status === 'processed')
      return first.sha256 === sha256(raw)
        ? {
            ack: ackBytes(first.ack),
            status: 'processed',
            ackCode: first.ack_code,
            duplicate: true,
          }
        : this.reuse(message, raw, remoteAddress, now, first);
    return this.process(message, raw, remoteAddress, now, first);
  }

  private async reject(
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
    error: Hl7ParseError,
    known: Hl7MessageRow | null,
  ): Promise<Hl7Receipt> {
    const partial = readPartialHeader(raw);
    const first = (f: typeof partial.version) => f[0]?.[0]?.[0] ?? '';
    const header: Header = {
      sendingApplication: first(partial.sendingApplication),
      sendingFacility: first(partial.sendingFacility),
      controlId: partial.controlId || null,
      messageType: null,
      version: first(partial.version) || null,
    };
    return this.store(raw, header, remoteAddress, now, known ?? (await this.known(header)), {
      status: 'rejected',
      ackCode: ackErrorFor(error).code,
      ack: rejectText(raw, error, now),
      error: error.message,
    });
  }

  /** Stores a message's outcome on its own (nothing else was written). */
  private async store(
    raw: Buffer,
    header: Header,
    remoteAddress: string | null,
    now: Date,
    known: Hl7MessageRow | null,
    outcome: Outcome,
  ): Promise<Hl7Receipt> {
    const id = known?.id ?? timeOrderedId(now.getTime());
    try {
      await this.write(this.deps.database.db, raw, header, remoteAddress, now, known, outcome, id);
    } catch (e) {
      if (known || !isUniqueViolation(e)) throw e;
      const first = await this.known(header);
      if (!first) throw e;
      await this.write(
        this.deps.database.db,
        raw,
        header,
        remoteAddress,
        now,
        first,
        outcome,
        first.id,
      );
    }
    return receipt(outcome, false);
  }

  private async write(
    db: Kysely<Schema>,
    raw: Buffer,
    header: Header,
    remoteAddress: string | null,
    now: Date,
    known: Hl7MessageRow | null,
    outcome: Outcome,
    id: string,
  ): Promise<void> {
    const at = now.toISOString();
    const result = {
      status: outcome.status,
      ack_code: outcome.ackCode,
      ack: outcome.ack,
      error: outcome.error,
      last_attempt_at: at,
      processed_at: outcome.status === 'processed' ? at : null,
    };
    const content = {
      raw,
      sha256: sha256(raw),
      size: raw.length,
      message_type: header.messageType,
      version: header.version,
    };
    if (known) return recordAttempt(db, known.id, { ...result, ...content });
    await insertMessage(db, {
      id,
      organization_id: this.deps.organizationId,
      received_at: at,
      remote_address: remoteAddress,
      sending_application: header.sendingApplication,
      sending_facility: header.sendingFacility,
      control_id: header.controlId,
      attempts: 1,
      ...content,
      ...result,
    });
  }

  private async known(header: Header): Promise<Hl7MessageRow | null> {
    if (!header.controlId) return null;
    const key: Hl7ControlKey = {
      organizationId: this.deps.organizationId,
      sendingApplication: header.sendingApplication,
      sendingFacility: header.sendingFacility,
      controlId: header.controlId,
    };
    return findByControl(this.deps.database.db, key);
  }
}

function headerOf(message: Hl7Message): Header {
  const { code, trigger } = message.messageType;
  return {
    sendingApplication: component(message.header, 3),
    sendingFacility: component(message.header, 4),
    controlId: message.controlId || null,
    messageType: `${code}^${trigger}`,
    version: message.version || null,
  };
}

function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

function receipt(outcome: Outcome, duplicate: boolean): Hl7Receipt {
  return {
    ack: ackBytes(outcome.ack),
    status: outcome.status,
    ackCode: outcome.ackCode,
    duplicate,
  };
}
