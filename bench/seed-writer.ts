import type { ImportBatch, Patient, Sourced } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Database } from '@caredesk/server/storage/database';
import { writePatient } from '@caredesk/server/storage/patients/patient-rows';
import {
  writeDocuments,
  type DocumentTable,
} from '@caredesk/server/storage/registry-import/document-writer';
import type { Schema } from '@caredesk/server/storage/schema';

/**
 * Writes a generated batch into an empty organization, one transaction per batch, with
 * the store's own row writers (writePatient, writeDocuments). It is importBatch without
 * the per-patient duplicate flagging (and without audit entries): seeded patients
 * therefore have no open duplicate reviews; nothing the workloads read needs them.
 */
export async function writeSeedBatch(
  database: Database,
  organizationId: string,
  batch: ImportBatch,
  now: string,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await writeDocuments(trx, 'organizations', batch.organizations, now, (o) => ({
      name: o.name,
      kind: o.kind,
    }));
    await writeDocuments(trx, 'practitioners', batch.practitioners, now, (p) => ({ npi: p.npi }));
    await writeDocuments(trx, 'locations', batch.locations, now, (l) => ({
      organization_id: l.organizationId,
    }));
    for (const { source, ...imported } of batch.patients) {
      const patient: Patient = {
        ...imported,
        organizationId,
        mergedInto: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await writePatient(trx, patient, source.sourceKey, true);
    }
    const owned = <T extends { id: string; patientId: string }>(
      table: DocumentTable,
      rows: Sourced<T>[],
      cols: (r: T) => Record<string, string | number | null>,
    ) =>
      writeDocuments(trx as Kysely<Schema>, table, rows, now, (r) => ({
        patient_id: r.patientId,
        ...cols(r),
      }));
    await owned('related_persons', batch.relatedPersons, (r) => ({
      is_caregiver: r.isCaregiver ? 1 : 0,
    }));
    await owned('coverages', batch.coverages, (c) => ({
      status: c.status,
      coverage_order: c.order,
    }));
    await owned('encounters', batch.encounters, (e) => ({
      status: e.status,
      period_start: e.periodStart,
      period_end: e.periodEnd,
    }));
    await owned('conditions', batch.conditions, (c) => ({ code: c.code.code }));
    await owned('medication_requests', batch.medicationRequests, (m) => ({ status: m.status }));
    await owned('care_plans', batch.carePlans, (c) => ({ status: c.status }));
    await owned('claims', batch.claims, (c) => ({ status: c.status }));
    await owned('explanations_of_benefit', batch.explanationsOfBenefit, (e) => ({
      status: e.status,
    }));
  });
}
