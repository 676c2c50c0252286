/**
 * HL7 v2 messages as stored (migration 0019). `raw` is the frame's payload exactly as
 * received, byte for byte (its charset is MSH-18's): a BLOB on SQLite and bytea on
 * PostgreSQL, both read back as a Buffer.
 */
export type Hl7MessageStatus = 'processed' | 'failed' | 'rejected';

export interface Hl7MessagesTable {
  id: string;
  organization_id: string;
  received_at: string;
  remote_address: string | null;
  sending_application: string;
  sending_facility: string;
  control_id: string | null;
  message_type: string | null;
  version: string | null;
  sha256: string;
  size: number;
  raw: Buffer;
  status: Hl7MessageStatus;
  ack_code: string;
  ack: string;
  /** The ACK's error text, in English as the sender was sent it. */
  error: string | null;
  /** The same reason as a message-catalog key (hl7.*), for admins' own language (0026). */
  error_key: string | null;
  attempts: number;
  last_attempt_at: string;
  processed_at: string | null;
  /** A later, different message that took this one's control id (migration 0021). */
  superseded_by: string | null;
}
