import type { Consent, ConsentStatus, DataCategory } from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import { parseDoc } from '../json';
import type { ConsentsTable, Schema } from '../schema';

function rowToConsent(r: Selectable<ConsentsTable>): Consent {
  return {
    id: r.id,
    patientId: r.patient_id,
    relatedPersonId: r.related_person_id,
    status: r.status as ConsentStatus,
    permit: parseDoc<DataCategory[]>(r.permit),
    deny: parseDoc<DataCategory[]>(r.deny),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    grantedBy: r.granted_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

export async function insertConsent(db: Kysely<Schema>, c: Consent): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      id: c.id,
      patient_id: c.patientId,
      related_person_id: c.relatedPersonId,
      status: c.status,
      permit: JSON.stringify(c.permit),
      deny: JSON.stringify(c.deny),
      period_start: c.periodStart,
      period_end: c.periodEnd,
      granted_by: c.grantedBy,
      created_at: c.createdAt,
      revoked_at: c.revokedAt,
      revoked_by: null,
    })
    .execute();
}

/** Revokes a consent at once; returns false when it was not active (already revoked). */
export async function revokeConsent(
  db: Kysely<Schema>,
  patientId: string,
  consentId: string,
  by: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('consents')
    .set({ status: 'inactive', revoked_at: now, revoked_by: by })
    .where('id', '=', consentId)
    .where('patient_id', '=', patientId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function consentsOfPatient(db: Kysely<Schema>, patientId: string): Promise<Consent[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(rowToConsent);
}

export async function getConsent(
  db: Kysely<Schema>,
  patientId: string,
  id: string,
): Promise<Consent | null> {
  const row = await db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', id)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  return row ? rowToConsent(row) : null;
}

/** Consents that can be in force for these caregivers (active, not revoked); read per request. */
export async function activeConsentsFor(
  db: Kysely<Schema>,
  relatedPersonIds: readonly string[],
): Promise<Consent[]> {
  if (relatedPersonIds.length === 0) return [];
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('related_person_id', 'in', [...relatedPersonIds])
    .where('status', '=', 'active')
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map(rowToConsent);
}
