import type { CareTeamMember, Coverage, RelatedPerson } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { contentHash, parseDoc } from '../json';
import type { Schema } from '../schema';

/**
 * A patient's relations kept beside the registry record: caregivers and contacts,
 * insurance coverages, and the care team. Created by staff through the JSON API or
 * arriving with an import.
 */
export async function insertRelatedPerson(
  db: Kysely<Schema>,
  rp: RelatedPerson,
  now: string,
): Promise<void> {
  await db
    .insertInto('related_persons')
    .values({
      id: rp.id,
      patient_id: rp.patientId,
      is_caregiver: rp.isCaregiver ? 1 : 0,
      data: JSON.stringify(rp),
      source_key: null,
      content_hash: contentHash(rp),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function insertCoverage(db: Kysely<Schema>, c: Coverage, now: string): Promise<void> {
  await db
    .insertInto('coverages')
    .values({
      id: c.id,
      patient_id: c.patientId,
      status: c.status,
      coverage_order: c.order,
      data: JSON.stringify(c),
      source_key: null,
      content_hash: contentHash(c),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function practitionerExists(db: Kysely<Schema>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('practitioners')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCareTeamMember(
  db: Kysely<Schema>,
  m: CareTeamMember,
  now: string,
): Promise<void> {
  await db
    .insertInto('care_team_members')
    .values({
      id: m.id,
      patient_id: m.patientId,
      practitioner_id: m.practitionerId,
      role: m.role,
      period_start: m.periodStart,
      period_end: m.periodEnd,
      created_at: now,
    })
    .execute();
}

export interface CareTeamEntry extends CareTeamMember {
  practitionerName: string;
}

export async function listCareTeam(
  db: Kysely<Schema>,
  patientId: string,
): Promise<CareTeamEntry[]> {
  const rows = await db
    .selectFrom('care_team_members as m')
    .innerJoin('practitioners as p', 'p.id', 'm.practitioner_id')
    .select([
      'm.id',
      'm.patient_id',
      'm.practitioner_id',
      'm.role',
      'm.period_start',
      'm.period_end',
      'p.data',
    ])
    .where('m.patient_id', '=', patientId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => {
    const practitioner = parseDoc<{
      names?: Array<{ given: string[]; family: string; prefix: string[] }>;
    }>(r.data);
    const n = practitioner.names?.[0];
    return {
      id: r.id,
      patientId: r.patient_id,
      practitionerId: r.practitioner_id,
      role: r.role,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      practitionerName: n ? [...n.prefix, ...n.given, n.family].filter(Boolean).join(' ') : '',
    };
  });
}
