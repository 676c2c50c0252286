import type { BreakGlassGrant, SummaryDocFields } from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import type { BreakGlassGrantsTable, Schema } from '../schema';
import { decodeCursor, encodeCursor } from '../cursor';

export interface BreakGlassRecord extends BreakGlassGrant {
  organizationId: string;
  accountId: string;
  createdAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewOutcome: 'appropriate' | 'inappropriate' | null;
  reviewNote: string | null;
}

/** A grant awaiting review, with the names a reviewer reads. */
export interface BreakGlassQueueItem extends BreakGlassRecord {
  staffName: string | null;
  patientName: string | null;
}

function toRecord(r: Selectable<BreakGlassGrantsTable>): BreakGlassRecord {
  return {
    id: r.id,
    organizationId: r.organization_id,
    accountId: r.account_id,
    patientId: r.patient_id,
    reason: r.reason,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    reviewOutcome: r.review_outcome as BreakGlassRecord['reviewOutcome'],
    reviewNote: r.review_note,
  };
}

export async function insertBreakGlass(db: Kysely<Schema>, g: BreakGlassRecord): Promise<void> {
  await db
    .insertInto('break_glass_grants')
    .values({
      id: g.id,
      organization_id: g.organizationId,
      account_id: g.accountId,
      patient_id: g.patientId,
      reason: g.reason,
      created_at: g.createdAt,
      expires_at: g.expiresAt,
      reviewed_at: null,
      reviewed_by: null,
      review_outcome: null,
      review_note: null,
    })
    .execute();
}

/** Unexpired grants of one staff member, read on every request they make. */
export async function activeBreakGlass(
  db: Kysely<Schema>,
  accountId: string,
  now: string,
): Promise<BreakGlassGrant[]> {
  const rows = await db
    .selectFrom('break_glass_grants')
    .select(['id', 'patient_id', 'reason', 'expires_at'])
    .where('account_id', '=', accountId)
    .where('expires_at', '>', now)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    reason: r.reason,
    expiresAt: r.expires_at,
  }));
}

/** The privacy officer's queue: grants not yet reviewed, oldest first, keyset-paginated. */
export async function reviewQueue(
  db: Kysely<Schema>,
  organizationId: string,
  limit: number,
  cursor?: string,
): Promise<{ items: BreakGlassQueueItem[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('break_glass_grants')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('reviewed_at', 'is', null);
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const names = await namesFor(db, organizationId, page);
  return {
    items: page.map((r) => ({
      ...toRecord(r),
      staffName: names.staff.get(r.account_id) ?? null,
      patientName: names.patients.get(r.patient_id) ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

/**
 * Who broke the glass and on whose record, by name: a reviewer judges people, not ids.
 * Two lookups for the whole page; the patient's name comes from its search summary.
 */
async function namesFor(
  db: Kysely<Schema>,
  organizationId: string,
  page: Selectable<BreakGlassGrantsTable>[],
): Promise<{ staff: Map<string, string>; patients: Map<string, string> }> {
  if (page.length === 0) return { staff: new Map(), patients: new Map() };
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(page.map((r) => r.account_id))])
    .execute();
  const patients = await db
    .selectFrom('patients')
    .select(['id', 'summary'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...new Set(page.map((r) => r.patient_id))])
    .execute();
  return {
    staff: new Map(accounts.map((a) => [a.id, a.display_name])),
    patients: new Map(
      patients.flatMap((p) =>
        p.summary ? [[p.id, (JSON.parse(p.summary) as SummaryDocFields).displayName] as const] : [],
      ),
    ),
  };
}

export async function reviewBreakGlass(
  db: Kysely<Schema>,
  organizationId: string,
  id: string,
  review: {
    by: string;
    outcome: 'appropriate' | 'inappropriate';
    note: string | null;
    now: string;
  },
): Promise<BreakGlassRecord | null> {
  const r = await db
    .updateTable('break_glass_grants')
    .set({
      reviewed_at: review.now,
      reviewed_by: review.by,
      review_outcome: review.outcome,
      review_note: review.note,
    })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return null;
  const row = await db
    .selectFrom('break_glass_grants')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}
