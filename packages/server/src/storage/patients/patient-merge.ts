import { DomainError, type Identifier, type Patient } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../schema';
import { rowToPatient, writePatient } from './patient-rows';

/**
 * A record read through its patient names that patient. The row's patient_id is the
 * truth: a merge re-points the row and keeps its document as imported (mergePatients), so that
 * re-importing the same source still finds it unchanged.
 */
export function ownedBy<T extends { patientId: string }>(doc: T, patientId: string): T {
  return doc.patientId === patientId ? doc : { ...doc, patientId };
}

/** Tables whose rows belong to one patient and follow the survivor of a merge. */
export const PATIENT_OWNED_TABLES = [
  'related_persons',
  'coverages',
  'care_team_members',
  'encounters',
  'conditions',
  'medication_requests',
  'care_plans',
  'claims',
  'explanations_of_benefit',
] as const;

/** `a`, then those of `b` it lacks: the order a merge writes the survivor's identifiers in. */
export function unionIdentifiers(a: Identifier[], b: Identifier[]): Identifier[] {
  const seen = new Set(a.map((i) => `${i.system}|${i.value}`));
  return [...a, ...b.filter((i) => !seen.has(`${i.system}|${i.value}`))];
}

/**
 * The identifiers a survivor took over from the records merged into it, oldest merge
 * first. A merged record keeps its identifiers in its document (not in
 * patient_identifiers), so this is what the survivor must go on holding.
 */
export async function absorbedIdentifiers(
  trx: Kysely<Schema>,
  survivorId: string,
): Promise<Identifier[]> {
  const rows = await trx
    .selectFrom('patients')
    .selectAll()
    .where('merged_into', '=', survivorId)
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return rows.reduce<Identifier[]>(
    (all, row) => unionIdentifiers(all, rowToPatient(row).identifiers),
    [],
  );
}

async function load(trx: Kysely<Schema>, organizationId: string, id: string): Promise<Patient> {
  const row = await trx
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not-found', 'patients.notFound', `No patient ${id}.`);
  const p = rowToPatient(row);
  if (p.mergedInto) {
    throw new DomainError(
      'conflict',
      'patients.merge.alreadyMerged',
      `Patient ${id} was already merged.`,
    );
  }
  return p;
}

/** The versions a reviewer saw; a record changed since then is not merged unseen. */
export interface ExpectedVersions {
  from?: number | undefined;
  into?: number | undefined;
}

function requireVersion(p: Patient, expected: number | undefined): void {
  if (expected !== undefined && p.version !== expected) {
    throw new DomainError(
      'conflict',
      'patients.versionConflict',
      `Patient ${p.id} was changed by someone else (now version ${p.version}).`,
    );
  }
}

/**
 * Merges `fromId` into `intoId` (the survivor), in the caller's transaction: the survivor
 * gains every identifier of the merged record, everything the merged record owned moves
 * to the survivor, and the merged record stays as a redirect (mergedInto) so links and
 * MRNs that point at it still lead to the right person. Like HL7 v2 A40 / FHIR
 * Patient.link "replaced-by" (https://hl7.org/fhir/R4/patient-definitions.html#Patient.link).
 * Rows move by their patient_id column; their documents are left as written, and readers
 * name the owner from the row (ownedBy).
 */
export async function mergePatients(
  trx: Kysely<Schema>,
  organizationId: string,
  fromId: string,
  intoId: string,
  now: string,
  expected: ExpectedVersions = {},
): Promise<Patient> {
  if (fromId === intoId) {
    throw new DomainError(
      'validation',
      'patients.merge.self',
      'A patient cannot be merged into itself.',
    );
  }
  const from = await load(trx, organizationId, fromId);
  const into = await load(trx, organizationId, intoId);
  requireVersion(from, expected.from);
  requireVersion(into, expected.into);
  const merged: Patient = {
    ...from,
    mergedInto: into.id,
    version: from.version + 1,
    updatedAt: now,
  };
  // The merged record gives up its identifiers first: each identifier names one record.
  await writePatient(trx, merged, null, false);
  const survivor: Patient = {
    ...into,
    identifiers: unionIdentifiers(into.identifiers, from.identifiers),
    version: into.version + 1,
    updatedAt: now,
  };
  await writePatient(trx, survivor, null, false);
  for (const table of PATIENT_OWNED_TABLES) {
    await trx
      .updateTable(table)
      .set({ patient_id: into.id })
      .where('patient_id', '=', from.id)
      .execute();
  }
  // Records merged earlier into `from` now point straight at the survivor: one hop only.
  await trx
    .updateTable('patients')
    .set({ merged_into: into.id })
    .where('merged_into', '=', from.id)
    .execute();
  const [a, b] = from.id < into.id ? [from.id, into.id] : [into.id, from.id];
  await trx
    .updateTable('duplicate_candidates')
    .set({ status: 'merged' })
    .where('patient_id', '=', a)
    .where('candidate_id', '=', b)
    .execute();
  return survivor;
}
