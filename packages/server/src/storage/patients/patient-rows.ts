import type { Kysely, Selectable } from 'kysely';
import {
  duplicateScore,
  DUPLICATE_THRESHOLD,
  patientSearchTerms,
  patientSortName,
  summaryDocFields,
  type ImportedPatient,
  type Patient,
  type SearchTerm,
} from '@caredesk/core';
import { contentHash, parseDoc } from '../json';
import type { PatientsTable, Schema } from '../schema';
import { replaceSearchPrefixes, type PrefixOwner } from './search-prefix-rows';

type PatientDoc = Pick<
  Patient,
  | 'names'
  | 'genderIdentity'
  | 'identifiers'
  | 'telecom'
  | 'addresses'
  | 'preferredChannel'
  | 'quietHours'
  | 'deceasedAt'
>;

export function rowToPatient(row: Selectable<PatientsTable>): Patient {
  const doc = parseDoc<PatientDoc>(row.data);
  return {
    id: row.id,
    organizationId: row.organization_id,
    names: doc.names,
    birthDate: row.birth_date,
    administrativeSex: row.administrative_sex as Patient['administrativeSex'],
    genderIdentity: doc.genderIdentity,
    identifiers: doc.identifiers,
    telecom: doc.telecom,
    addresses: doc.addresses,
    preferredLanguage: row.preferred_language,
    preferredChannel: doc.preferredChannel,
    quietHours: doc.quietHours,
    deceased: Number(row.deceased) === 1,
    deceasedAt: doc.deceasedAt,
    mergedInto: row.merged_into,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The part of a patient that is content, not bookkeeping: what the content hash covers.
 * Tenant, merge state, version and timestamps are left out, so re-importing the same
 * source record is recognised as unchanged even after the record was merged.
 */
export function patientContent(p: ImportedPatient): unknown {
  const {
    organizationId: _o,
    mergedInto: _m,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...content
  } = p as Patient;
  return content;
}

function docOf(p: Patient): PatientDoc {
  return {
    names: p.names,
    genderIdentity: p.genderIdentity,
    identifiers: p.identifiers,
    telecom: p.telecom,
    addresses: p.addresses,
    preferredChannel: p.preferredChannel,
    quietHours: p.quietHours,
    deceasedAt: p.deceasedAt,
  };
}

export class IdentifierTakenError extends Error {
  constructor(
    readonly system: string,
    readonly value: string,
    readonly holder: string,
  ) {
    super(`Identifier ${system}|${value} already belongs to another patient.`);
  }
}

/**
 * Writes a patient row with its identifiers and typeahead terms, inserting or replacing.
 * Runs inside the caller's transaction. An identifier held by another patient of the
 * organization is refused (IdentifierTakenError): MRNs identify one person.
 */
export async function writePatient(
  trx: Kysely<Schema>,
  p: Patient,
  sourceKey: string | null,
  isNew: boolean,
): Promise<void> {
  for (const id of p.mergedInto ? [] : p.identifiers) {
    const holder = await trx
      .selectFrom('patient_identifiers')
      .select('patient_id')
      .where('organization_id', '=', p.organizationId)
      .where('system', '=', id.system)
      .where('value', '=', id.value)
      .executeTakeFirst();
    if (holder && holder.patient_id !== p.id) {
      throw new IdentifierTakenError(id.system, id.value, holder.patient_id);
    }
  }
  const row = {
    id: p.id,
    organization_id: p.organizationId,
    sort_name: patientSortName(p.names),
    birth_date: p.birthDate,
    administrative_sex: p.administrativeSex,
    preferred_language: p.preferredLanguage,
    deceased: p.deceased ? 1 : 0,
    merged_into: p.mergedInto,
    version: p.version,
    data: JSON.stringify(docOf(p)),
    summary: JSON.stringify(summaryDocFields(p)),
    source_key: sourceKey,
    content_hash: contentHash(patientContent(p)),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
  const before = isNew ? null : await prefixOwner(trx, p.id);
  if (isNew) {
    await trx.insertInto('patients').values(row).execute();
  } else {
    const { id: _id, created_at: _created, source_key: _sk, ...changes } = row;
    await trx.updateTable('patients').set(changes).where('id', '=', p.id).execute();
    await trx.deleteFrom('patient_identifiers').where('patient_id', '=', p.id).execute();
    await trx.deleteFrom('patient_search_terms').where('patient_id', '=', p.id).execute();
  }
  // A merged-away record's identifiers belong to its survivor now.
  if (p.identifiers.length > 0 && !p.mergedInto) {
    await trx
      .insertInto('patient_identifiers')
      .values(
        p.identifiers.map((id) => ({
          organization_id: p.organizationId,
          system: id.system,
          value: id.value,
          patient_id: p.id,
          type: id.type ?? null,
        })),
      )
      .execute();
  }
  // A merged-away record is found through its survivor, not by itself.
  const terms = p.mergedInto ? [] : patientSearchTerms(p);
  // In chunks: one INSERT per chunk keeps far below SQLite's bound-parameter limit.
  for (let i = 0; i < terms.length; i += 500) {
    await trx
      .insertInto('patient_search_terms')
      .values(
        terms.slice(i, i + 500).map((t) => ({
          organization_id: p.organizationId,
          kind: t.kind,
          term: t.term,
          patient_id: p.id,
        })),
      )
      .execute();
  }
  await replaceSearchPrefixes(trx, p.id, before, {
    organizationId: p.organizationId,
    sortName: row.sort_name,
    terms,
  });
}

/** Where the stored record's typeahead prefixes sit, read before it is rewritten. */
async function prefixOwner(trx: Kysely<Schema>, id: string): Promise<PrefixOwner | null> {
  const row = await trx
    .selectFrom('patients')
    .select(['organization_id', 'sort_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const terms = await trx
    .selectFrom('patient_search_terms')
    .select(['kind', 'term'])
    .where('patient_id', '=', id)
    .execute();
  return {
    organizationId: row.organization_id,
    sortName: row.sort_name,
    terms: terms.map((t) => ({ kind: t.kind as SearchTerm['kind'], term: t.term })),
  };
}

/**
 * Flags likely duplicates of a patient: candidates share a birth date, a phone or an
 * e-mail (indexed lookups), and are then scored in the domain. Pairs are stored once,
 * smaller id first, so A~B and B~A are one review item.
 */
export async function flagDuplicates(
  trx: Kysely<Schema>,
  p: Patient,
  now: string,
): Promise<number> {
  // Separate exact lookups, each served by an index; one OR across them made the planner
  // scan the whole organization for every new patient (measured: imports slowed 20x at 100k).
  const ids = new Set<string>();
  if (p.birthDate) {
    const sameBirth = await trx
      .selectFrom('patients')
      .select('id')
      .where('organization_id', '=', p.organizationId)
      .where('birth_date', '=', p.birthDate)
      .limit(200)
      .execute();
    sameBirth.forEach((r) => ids.add(r.id));
  }
  const contacts = p.telecom.map((c) =>
    c.system === 'email'
      ? { kind: 'email', term: c.value.toLowerCase() }
      : { kind: 'phone', term: c.value.replace(/\D/g, '') },
  );
  for (const c of contacts) {
    const sharing = await trx
      .selectFrom('patient_search_terms')
      .select('patient_id')
      .where('organization_id', '=', p.organizationId)
      .where('kind', '=', c.kind)
      .where('term', '=', c.term)
      .limit(50)
      .execute();
    sharing.forEach((r) => ids.add(r.patient_id));
  }
  ids.delete(p.id);
  if (ids.size === 0) return 0;
  const candidates = await trx
    .selectFrom('patients')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('merged_into', 'is', null)
    .execute();
  let flagged = 0;
  for (const row of candidates) {
    const other = rowToPatient(row);
    const score = duplicateScore(p, other);
    if (score.score < DUPLICATE_THRESHOLD) continue;
    const [a, b] = p.id < other.id ? [p.id, other.id] : [other.id, p.id];
    await trx
      .insertInto('duplicate_candidates')
      .values({
        patient_id: a,
        candidate_id: b,
        score: score.score,
        reasons: JSON.stringify(score.reasons),
        status: 'open',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['patient_id', 'candidate_id']).doNothing())
      .execute();
    flagged++;
  }
  return flagged;
}
