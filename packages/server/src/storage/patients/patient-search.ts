import { sql, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor } from '../cursor';
import type { PatientsTable, Schema } from '../schema';
import { rowToPatient } from './patient-rows';
import type { Patient } from '@caredesk/core';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Highest code point: `term < prefix + U+FFFF` closes the prefix range in byte order. */
export const RANGE_END = '\uffff';

export type BirthDateFilter = { op: 'eq' | 'lt' | 'gt' | 'le' | 'ge'; value: string };

/** Criteria of the FHIR Patient search (the typeahead is patient-typeahead.ts). */
export interface PatientCriteria {
  /** FHIR `name`: every token must prefix-match a name part. */
  nameTokens?: string[];
  birthDate?: BirthDateFilter;
  identifier?: { system?: string; value?: string };
}

/**
 * Patients matching the criteria, in (sort_name, id) order, one keyset page at a time.
 * Every user-supplied value is a bound parameter: searches are data, never SQL.
 */
/** Above this many candidates a term is "common": scanning in name order finds a page faster. */
const SELECTIVE = 2000;

type PatientQuery = SelectQueryBuilder<Schema, 'patients', Selectable<PatientsTable>>;
type TermMatch = (
  kind: string,
  prefix: string,
) => SelectQueryBuilder<Schema, 'patient_search_terms', { patient_id: string }>;

/**
 * Adds the term conditions to the query, choosing how to run them. A selective condition
 * (at most SELECTIVE patients) is fetched first and its ids bound as a list, so the
 * database looks up a few rows by key and sorts them; common conditions stay subqueries,
 * and when all are common the query walks patients in name order and stops at a page.
 * Chosen by measurement, not left to a planner that may have no statistics.
 */
async function applyTermConditions(
  db: Kysely<Schema>,
  organizationId: string,
  query: PatientQuery,
  conditions: Array<Array<[string, string]>>,
  termMatch: TermMatch,
): Promise<PatientQuery> {
  let q = query;
  let narrowed = null as Set<string> | null;
  for (const condition of conditions) {
    const found = new Set<string>();
    let common = false;
    for (const [kind, prefix] of condition) {
      const rows = await termMatch(kind, prefix)
        .limit(SELECTIVE + 1)
        .execute();
      if (rows.length > SELECTIVE) common = true;
      rows.forEach((r) => found.add(r.patient_id));
    }
    if (common || found.size > SELECTIVE) {
      q = q.where((eb) =>
        eb.or(condition.map(([kind, prefix]) => eb('id', 'in', termMatch(kind, prefix)))),
      );
    } else {
      const current = narrowed;
      narrowed = current ? new Set([...found].filter((id) => current.has(id))) : found;
    }
  }
  if (narrowed === null) return q;
  if (narrowed.size === 0) return q.where(sql<SqlBool>`1 = 0`);
  return q.where('id', 'in', [...narrowed]);
}

export async function searchPatients(
  db: Kysely<Schema>,
  organizationId: string,
  criteria: PatientCriteria,
  limit: number,
  cursor?: string,
): Promise<Page<Patient>> {
  let q: PatientQuery = db
    .selectFrom('patients')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('merged_into', 'is', null);

  const termMatch = (kind: string, prefix: string) =>
    db
      .selectFrom('patient_search_terms')
      .select('patient_id')
      .where('organization_id', '=', organizationId)
      .where('kind', '=', kind)
      .where('term', '>=', prefix)
      .where('term', '<', prefix + RANGE_END);

  // Each condition is a set of patients drawn from term ranges (OR within a condition).
  const conditions: Array<Array<[kind: string, prefix: string]>> = (criteria.nameTokens ?? []).map(
    (token) => [['name', token]],
  );
  q = await applyTermConditions(db, organizationId, q, conditions, termMatch);
  if (criteria.birthDate) {
    // A partial date (1980, 1980-04) stands for its whole period (FHIR search, date
    // precision): ISO strings sort by time, so a period is a prefix range.
    const { op, value } = criteria.birthDate;
    const end = value + RANGE_END;
    if (op === 'eq') q = q.where('birth_date', '>=', value).where('birth_date', '<', end);
    else if (op === 'lt') q = q.where('birth_date', '<', value);
    else if (op === 'ge') q = q.where('birth_date', '>=', value);
    else if (op === 'gt') q = q.where('birth_date', '>', end);
    else q = q.where('birth_date', '<', end);
  }
  const ident = criteria.identifier;
  if (ident && (ident.system !== undefined || ident.value !== undefined)) {
    let sub = db
      .selectFrom('patient_identifiers')
      .select('patient_id')
      .where('organization_id', '=', organizationId);
    if (ident.system !== undefined) sub = sub.where('system', '=', ident.system);
    if (ident.value !== undefined) sub = sub.where('value', '=', ident.value);
    q = q.where('id', 'in', sub);
  }
  if (cursor) {
    const [sortName, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([
        eb('sort_name', '>', sortName),
        eb.and([eb('sort_name', '=', sortName), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('sort_name')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(rowToPatient),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sort_name, last.id]) : null,
  };
}
