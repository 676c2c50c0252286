import {
  importBatchSize,
  validatePatientInput,
  type Clock,
  type ImportBatch,
} from '@caredesk/core';
import { mapFhirImport } from '@caredesk/interop/fhir';
import type { RequestAudit } from '../access/request-audit';
import type { Database } from '../storage/database';
import {
  importBatch,
  ImportRejected,
  type ImportCounts,
} from '../storage/registry-import/import-store';

export interface ImportResult extends ImportCounts {
  /** Records mapped into CareDesk's model. */
  records: number;
  /** Resources read, including those CareDesk does not keep (Observation, Procedure...). */
  resources: number;
  skipped: number;
  /** Where each stored entry now lives (`Patient/<id>`), by bundle entry index. */
  stored: Array<{ entryIndex: number; location: string }>;
  /** Entries of types CareDesk does not keep. */
  skippedEntries: Array<{ entryIndex: number; resourceType: string }>;
}

/** Batch list → FHIR resource type, for transaction-response locations. */
const RESOURCE_TYPE: Record<keyof ImportBatch, string> = {
  organizations: 'Organization',
  practitioners: 'Practitioner',
  locations: 'Location',
  patients: 'Patient',
  relatedPersons: 'RelatedPerson',
  coverages: 'Coverage',
  encounters: 'Encounter',
  conditions: 'Condition',
  medicationRequests: 'MedicationRequest',
  carePlans: 'CarePlan',
  claims: 'Claim',
  explanationsOfBenefit: 'ExplanationOfBenefit',
};

function storedEntries(batch: ImportBatch): ImportResult['stored'] {
  const out: ImportResult['stored'] = [];
  for (const [list, type] of Object.entries(RESOURCE_TYPE) as Array<[keyof ImportBatch, string]>) {
    for (const r of batch[list] as Array<{ id: string; source: { entryIndex: number } }>) {
      out.push({ entryIndex: r.source.entryIndex, location: `${type}/${r.id}` });
    }
  }
  return out;
}

/** Why an import was refused: FHIR OperationOutcome issues naming the entry at fault. */
export interface ImportProblem {
  expression: string;
  code: string;
  diagnostics: string;
}

export class ImportFailed extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => `${p.expression}: ${p.diagnostics}`).join('; '));
    this.name = 'ImportFailed';
  }
}

/**
 * FHIR R4 import: map the bundle, check every patient as the JSON API would, write the
 * batch in one transaction. A bad bundle is rejected whole; nothing is half-written.
 */
export class ImportService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly defaultCountry: string,
  ) {}

  async importFhir(
    organizationId: string,
    input: unknown,
    audit: RequestAudit,
  ): Promise<ImportResult> {
    const mapped = mapFhirImport(input, { organizationId });
    if (!mapped.ok) {
      throw new ImportFailed(
        mapped.outcome.issue.map((i) => ({
          expression: i.expression?.[0] ?? 'Bundle',
          code: i.code,
          diagnostics: i.diagnostics ?? i.code,
        })),
      );
    }
    const batch = this.checkPatients(mapped.batch);
    const now = this.clock.now().toISOString();
    try {
      // One entry per patient whose data the import wrote, in the import's transaction.
      const counts = await importBatch(this.database, organizationId, batch, now, (trx, c) =>
        audit.inTransaction(
          trx,
          batch.patients.length > 0
            ? batch.patients.map((p) => ({
                action: 'import' as const,
                patientId: p.id,
                resourceType: 'Patient',
                resourceId: p.id,
                detail: JSON.stringify({ source: p.source.sourceKey }),
              }))
            : [{ action: 'import' as const, resourceType: 'Bundle', detail: JSON.stringify(c) }],
        ),
      );
      const records = importBatchSize(batch);
      return {
        ...counts,
        records,
        resources: records + mapped.skipped.length,
        skipped: mapped.skipped.length,
        stored: storedEntries(batch),
        skippedEntries: mapped.skipped,
      };
    } catch (e) {
      if (e instanceof ImportRejected) {
        throw new ImportFailed(
          e.problems.map((p) => ({
            expression: `Bundle.entry[${p.entryIndex}]`,
            code: p.code,
            diagnostics: p.detail,
          })),
        );
      }
      throw e;
    }
  }

  /** Each patient checked and canonicalised exactly as the JSON API does it. */
  private checkPatients(batch: ImportBatch): ImportBatch {
    const today = this.clock.now().toISOString().slice(0, 10);
    const problems: ImportProblem[] = [];
    const patients = batch.patients.map((p) => {
      const result = validatePatientInput(p, { today, defaultCountry: this.defaultCountry });
      if (result.ok) return { ...result.value, id: p.id, source: p.source };
      for (const issue of result.issues) {
        problems.push({
          expression: `Bundle.entry[${p.source.entryIndex}].resource (${issue.path})`,
          code: 'invalid',
          diagnostics: issue.detail,
        });
      }
      return p;
    });
    if (problems.length > 0) throw new ImportFailed(problems);
    return { ...batch, patients };
  }
}
