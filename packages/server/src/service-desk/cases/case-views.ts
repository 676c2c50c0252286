import type { AccessContext, CaseLink, Caller } from '@caredesk/core';
import type { CaseMessageRow, CaseViewRow } from '../../storage/cases/case-store';
import { NO_DUE } from '../../storage/cases/case-store';

/** A case as the API returns it. */
export interface CaseView {
  id: string;
  number: number;
  /** What people say on the phone and see in e-mail subjects: C-000123. */
  reference: string;
  patientId: string | null;
  caller: Caller | null;
  channel: string;
  category: string;
  priority: string;
  status: string;
  subject: string;
  language: string;
  assigneeId: string | null;
  teamId: string | null;
  queueId: string | null;
  tags: string[];
  links: CaseLink[];
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

export interface CaseMessageView {
  id: string;
  at: string;
  authorKind: string;
  authorName: string | null;
  visibility: 'public' | 'internal';
  channel: string;
  body: string;
  /** Sanitised HTML of an inbound e-mail, when it had any; never raw HTML. */
  safeHtml: string | null;
  attachments: Array<{ id: string; filename: string; contentType: string; size: number }>;
}

export interface CaseEventView {
  at: string;
  actorKind: string;
  actorName: string | null;
  kind: string;
  data: Record<string, unknown>;
}

export function caseReference(n: number): string {
  return `C-${String(n).padStart(6, '0')}`;
}

export function toCaseView(r: CaseViewRow): CaseView {
  return {
    id: r.id,
    number: Number(r.number),
    reference: caseReference(Number(r.number)),
    patientId: r.patient_id,
    caller: r.caller ? (JSON.parse(r.caller) as Caller) : null,
    channel: r.channel,
    category: r.category,
    priority: r.priority,
    status: r.status,
    subject: r.subject,
    language: r.language,
    assigneeId: r.assignee_id,
    teamId: r.team_id,
    queueId: r.queue_id,
    tags: JSON.parse(r.tags) as string[],
    links: JSON.parse(r.links) as CaseLink[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    verifiedAt: r.verified_at,
    sla: {
      state: r.sla_state,
      firstResponseDue: r.sla_first_response_due,
      resolutionDue: r.sla_resolution_due,
      dueAt: r.sla_sort === NO_DUE ? null : r.sla_sort,
    },
    version: Number(r.version),
  };
}

export function toMessageView(
  m: CaseMessageRow,
  attachments: CaseMessageView['attachments'] = [],
): CaseMessageView {
  return {
    attachments,
    id: m.id,
    at: m.at,
    authorKind: m.author_kind,
    authorName: m.author_name,
    visibility: m.visibility === 'internal' ? 'internal' : 'public',
    channel: m.channel,
    body: m.body,
    safeHtml: m.safe_html,
  };
}

/** Who acted, for timelines and message authorship. */
export interface CaseActor {
  kind: 'staff' | 'patient' | 'caregiver' | 'api-token' | 'system' | 'email';
  id: string | null;
  name: string | null;
}

export function actorOf(ctx: AccessContext): CaseActor {
  const p = ctx.principal;
  if (!p) return { kind: 'system', id: null, name: 'CareDesk' };
  if (p.kind === 'api-token') return { kind: 'api-token', id: p.tokenId, name: p.displayName };
  return { kind: p.kind, id: p.accountId, name: p.displayName };
}

/** Patients and caregivers read the conversation, never staff-only notes or routing. */
export function isPatientSide(ctx: AccessContext): boolean {
  const k = ctx.principal?.kind;
  return k === 'patient' || k === 'caregiver';
}

/** The timeline events a patient may see: what happened to their request, not who routed it. */
export const PATIENT_VISIBLE_EVENTS = new Set(['created', 'status', 'reopened', 'message']);
