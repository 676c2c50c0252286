import { api } from '../../api/client';

/** The lists of GET /api/mail/quarantine?status=… */
export const QUARANTINE_VIEWS = [
  'quarantined',
  'new-case',
  'threaded',
  'released',
  'discarded',
] as const;
export type QuarantineView = (typeof QUARANTINE_VIEWS)[number];

/** An inbound message as the quarantine lists it. */
export interface QuarantinedMail {
  id: string;
  receivedAt: string;
  status: string;
  reason: string | null;
  from: string | null;
  subject: string | null;
  size: number;
  caseId: string | null;
  decidedAt: string | null;
}

/** GET /api/mail/quarantine/:id: headers and the sanitised body, never raw HTML. */
export interface QuarantinedMailDetail extends QuarantinedMail {
  headers: Array<{ name: string; value: string }>;
  text: string;
  /** Allow-list sanitised by the server: text formatting only. */
  safeHtml: string | null;
  attachments: Array<{ filename: string; contentType: string; size: number; sha256: string }>;
  withheld: string[];
}

export const fetchQuarantine = (view: QuarantineView, cursor: string | null) =>
  api<{ items: QuarantinedMail[]; nextCursor: string | null }>(
    'GET',
    `/api/mail/quarantine?status=${view}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );

export const fetchQuarantinedMail = (id: string) =>
  api<QuarantinedMailDetail>('GET', `/api/mail/quarantine/${encodeURIComponent(id)}`);

export const releaseMail = (id: string) =>
  api<{ caseId: string }>('POST', `/api/mail/quarantine/${encodeURIComponent(id)}/release`);

export const discardMail = (id: string) =>
  api<unknown>('POST', `/api/mail/quarantine/${encodeURIComponent(id)}/discard`);
