import { api } from '../../api/client';
import type { MessageKey } from '../../i18n/languages';

/** The lists the page offers: GET /api/hl7/messages?status=… ('all' leaves status out). */
export const HL7_VIEWS = ['failed', 'rejected', 'processed', 'all'] as const;
export type Hl7View = (typeof HL7_VIEWS)[number];

/** A message of the HL7 v2 feed as the API lists it (no content). */
export interface Hl7MessageSummary {
  id: string;
  receivedAt: string;
  remoteAddress: string | null;
  sendingApplication: string | null;
  sendingFacility: string | null;
  controlId: string | null;
  messageType: string | null;
  version: string | null;
  size: number;
  sha256: string;
  status: 'processed' | 'failed' | 'rejected';
  ackCode: string | null;
  /** Why it failed or was refused, in English as the ACK told the sender. */
  error: string | null;
  /** The same reason as a catalog key, to read it in the admin's language (null if none). */
  errorKey: MessageKey | null;
  attempts: number;
  lastAttemptAt: string | null;
  processedAt: string | null;
  /** A later, different message took this one's control id; this one stays as received. */
  supersededBy: string | null;
}

/** GET /api/hl7/messages/:id: also the message as received and the ACK it got, one segment per line. */
export interface Hl7MessageDetail extends Hl7MessageSummary {
  text: string;
  ack: string;
}

/** The list's address: 'all' leaves the status out; the cursor is the server's, passed back as is. */
export function hl7ListPath(view: Hl7View, cursor: string | null): string {
  const query = new URLSearchParams({ limit: '25' });
  if (view !== 'all') query.set('status', view);
  if (cursor) query.set('cursor', cursor);
  return `/api/hl7/messages?${query.toString()}`;
}

export const fetchHl7Messages = (view: Hl7View, cursor: string | null) =>
  api<{ items: Hl7MessageSummary[]; nextCursor: string | null }>('GET', hl7ListPath(view, cursor));

export const fetchHl7Message = (id: string) =>
  api<Hl7MessageDetail>('GET', `/api/hl7/messages/${encodeURIComponent(id)}`);

export const replayHl7Message = (id: string) =>
  api<{ id: string; status: Hl7MessageSummary['status']; ackCode: string }>(
    'POST',
    `/api/hl7/messages/${encodeURIComponent(id)}/replay`,
  );
