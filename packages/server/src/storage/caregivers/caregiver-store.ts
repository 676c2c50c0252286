import type { RelatedPerson } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { parseDoc } from '../json';
import type { Schema } from '../schema';

/**
 * The RelatedPerson through which a caregiver account already speaks for this patient,
 * if any: a second invitation of the same person reuses it instead of adding a twin.
 */
export async function linkedRelatedPerson(
  db: Kysely<Schema>,
  accountId: string,
  patientId: string,
): Promise<RelatedPerson | null> {
  const row = await db
    .selectFrom('caregiver_links as l')
    .innerJoin('related_persons as r', 'r.id', 'l.related_person_id')
    .select(['r.data'])
    .where('l.account_id', '=', accountId)
    .where('l.patient_id', '=', patientId)
    .orderBy('l.created_at')
    .orderBy('l.related_person_id')
    .executeTakeFirst();
  return row ? parseDoc<RelatedPerson>(row.data) : null;
}

/** RelatedPerson records by id (the caregiver's own side of each link). */
export async function relatedPersonsById(
  db: Kysely<Schema>,
  ids: readonly string[],
): Promise<Map<string, RelatedPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('related_persons')
    .select(['id', 'data'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, parseDoc<RelatedPerson>(r.data)]));
}
