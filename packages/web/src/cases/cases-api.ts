import type { CaseChannel, CasePriority, CaseStatus } from '@caredesk/core/cases';
import { api } from '../api/client';

export type { CaseChannel, CasePriority, CaseStatus } from '@caredesk/core/cases';

/**
 * A case as the API returns it (CaseView in server/src/service-desk/cases/case-views.ts).
 * A patient's copy has no assignee, team, queue, tags or SLA clocks.
 */
export interface CaseView {
  id: string;
  number: number;
  /** What people say on the phone: C-000123. */
  reference: string;
  patientId: string | null;
  caller: { name?: string; phone?: string; email?: string } | null;
  channel: CaseChannel;
  category: string;
  priority: CasePriority;
  status: CaseStatus;
  subject: string;
  language: string;
  assigneeId: string | null;
  teamId: string | null;
  queueId: string | null;
  tags: string[];
  links: Array<{ type: string; id: string }>;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  verifiedAt: string | null;
  sla: {
    state: string;
    firstResponseDue: string | null;
    resolutionDue: string | null;
    dueAt: string | null;
  };
  version: number;
}

export interface CaseMessage {
  id: string;
  at: string;
  authorKind: string;
  authorName: string | null;
  visibility: 'public' | 'internal';
  channel: string;
  /** Plain text: always shown as text, never as markup. */
  body: string;
  safeHtml: string | null;
  /** Files sent with the message; absent from servers older than attachments. */
  attachments?: CaseAttachment[];
}

/** A file on a message, as the server typed it from its bytes (never from its name). */
export interface CaseAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A file to send with a message: its name and its bytes in base64. */
export interface AttachmentUpload {
  filename: string;
  contentBase64: string;
}

export interface CaseEvent {
  at: string;
  actorKind: string;
  actorName: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/** The patient as the case page shows them to staff; null until a caller is verified. */
export interface CasePatient {
  id: string;
  displayName: string;
  firstName: string | null;
  language: string;
}

export interface CaseDetail {
  case: CaseView;
  /** Null for patients, for an unidentified caller, and before a caller is verified. */
  patient?: CasePatient | null;
  /** A phone or walk-in caller not yet verified: no patient details until they are. */
  needsVerification?: boolean;
  /** What macros fill in on this case (staff only). */
  macroFacts?: Record<string, string | null>;
  /** Display names of the staff the case names (assignee, creator); empty for patients. */
  people: Record<string, string>;
  messages: CaseMessage[];
  timeline: CaseEvent[];
}

/** An inbox row: the server names the patient and assignee, or withholds a restricted record. */
export interface InboxCase extends CaseView {
  patientName?: string | null;
  assigneeName?: string | null;
  /** A restricted record outside the reader's reach: no subject, no name. */
  restricted?: boolean;
}

export interface CasePage {
  items: InboxCase[];
  nextCursor: string | null;
}

export type InboxView = 'mine' | 'unassigned' | 'team' | 'queue' | 'all' | 'breaching';

export interface InboxFilters {
  status?: CaseStatus | undefined;
  category?: string | undefined;
  priority?: CasePriority | undefined;
  channel?: CaseChannel | undefined;
}

export interface CasePatch {
  version: number;
  status?: CaseStatus;
  priority?: CasePriority;
  category?: string;
  tags?: string[];
  assigneeId?: string | null;
}

export interface NewCase {
  channel: CaseChannel;
  category: string;
  subject: string;
  message?: string;
  priority?: CasePriority;
  patientId?: string;
  caller?: { name?: string; phone?: string; email?: string };
}

const one = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const patientCases = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/cases`;

/** The staff inbox, sorted by the nearest SLA due time, one keyset page at a time. */
export function fetchInbox(
  view: InboxView,
  filters: InboxFilters,
  cursor: string | null,
  limit = 25,
): Promise<CasePage> {
  const q = new URLSearchParams({ view, limit: String(limit) });
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, String(v));
  if (cursor) q.set('cursor', cursor);
  return api<CasePage>('GET', `/api/cases?${q.toString()}`);
}

export const createCase = (body: NewCase) => api<CaseView>('POST', '/api/cases', body);

export const fetchCase = (caseId: string) => api<CaseDetail>('GET', one(caseId));

export const patchCase = (caseId: string, patch: CasePatch) =>
  api<CaseView>('PATCH', one(caseId), patch);

export const sendMessage = (
  caseId: string,
  body: {
    body: string;
    visibility: 'public' | 'internal';
    status?: CaseStatus;
    attachments?: AttachmentUpload[];
  },
) => api<{ case: CaseView; messageId: string }>('POST', `${one(caseId)}/messages`, body);

/** Where a file on a case downloads from (Content-Disposition: attachment, never shown inline). */
export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `${one(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Category codes, and the names an organization gave the ones it added, by language. */
export interface CaseCategories {
  items: string[];
  labels?: Record<string, Record<string, string>>;
}

export const fetchCategories = () => api<CaseCategories>('GET', '/api/desk/categories');

/** A patient's own requests, newest first. */
export function fetchPatientCases(patientId: string, cursor: string | null): Promise<CasePage> {
  const q = new URLSearchParams({ limit: '20' });
  if (cursor) q.set('cursor', cursor);
  return api<CasePage>('GET', `${patientCases(patientId)}?${q.toString()}`);
}

/** "Get help": a patient opens a request from the portal. */
export const openPatientRequest = (
  patientId: string,
  body: { category: string; subject: string; message: string },
) => api<CaseView>('POST', patientCases(patientId), body);

export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  status: string;
}

/** Staff to assign a case to (admin.teams: supervisors and administrators). */
export const fetchStaff = () =>
  api<{ items: StaffMember[] }>('GET', '/api/admin/staff?limit=200').then((r) => r.items);

/** What an agent checks a caller against; two must match (server: case-identity.ts). */
export const VERIFICATION_IDENTIFIERS = [
  'name',
  'date-of-birth',
  'address',
  'phone',
  'email',
  'mrn',
  'member-id',
] as const;
export type VerificationIdentifier = (typeof VERIFICATION_IDENTIFIERS)[number];

/**
 * Records that the caller matched these identifiers (never their values); for an
 * unidentified caller, also which patient they are.
 */
export const verifyCaller = (
  caseId: string,
  identifiers: VerificationIdentifier[],
  patientId?: string,
) =>
  api<CaseView>('POST', `${one(caseId)}/verification`, {
    identifiers,
    ...(patientId ? { patientId } : {}),
  });
