import type { PatientFacts } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema';

/**
 * What an access decision needs to know about a patient record: its organization, whether
 * it is restricted, and who is on its care team. Null when no such record exists.
 */
export async function loadPatientFacts(
  db: Kysely<Schema>,
  patientId: string,
  opts: { careTeam: 'always' | 'when-restricted' } = { careTeam: 'always' },
): Promise<PatientFacts | null> {
  const row = await db
    .selectFrom('patients')
    .select(['id', 'organization_id', 'restricted'])
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!row) return null;
  const restricted = Number(row.restricted) === 1;
  // The care team matters only for a relationship check; the common read skips the query.
  if (opts.careTeam === 'when-restricted' && !restricted) {
    return { patientId: row.id, organizationId: row.organization_id, restricted, careTeam: [] };
  }
  const team = await db
    .selectFrom('care_team_members')
    .select('practitioner_id')
    .where('patient_id', '=', patientId)
    .execute();
  return {
    patientId: row.id,
    organizationId: row.organization_id,
    restricted,
    careTeam: team.map((t) => t.practitioner_id),
  };
}

export async function setRestricted(
  db: Kysely<Schema>,
  patientId: string,
  restricted: boolean,
): Promise<void> {
  await db
    .updateTable('patients')
    .set({ restricted: restricted ? 1 : 0 })
    .where('id', '=', patientId)
    .execute();
}
