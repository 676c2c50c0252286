import { createHash } from 'node:crypto';
import { component, type Hl7Message } from '@caredesk/interop/hl7v2';
import { sql, type Kysely } from 'kysely';
import type { Hl7MessageStatus } from '../storage/care-transitions/hl7-tables';
import type { Database } from '../storage/database';
import type { Schema } from '../storage/schema';
import { timeOrderedId } from '../storage/time-ordered-id';
import { ackBytes } from './hl7-acks';

/**
 * Where one message's reads and writes go. A message received alone has transactions of
 * its own; a message of a batch (consecutive frames of one connection, committed together)
 * reads and writes through the batch's transaction, and what must be all-or-nothing for
 * that message runs in a savepoint, so a message that fails takes only its own writes back.
 */
export interface InboxScope {
  db: Kysely<Schema>;
  /** Runs `work` all or nothing: a transaction of its own, or a savepoint in the batch's. */
  atomic<T>(work: (trx: Kysely<Schema>) => Promise<T>): Promise<T>;
}

/** Each message in its own transactions (replays, and messages received one by one). */
export function ownTransactions(database: Database): InboxScope {
  return {
    db: database.db,
    atomic: (work) => database.db.transaction().execute(work),
  };
}

/** Messages inside one batch transaction, each atomic in a savepoint of its own. */
export function batchScope(trx: Kysely<Schema>): InboxScope {
  return {
    db: trx,
    atomic: async (work) => {
      // Savepoints nest by name on both engines (https://www.sqlite.org/lang_savepoint.html,
      // https://www.postgresql.org/docs/current/sql-savepoint.html); the innermost is meant.
      await sql`SAVEPOINT hl7_message`.execute(trx);
      try {
        const value = await work(trx);
        await sql`RELEASE hl7_message`.execute(trx);
        return value;
      } catch (error) {
        // PostgreSQL refuses every statement after an error until this rollback.
        await sql`ROLLBACK TO hl7_message`.execute(trx);
        await sql`RELEASE hl7_message`.execute(trx);
        throw error;
      }
    },
  };
}

export interface Outcome {
  status: Hl7MessageStatus;
  ackCode: 'AA' | 'AE' | 'AR';
  ack: string;
  /** The ACK's error text (English: HL7 v2 gives ERR-8 no language). */
  error: string | null;
  /** The same reason as a catalog key (hl7.*), which admins read in their language. */
  errorKey: string | null;
}

/** What is read off a message's header, parsed or not, to store and find it by. */
export interface Header {
  sendingApplication: string;
  sendingFacility: string;
  controlId: string | null;
  messageType: string | null;
  version: string | null;
}

export interface Hl7Receipt {
  /** The ACK's bytes, in the sender's character set (MSH-18). */
  ack: Buffer;
  status: Hl7MessageStatus;
  ackCode: string;
  /** The control id was processed before: the first ACK again, nothing done twice. */
  duplicate: boolean;
}

export function headerOf(message: Hl7Message): Header {
  const { code, trigger } = message.messageType;
  return {
    sendingApplication: component(message.header, 3),
    sendingFacility: component(message.header, 4),
    controlId: message.controlId || null,
    messageType: `${code}^${trigger}`,
    version: message.version || null,
  };
}

export function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * The stored row an attempt is recorded on: the known message's own when these are its
 * bytes (a resend, or an admin's replay); a new row when a different message arrives
 * under a control id that failed or was refused before (the first is kept, superseded).
 */
export function attemptId(
  known: { id: string; sha256: string } | null,
  raw: Buffer,
  now: Date,
): string {
  return known && known.sha256 === sha256(raw) ? known.id : timeOrderedId(now.getTime());
}

export function receipt(outcome: Outcome, duplicate: boolean): Hl7Receipt {
  return {
    ack: ackBytes(outcome.ack),
    status: outcome.status,
    ackCode: outcome.ackCode,
    duplicate,
  };
}
