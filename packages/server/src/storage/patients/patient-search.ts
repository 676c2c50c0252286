import type { Kysely } from 'kysely';
import { compactFold, type TypeaheadQuery } from '@caredesk/core';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Schema } from '../schema';
import { rowToPatient } from './patient-rows';
import type { Patient } from '@caredesk/core';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Highest code point: `term < prefix + U+FFFF` closes the prefix range in byte order. */
const RANGE_END = '\uffff';

export type BirthDateFilter = { op: 'eq' | 'lt' | 'gt' | 'le' | 'ge'; value: string };

/** Search criteria shared by the typeahead and the FHIR Patient search. */
export interface PatientCriteria {
  typeahead?: TypeaheadQuery;
  /** FHIR `name`: every token must prefix-match a name part. */
  nameTokens?: string[];
  birthDate?: BirthDateFilter;
  identifier?: { system?: string; value?: string };
}

/**
 * Patients matching the criteria, in (sort_name, id) order, one keyset page at a time.
 * Every user-supplied value is a bound parameter: searches are data, never SQL.
 */
export async function searchPatients(
  db: Kysely<Schema>,
  organizationId: string,
  criteria: PatientCriteria,
  limit: number,
  cursor?: string,
): Promise<Page<Patient>> {
  let q = db
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

  const t = criteria.typeahead;
  const nameTokens = t?.kind === 'name' ? t.tokens : (criteria.nameTokens ?? []);
  if (t?.kind === 'name' && !/\s/.test(t.raw)) {
    // One typed word may be a name or an identifier without digits (an MRN like "AB-CD").
    q = q.where((eb) =>
      eb.or([
        eb.and(t.tokens.map((token) => eb('id', 'in', termMatch('name', token)))),
        eb('id', 'in', termMatch('identifier', compactFold(t.raw))),
      ]),
    );
  } else {
    for (const token of nameTokens) q = q.where('id', 'in', termMatch('name', token));
  }
  if (t && t.kind !== 'name') {
    if (t.kind === 'birthDate') q = q.where('birth_date', '=', t.value);
    else if (t.kind === 'phone') {
      const digits = t.prefix;
      q = q.where((eb) =>
        eb.or([
          eb('id', 'in', termMatch('phone', digits)),
          eb('id', 'in', termMatch('identifier', digits)),
        ]),
      );
    } else q = q.where('id', 'in', termMatch(t.kind, t.prefix));
  }
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
