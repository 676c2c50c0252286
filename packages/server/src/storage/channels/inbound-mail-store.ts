import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Schema } from '../schema';
import type { InboundMailStatus, InboundMailTable } from './mail-tables';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface NewInboundMail {
  organizationId: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  remoteAddress: string | null;
  messageId: string | null;
  sha256: string;
  raw: Buffer;
}

/** An inbound message without its raw bytes (lists, decisions). */
export type InboundMailSummary = Omit<Selectable<InboundMailTable>, 'raw'>;
export type InboundMailRow = Selectable<InboundMailTable>;

const SUMMARY_COLUMNS = [
  'id',
  'organization_id',
  'received_at',
  'envelope_from',
  'envelope_to',
  'remote_address',
  'message_id',
  'sha256',
  'size',
  'status',
  'reason',
  'case_id',
  'from_address',
  'subject',
  'processed_at',
  'decided_by',
  'decided_at',
] as const;

/**
 * Inserts a received message, unless the same bytes are already stored for the organization
 * (a sender retrying after our commit but before it read the 250): then nothing is written
 * and the first copy's id comes back with `duplicate: true`.
 */
export async function insertInboundMail(
  trx: Db,
  mail: NewInboundMail,
  now: Date,
): Promise<{ id: string; duplicate: boolean }> {
  const id = randomUUID();
  const inserted = await trx
    .insertInto('inbound_mail')
    .values({
      id,
      organization_id: mail.organizationId,
      received_at: now.toISOString(),
      envelope_from: mail.envelopeFrom,
      envelope_to: JSON.stringify(mail.envelopeTo),
      remote_address: mail.remoteAddress,
      message_id: mail.messageId,
      sha256: mail.sha256,
      size: mail.raw.length,
      raw: mail.raw,
      status: 'received',
      reason: null,
      case_id: null,
      from_address: null,
      subject: null,
      processed_at: null,
      decided_by: null,
      decided_at: null,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id, duplicate: false };
  // On PostgreSQL the insert waited for a concurrent transaction holding the same digest;
  // under READ COMMITTED this statement takes a fresh snapshot and sees its row.
  const existing = await trx
    .selectFrom('inbound_mail')
    .select('id')
    .where('organization_id', '=', mail.organizationId)
    .where('sha256', '=', mail.sha256)
    .executeTakeFirstOrThrow();
  return { id: existing.id, duplicate: true };
}

export async function loadInboundMail(db: Db, id: string): Promise<InboundMailRow | undefined> {
  return db.selectFrom('inbound_mail').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInboundMail(
  db: Db,
  organizationId: string,
  id: string,
): Promise<InboundMailSummary | undefined> {
  return db
    .selectFrom('inbound_mail')
    .select(SUMMARY_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface MailOutcome {
  status: Exclude<InboundMailStatus, 'received'>;
  reason: string | null;
  caseId: string | null;
  fromAddress: string | null;
  subject: string | null;
}

/**
 * Records how a message was processed, once: only a row still 'received' changes, so a
 * redelivered job cannot overwrite an outcome (or an admin's later decision).
 */
export async function recordOutcome(
  db: Db,
  id: string,
  outcome: MailOutcome,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('inbound_mail')
    .set({
      status: outcome.status,
      reason: outcome.reason,
      case_id: outcome.caseId,
      from_address: outcome.fromAddress,
      subject: outcome.subject,
      processed_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An admin's decision on a quarantined message; false when it was no longer quarantined. */
export async function recordDecision(
  db: Db,
  organizationId: string,
  id: string,
  decision: { status: 'released' | 'discarded'; caseId: string | null; by: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('inbound_mail')
    .set({
      status: decision.status,
      case_id: decision.caseId,
      decided_by: decision.by,
      decided_at: now.toISOString(),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'quarantined')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface InboundMailPage {
  items: InboundMailSummary[];
  nextCursor: string | null;
}

/** Messages in one status, newest first, by keyset on (received_at, id). */
export async function listInboundMail(
  db: Db,
  organizationId: string,
  options: { status: InboundMailStatus; flaggedOnly?: boolean; limit: number; cursor?: string },
): Promise<InboundMailPage> {
  let q = db
    .selectFrom('inbound_mail')
    .select(SUMMARY_COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('status', '=', options.status);
  if (options.flaggedOnly) q = q.where('reason', 'is not', null);
  if (options.cursor) {
    const [at, id] = decodeCursor(options.cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > options.limit && last ? encodeCursor([last.received_at, last.id]) : null,
  };
}
