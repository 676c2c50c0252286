import type { Kysely, Selectable, Transaction } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Page } from '../patients/patient-search';
import type { Schema } from '../schema';
import type { Hl7MessageStatus, Hl7MessagesTable } from './hl7-tables';

type Db = Kysely<Schema> | Transaction<Schema>;

export type Hl7MessageRow = Selectable<Hl7MessagesTable>;
/** A stored message without its raw bytes (the admins' list). */
export type Hl7MessageSummary = Omit<Hl7MessageRow, 'raw'>;

/** Who sent a message and its control id: what makes a message the same message. */
export interface Hl7ControlKey {
  organizationId: string;
  sendingApplication: string;
  sendingFacility: string;
  controlId: string;
}

const SUMMARY_COLUMNS = [
  'id',
  'organization_id',
  'received_at',
  'remote_address',
  'sending_application',
  'sending_facility',
  'control_id',
  'message_type',
  'version',
  'sha256',
  'size',
  'status',
  'ack_code',
  'ack',
  'error',
  'error_key',
  'attempts',
  'last_attempt_at',
  'processed_at',
  'superseded_by',
] as const;

export async function findByControl(db: Db, key: Hl7ControlKey): Promise<Hl7MessageRow | null> {
  const row = await db
    .selectFrom('hl7_messages')
    .selectAll()
    .where('organization_id', '=', key.organizationId)
    .where('sending_application', '=', key.sendingApplication)
    .where('sending_facility', '=', key.sendingFacility)
    .where('control_id', '=', key.controlId)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Hands a failed or rejected message's control id to a different message that arrived
 * under it: the first stays as received, with its outcome, marked with the one that took
 * its place.
 */
export async function supersede(db: Db, id: string, by: string): Promise<void> {
  await db.updateTable('hl7_messages').set({ superseded_by: by }).where('id', '=', id).execute();
}

export async function findMessage(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Hl7MessageRow | null> {
  const row = await db
    .selectFrom('hl7_messages')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** A new message with its outcome. A unique violation means another copy won the race. */
export async function insertMessage(db: Db, row: Hl7MessageRow): Promise<void> {
  await db.insertInto('hl7_messages').values(row).execute();
}

/**
 * A later attempt at a stored message: an admin's replay, or the sender's repeat of one that
 * was not processed, whose bytes (a corrected message) replace the stored ones.
 */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: Pick<
    Hl7MessageRow,
    | 'status'
    | 'ack_code'
    | 'ack'
    | 'error'
    | 'error_key'
    | 'last_attempt_at'
    | 'processed_at'
    | 'raw'
    | 'sha256'
    | 'size'
    | 'message_type'
    | 'version'
  >,
): Promise<void> {
  await db
    .updateTable('hl7_messages')
    .set((eb) => ({ ...outcome, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** The admins' list: one status (or all), newest first, keyset-paginated on (received_at, id). */
export async function listMessages(
  db: Db,
  organizationId: string,
  status: Hl7MessageStatus | null,
  limit: number,
  cursor?: string,
): Promise<Page<Hl7MessageSummary>> {
  let q = db
    .selectFrom('hl7_messages')
    .select(SUMMARY_COLUMNS)
    .where('organization_id', '=', organizationId);
  // A failure a later message under the same control id replaced needs no one's attention:
  // it is left out of the status lists, and shown with the whole feed.
  if (status) q = q.where('status', '=', status).where('superseded_by', 'is', null);
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.received_at, last.id]) : null,
  };
}
