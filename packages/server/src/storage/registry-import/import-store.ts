import type { Identifier, ImportBatch, ImportedPatient, Patient, Sourced } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { clinicalListColumns } from '../clinical/clinical-lists';
import type { Database } from '../database';
import { contentHash } from '../json';
import type { Schema } from '../schema';
import { absorbedIdentifiers, unionIdentifiers } from '../patients/patient-merge';
import {
  flagDuplicates,
  IdentifierTakenError,
  patientContent,
  rowToPatient,
  writePatient,
} from '../patients/patient-rows';
import { writeDocuments, type DocumentTable } from './document-writer';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  duplicatesFlagged: number;
}

/** A batch that cannot be written, naming the entry at fault (for an OperationOutcome). */
export class ImportRejected extends Error {
  constructor(readonly problems: Array<{ entryIndex: number; code: string; detail: string }>) {
    super(problems.map((p) => `entry ${p.entryIndex}: ${p.detail}`).join('; '));
    this.name = 'ImportRejected';
  }
}

type PatientOwned = { patientId: string; source: { entryIndex: number; sourceKey: string } };

/**
 * Writes an import batch whole or not at all. Idempotent: a record whose content hash
 * is unchanged is left alone (not even its updated_at moves), so importing the same
 * bundle twice changes nothing.
 */
export async function importBatch(
  database: Database,
  organizationId: string,
  batch: ImportBatch,
  now: string,
  /** Runs last inside the import's transaction: the audit entries commit with the data. */
  inTransaction: (trx: Kysely<Schema>, counts: ImportCounts) => Promise<void> = () =>
    Promise.resolve(),
): Promise<ImportCounts> {
  return database.db.transaction().execute(async (trx) => {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, duplicatesFlagged: 0 };
    const add = (c: Omit<ImportCounts, 'duplicatesFlagged'>): void => {
      counts.created += c.created;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
    };
    add(
      await writeDocuments(trx, 'organizations', batch.organizations, now, (o) => ({
        name: o.name,
        kind: o.kind,
      })),
    );
    add(
      await writeDocuments(trx, 'practitioners', batch.practitioners, now, (p) => ({ npi: p.npi })),
    );
    add(
      await writeDocuments(trx, 'locations', batch.locations, now, (l) => ({
        organization_id: l.organizationId,
      })),
    );
    const fresh: Patient[] = [];
    for (const p of batch.patients) {
      const outcome = await writeImportedPatient(trx, organizationId, p, now);
      counts[outcome.kind]++;
      if (outcome.kind === 'created') fresh.push(outcome.patient);
    }
    const owners = await patientOwners(trx, organizationId, batch);
    // The row names the owner (the survivor of a merge); the document stays as the source
    // sent it, so an unchanged record is still found unchanged (patient-merge.ts ownedBy).
    const owned = <T extends { id: string; patientId: string }>(
      table: DocumentTable,
      rows: Sourced<T>[],
      cols: (r: T) => Record<string, string | number | null>,
    ) =>
      writeDocuments(trx, table, rows, now, (r) => ({
        patient_id: owners.get(r.patientId) ?? r.patientId,
        ...cols(r),
      }));
    add(
      await owned('related_persons', batch.relatedPersons, (r) => ({
        is_caregiver: r.isCaregiver ? 1 : 0,
      })),
    );
    add(
      await owned('coverages', batch.coverages, (c) => ({
        status: c.status,
        coverage_order: c.order,
      })),
    );
    add(await owned('encounters', batch.encounters, clinicalListColumns.encounter));
    add(await owned('conditions', batch.conditions, clinicalListColumns.condition));
    add(
      await owned(
        'medication_requests',
        batch.medicationRequests,
        clinicalListColumns.medicationRequest,
      ),
    );
    add(await owned('care_plans', batch.carePlans, clinicalListColumns.carePlan));
    add(await owned('claims', batch.claims, (c) => ({ status: c.status })));
    add(
      await owned('explanations_of_benefit', batch.explanationsOfBenefit, (e) => ({
        status: e.status,
      })),
    );
    // Duplicates are looked for once every new patient of the batch is in place.
    for (const p of fresh) counts.duplicatesFlagged += await flagDuplicates(trx, p, now);
    await inTransaction(trx, counts);
    return counts;
  });
}

async function writeImportedPatient(
  trx: Kysely<Schema>,
  organizationId: string,
  p: Sourced<ImportedPatient>,
  now: string,
): Promise<{ kind: 'created' | 'updated' | 'unchanged'; patient: Patient }> {
  const { source, ...imported } = p;
  const existing = await trx
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', p.id)
    .executeTakeFirst();
  if (existing && existing.organization_id !== organizationId) {
    throw new ImportRejected([
      {
        entryIndex: source.entryIndex,
        code: 'conflict',
        detail: `${source.sourceKey} belongs to another organization`,
      },
    ]);
  }
  if (existing && existing.content_hash === contentHash(patientContent(imported)))
    return { kind: 'unchanged', patient: rowToPatient(existing) };
  const prior = existing ? rowToPatient(existing) : null;
  // The source does not know of merges done here: a survivor goes on holding the
  // identifiers it absorbed, so the merged record's MRN still finds it.
  const absorbed = prior && !prior.mergedInto ? await absorbedIdentifiers(trx, prior.id) : [];
  const patient: Patient = {
    ...imported,
    identifiers: unionIdentifiers(imported.identifiers, absorbed),
    organizationId,
    mergedInto: prior?.mergedInto ?? null,
    version: prior ? prior.version + 1 : 1,
    createdAt: prior?.createdAt ?? now,
    updatedAt: now,
  };
  if (
    existing &&
    absorbed.length > 0 &&
    existing.content_hash === contentHash(patientContent(patient))
  )
    return { kind: 'unchanged', patient: rowToPatient(existing) };
  try {
    await writePatient(trx, patient, source.sourceKey, prior === null);
    if (patient.mergedInto) await handOver(trx, patient.mergedInto, imported.identifiers, now);
  } catch (e) {
    if (e instanceof IdentifierTakenError) {
      throw new ImportRejected([
        { entryIndex: source.entryIndex, code: 'duplicate', detail: e.message },
      ]);
    }
    throw e;
  }
  return { kind: prior ? 'updated' : 'created', patient };
}

/**
 * A merged record's identifiers live on its survivor (mergePatients); one the source
 * adds after the merge goes there too, or looking it up would find no one.
 */
async function handOver(
  trx: Kysely<Schema>,
  survivorId: string,
  identifiers: Identifier[],
  now: string,
): Promise<void> {
  const row = await trx
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', survivorId)
    .executeTakeFirstOrThrow();
  const survivor = rowToPatient(row);
  const all = unionIdentifiers(survivor.identifiers, identifiers);
  if (all.length === survivor.identifiers.length) return;
  const next = { ...survivor, identifiers: all, version: survivor.version + 1, updatedAt: now };
  await writePatient(trx, next, null, false);
}

/**
 * Every patient a record points at must be in the batch or already in this organization.
 * Maps each to the patient who owns its records now: itself, or the survivor it was
 * merged into (a record the source still files under the merged patient follows it).
 */
async function patientOwners(
  trx: Kysely<Schema>,
  organizationId: string,
  batch: ImportBatch,
): Promise<Map<string, string>> {
  const owned: PatientOwned[] = [
    ...batch.relatedPersons,
    ...batch.coverages,
    ...batch.encounters,
    ...batch.conditions,
    ...batch.medicationRequests,
    ...batch.carePlans,
    ...batch.claims,
    ...batch.explanationsOfBenefit,
  ];
  const wanted = [...new Set(owned.map((o) => o.patientId))];
  const found = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await trx
      .selectFrom('patients')
      .select(['id', 'merged_into'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    rows.forEach((r) => found.set(r.id, r.merged_into ?? r.id));
  }
  const problems = owned
    .filter((o) => !found.has(o.patientId))
    .map((o) => ({
      entryIndex: o.source.entryIndex,
      code: 'not-found',
      detail: `${o.source.sourceKey} refers to a patient that is neither in the bundle nor on file`,
    }));
  if (problems.length > 0) throw new ImportRejected(problems);
  return found;
}
