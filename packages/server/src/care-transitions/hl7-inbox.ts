import { DomainError, type Clock } from '@caredesk/core';
import {
  Hl7ParseError,
  parseHl7,
  readPartialHeader,
  type Hl7Message,
} from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import {
  findByControl,
  findMessage,
  insertMessage,
  recordAttempt,
  supersede,
  type Hl7ControlKey,
  type Hl7MessageRow,
} from '../storage/care-transitions/hl7-message-store';
import type { Database } from '../storage/database';
import { GroupCommit } from '../storage/group-commit';
import type { Schema } from '../storage/schema';
import { isUniqueViolation } from '../storage/unique-violation';
import { ackBytes } from './hl7-acks';
import { accepted, controlIdTaken, failed, notTaken, unparsed } from './hl7-outcomes';
import {
  attemptId,
  batchScope,
  headerOf,
  ownTransactions,
  receipt,
  sha256,
  type Header,
  type Hl7Receipt,
  type InboxScope,
  type Outcome,
} from './hl7-inbox-scope';

export type { Hl7Receipt } from './hl7-inbox-scope';

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

/**
 * The HL7 v2 inbox (issue #6 point 1). Every message the MLLP listener hands over is stored
 * raw with its outcome before the sender reads the ACK: AA only after the message and what
 * it changed have committed (original-mode acknowledgment, HL7 v2 chapter 2); AE when it
 * could not be processed (kept; admins replay it); AR when it could not be read or is not a
 * message CareDesk takes. A control id (MSH-10, per sending application and facility) that
 * was processed is answered with its first ACK again and not processed twice.
 */
export class Hl7Inbox {
  private readonly own: InboxScope;
  private readonly writes: GroupCommit;

  constructor(
    private readonly deps: {
      database: Database;
      clock: Clock;
      organizationId: string;
      handlers: Hl7Handlers;
      onError?: (error: unknown, messageId: string) => void;
      /**
       * Shares batch commits with other writers (on SQLite, the server's group commit that
       * syncs the WAL off the event loop); by default one of the inbox's own.
       */
      writes?: GroupCommit;
    },
  ) {
    this.own = ownTransactions(deps.database);
    this.writes = deps.writes ?? new GroupCommit(deps.database);
  }

  /** One message, in transactions of its own. */
  receive(raw: Buffer, remoteAddress: string | null): Promise<Hl7Receipt> {
    return this.receiveIn(this.own, raw, remoteAddress);
  }

  /**
   * Consecutive messages of one connection, in order, in ONE transaction (and on SQLite
   * one commit and one WAL sync): a sender that sends several frames without waiting pays
   * for durability once, not per message. Each keeps its own outcome: it sees what the
   * messages before it wrote (an A03 after its A04, a repeat of a control id), one that
   * fails (AE) is rolled back alone to its savepoint and stored as failed, one refused
   * (AR) is stored as refused. The receipts resolve only once the batch is durable; if the
   * batch itself cannot commit, nothing of it is kept and the promise rejects.
   *
   * A batch of one is received alone: a sender waiting for each ACK is bound by latency,
   * and its own transaction is the shortest way to a durable commit (through the group
   * commit, one message at a time went from about 410 to 290 msg/s, measured back to back).
   */
  async receiveBatch(raws: readonly Buffer[], remoteAddress: string | null): Promise<Hl7Receipt[]> {
    if (raws.length === 1) return [await this.receive(raws[0]!, remoteAddress)];
    return this.writes.run(async (trx) => {
      const scope = batchScope(trx);
      const receipts: Hl7Receipt[] = [];
      for (const raw of raws) receipts.push(await this.receiveIn(scope, raw, remoteAddress));
      return receipts;
    });
  }

  private async receiveIn(
    scope: InboxScope,
    raw: Buffer,
    remoteAddress: string | null,
  ): Promise<Hl7Receipt> {
    const now = this.deps.clock.now();
    let message: Hl7Message;
    try {
      message = parseHl7(raw);
    } catch (e) {
      if (!(e instanceof Hl7ParseError)) throw e;
      return this.reject(scope, raw, remoteAddress, now, e, null);
    }
    const known = await this.known(scope, headerOf(message));
    if (known?.status === 'processed')
      return this.processAgain(scope, known, message, raw, remoteAddress, now);
    return this.process(scope, message, raw, remoteAddress, now, known);
  }

  /**
   * A different message under a control id already processed: real feeds reuse ids (every
   * ADT sample of one vendor in the shared corpus is MSG00001). Processing it would break
   * "processed once" if it were a resend with a new timestamp; answering the first ACK
   * would drop it silently. It is refused (AR 205, duplicate key) and kept for admins.
   */
  private reuse(
    scope: InboxScope,
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
    first: Hl7MessageRow,
  ): Promise<Hl7Receipt> {
    // Kept without its control id, which belongs to the first message.
    const header = { ...headerOf(message), controlId: null };
    const outcome = controlIdTaken(message, now, first);
    return this.store(scope, raw, header, remoteAddress, now, null, outcome);
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
    if (row.superseded_by)
      throw new DomainError(
        'conflict',
        'hl7.replay.superseded',
        `A later message (${row.superseded_by}) took this message's control id.`,
      );
    const now = this.deps.clock.now();
    let message: Hl7Message;
    try {
      message = parseHl7(row.raw);
    } catch (e) {
      if (!(e instanceof Hl7ParseError)) throw e;
      return this.reject(this.own, row.raw, row.remote_address, now, e, row);
    }
    return this.process(this.own, message, row.raw, row.remote_address, now, row);
  }

  private async process(
    scope: InboxScope,
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
    known: Hl7MessageRow | null,
  ): Promise<Hl7Receipt> {
    const header = headerOf(message);
    const { code, trigger } = message.messageType;
    const handler = this.deps.handlers.get(`${code}^${trigger}`);
    if (!handler)
      return this.store(scope, raw, header, remoteAddress, now, known, notTaken(message, now));
    const id = attemptId(known, raw, now);
    const outcome = accepted(message, now);
    try {
      await scope.atomic(async (trx) => {
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
        const first = await this.known(scope, header);
        if (first) return this.processAgain(scope, first, message, raw, remoteAddress, now);
      }
      if (!(e instanceof DomainError)) this.deps.onError?.(e, id);
      return this.store(scope, raw, header, remoteAddress, now, known, failed(message, now, e));
    }
  }

  /** A control id seen before: the first ACK for the same bytes, else processed or refused. */
  private processAgain(
    scope: InboxScope,
    first: Hl7MessageRow,
    message: Hl7Message,
    raw: Buffer,
    remoteAddress: string | null,
    now: Date,
  ): Promise<Hl7Receipt> {
    if (first.status === 'processed')
      return first.sha256 === sha256(raw)
        ? Promise.resolve({
            ack: ackBytes(first.ack),
            status: 'processed',
            ackCode: first.ack_code,
            duplicate: true,
          })
        : this.reuse(scope, message, raw, remoteAddress, now, first);
    return this.process(scope, message, raw, remoteAddress, now, first);
  }

  private async reject(
    scope: InboxScope,
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
    const stored = known ?? (await this.known(scope, header));
    return this.store(scope, raw, header, remoteAddress, now, stored, unparsed(raw, now, error));
  }

  /** Stores a message's outcome on its own (nothing else was written). */
  private async store(
    scope: InboxScope,
    raw: Buffer,
    header: Header,
    remoteAddress: string | null,
    now: Date,
    known: Hl7MessageRow | null,
    outcome: Outcome,
  ): Promise<Hl7Receipt> {
    const id = attemptId(known, raw, now);
    try {
      await scope.atomic((trx) =>
        this.write(trx, raw, header, remoteAddress, now, known, outcome, id),
      );
    } catch (e) {
      if (known || !isUniqueViolation(e)) throw e;
      const first = await this.known(scope, header);
      if (!first) throw e;
      await scope.atomic((trx) =>
        this.write(trx, raw, header, remoteAddress, now, first, outcome, first.id),
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
      error_key: outcome.errorKey,
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
    if (known?.id === id) return recordAttempt(db, id, { ...result, ...content });
    // A different message under a failed or rejected one's control id: both are kept.
    if (known) await supersede(db, known.id, id);
    await insertMessage(db, {
      id,
      organization_id: this.deps.organizationId,
      received_at: at,
      remote_address: remoteAddress,
      sending_application: header.sendingApplication,
      sending_facility: header.sendingFacility,
      control_id: header.controlId,
      attempts: 1,
      superseded_by: null,
      ...content,
      ...result,
    });
  }

  private async known(scope: InboxScope, header: Header): Promise<Hl7MessageRow | null> {
    if (!header.controlId) return null;
    const key: Hl7ControlKey = {
      organizationId: this.deps.organizationId,
      sendingApplication: header.sendingApplication,
      sendingFacility: header.sendingFacility,
      controlId: header.controlId,
    };
    return findByControl(scope.db, key);
  }
}
