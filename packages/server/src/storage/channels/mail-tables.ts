/**
 * Inbound e-mail as stored (migration 0012). `raw` is the message exactly as received,
 * byte for byte: a BLOB on SQLite and bytea on PostgreSQL, both read back as a Buffer.
 */

export type InboundMailStatus =
  'received' | 'threaded' | 'new-case' | 'quarantined' | 'released' | 'discarded';

export interface InboundMailTable {
  id: string;
  organization_id: string;
  received_at: string;
  envelope_from: string | null;
  /** JSON array of the RCPT TO addresses. */
  envelope_to: string;
  remote_address: string | null;
  message_id: string | null;
  sha256: string;
  size: number;
  raw: Buffer;
  status: InboundMailStatus;
  reason: string | null;
  case_id: string | null;
  from_address: string | null;
  subject: string | null;
  processed_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
}
