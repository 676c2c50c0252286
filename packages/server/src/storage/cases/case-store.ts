import {
  BUILT_IN_CASE_CATEGORIES,
  DomainError,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
} from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Schema } from '../schema';
import type { Page } from '../patients/patient-search';
import type { CaseMessagesTable, CasesTable } from './case-tables';

export type CaseRow = Selectable<CasesTable>;

/**
 * The columns a case's API view is made of (case-views.ts). Lists read only these: turning
 * a column into a JS value is most of a list read's cost (34 columns × 26 rows per page).
 */
export const CASE_VIEW_COLUMNS = [
  'id',
  'number',
  'patient_id',
  'caller',
  'channel',
  'category',
  'priority',
  'status',
  'subject',
  'language',
  'assignee_id',
  'team_id',
  'queue_id',
  'tags',
  'links',
  'created_at',
  'updated_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'verified_at',
  'sla_state',
  'sla_first_response_due',
  'sla_resolution_due',
  'sla_sort',
  'version',
] as const satisfies ReadonlyArray<keyof CasesTable>;

export type CaseViewRow = Pick<CaseRow, (typeof CASE_VIEW_COLUMNS)[number]>;
export type CaseMessageRow = Selectable<CaseMessagesTable>;

/** Sort key of a case with no running SLA clock: after every real instant. */
export const NO_DUE = '9999-12-31T23:59:59.999Z';

/**
 * The next case number of an organization, taken inside the creating transaction. One
 * upsert, so two first cases opened at once cannot both insert the counter (PostgreSQL's
 * row lock then serialises the increments; SQLite has one writer anyway).
 */
export async function nextCaseNumber(trx: Kysely<Schema>, organizationId: string): Promise<number> {
  const r = await trx
    .insertInto('case_counters')
    .values({ organization_id: organizationId, last_number: 1 })
    .onConflict((oc) =>
      oc
        .column('organization_id')
        .doUpdateSet((eb) => ({ last_number: eb('case_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(r.last_number);
}

export interface CaseEventInput {
  caseId: string;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  kind: string;
  data: Record<string, unknown>;
}

export async function appendCaseEvent(trx: Kysely<Schema>, e: CaseEventInput): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: e.caseId,
      at: e.at,
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      kind: e.kind,
      data: JSON.stringify(e.data),
    })
    .execute();
}

/** Built-in categories plus the organization's own, active ones (issue #5 §1). */
export async function caseCategoryCodes(
  db: Kysely<Schema>,
  organizationId: string,
): Promise<string[]> {
  const own = await db
    .selectFrom('case_categories')
    .select('code')
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .execute();
  return [...BUILT_IN_CASE_CATEGORIES, ...own.map((r) => r.code)];
}

/** Whether a case may carry this category: a built-in one needs no read. */
export async function isCaseCategory(
  db: Kysely<Schema>,
  organizationId: string,
  code: string,
): Promise<boolean> {
  if ((BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(code)) return true;
  return (await caseCategoryCodes(db, organizationId)).includes(code);
}

/** Whose a case is, for the access decision on case routes (architecture rule 1). */
export async function caseOwner(
  db: Kysely<Schema>,
  id: string,
): Promise<{ organizationId: string; patientId: string | null } | null> {
  const r = await db
    .selectFrom('cases')
    .select(['organization_id', 'patient_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { organizationId: r.organization_id, patientId: r.patient_id } : null;
}

export function loadCase(db: Kysely<Schema>, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes a change to a case only if nobody changed it since `version` was read. */
export async function updateCaseRow(
  trx: Kysely<Schema>,
  id: string,
  version: number,
  patch: Partial<Omit<CaseRow, 'id' | 'organization_id' | 'number' | 'version'>>,
): Promise<void> {
  const r = await trx
    .updateTable('cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new DomainError(
      'conflict',
      'case.version-conflict',
      'Someone else changed this case; reload it and try again.',
    );
}

export interface InboxFilter {
  organizationId: string;
  /** Whose cases: one agent's, a team's, a queue's, the unassigned ones, or all. */
  assigneeId?: string | null;
  teamId?: string;
  queueId?: string;
  unassigned?: boolean;
  /** Active cases (default) or one status. */
  status?: CaseStatus;
  category?: string;
  priority?: CasePriority;
  channel?: CaseChannel;
  /** Only cases whose nearest SLA due instant is before this (breaching soon). */
  dueBefore?: string;
}

/**
 * An inbox page, sorted by the nearest SLA due instant (most urgent first), keyset-paginated
 * on (sla_sort, id) so page N costs the same as page 1 (architecture rule 8).
 */
export async function listInbox(
  db: Kysely<Schema>,
  f: InboxFilter,
  limit: number,
  cursor?: string,
): Promise<Page<CaseViewRow>> {
  let q = db
    .selectFrom('cases')
    .select(CASE_VIEW_COLUMNS)
    .where('organization_id', '=', f.organizationId);
  if (f.status) q = q.where('status', '=', f.status);
  else q = q.where('is_active', '=', 1);
  if (f.unassigned) q = q.where('assignee_id', 'is', null);
  else if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.teamId) q = q.where('team_id', '=', f.teamId);
  if (f.queueId) q = q.where('queue_id', '=', f.queueId);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.priority) q = q.where('priority', '=', f.priority);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.dueBefore) q = q.where('sla_sort', '<', f.dueBefore);
  if (cursor) {
    const [sort, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('sla_sort', '>', sort), eb.and([eb('sla_sort', '=', sort), eb('id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('sla_sort')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sla_sort, last.id]) : null,
  };
}

/** A patient's cases, newest first ("my requests" in the portal). */
export async function listPatientCases(
  db: Kysely<Schema>,
  patientId: string,
  limit: number,
  cursor?: string,
): Promise<Page<CaseViewRow>> {
  let q = db.selectFrom('cases').select(CASE_VIEW_COLUMNS).where('patient_id', '=', patientId);
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

/** The position the next message of a case takes, read inside the writing transaction. */
export async function nextMessagePosition(trx: Kysely<Schema>, caseId: string): Promise<number> {
  const r = await trx
    .selectFrom('case_messages')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(r?.last ?? 0) + 1;
}

export function loadMessages(db: Kysely<Schema>, caseId: string): Promise<CaseMessageRow[]> {
  return db
    .selectFrom('case_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export function loadEvents(db: Kysely<Schema>, caseId: string) {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}
