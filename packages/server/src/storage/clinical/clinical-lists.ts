import type { CarePlan, Condition, Encounter, MedicationRequest } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import { parseDoc } from '../json';
import { ownedBy } from '../patients/patient-merge';
import type { Page } from '../patients/patient-search';
import type { Schema } from '../schema';

/** A patient's clinical lists: what each holds, where it is stored, which date orders it. */
export interface ClinicalLists {
  encounters: Encounter;
  conditions: Condition;
  medications: MedicationRequest;
  carePlans: CarePlan;
}
export type ClinicalList = keyof ClinicalLists;

/**
 * Each list's table and the column it is ordered by. The dates are indexed copies of the
 * record's own (migration 0009); see `clinicalListColumns` for how they are written.
 */
const STORED_AS = {
  encounters: { table: 'encounters', date: 'period_start' },
  conditions: { table: 'conditions', date: 'onset_or_recorded' },
  medications: { table: 'medication_requests', date: 'authored_on' },
  carePlans: { table: 'care_plans', date: 'period_start' },
} as const satisfies Record<ClinicalList, { table: keyof Schema; date: string }>;

/** The indexed columns of each clinical record, beside its JSON document (import-store.ts). */
export const clinicalListColumns = {
  encounter: (e: Encounter) => ({
    status: e.status,
    period_start: e.periodStart,
    period_end: e.periodEnd,
  }),
  condition: (c: Condition) => ({
    code: c.code.code,
    onset_or_recorded: c.onset ?? c.recordedDate,
  }),
  medicationRequest: (m: MedicationRequest) => ({ status: m.status, authored_on: m.authoredOn }),
  carePlan: (c: CarePlan) => ({ status: c.status, period_start: c.periodStart }),
};

/**
 * One page of a patient's list, newest first (architecture rule 8: keyset, no count).
 * Records without a date come last; equal dates are ordered by id, so that pages never
 * repeat or skip a record. The cursor is the (date, id) of the last record shown; a
 * tampered one is a validation error (cursor.ts), never a query error.
 */
export async function listClinical<K extends ClinicalList>(
  db: Kysely<Schema>,
  list: K,
  patientId: string,
  limit: number,
  cursor?: string,
): Promise<Page<ClinicalLists[K]>> {
  const { table, date } = STORED_AS[list];
  // '' sorts below every ISO date on both engines: undated records end the list.
  const listDate = sql<string>`coalesce(${sql.ref(date)}, '')`;
  let q = db
    .selectFrom(table)
    .select(['id', 'data', listDate.as('list_date')])
    .where('patient_id', '=', patientId);
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb(listDate, '<', at), eb.and([eb(listDate, '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy(listDate, 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ownedBy(parseDoc<ClinicalLists[K]>(r.data), patientId)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.list_date, last.id]) : null,
  };
}
