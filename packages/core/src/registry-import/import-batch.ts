import type {
  CarePlan,
  Claim,
  Condition,
  Encounter,
  ExplanationOfBenefit,
  MedicationRequest,
} from '../clinical/clinical';
import type { Location, Organization, Practitioner } from '../organizations/organization';
import type { Coverage, Patient, RelatedPerson } from '../patients/patient';

/**
 * Where a record came from: the entry of the bundle (or file) it was read from, so that an
 * error can name it, and the source's own key, so that re-importing the same material
 * updates the same record instead of creating another (idempotent import).
 */
export interface SourceRef {
  /** Index of the entry in the bundle, or -1 for a lone resource. */
  entryIndex: number;
  /** `ResourceType/id` as the source named it, e.g. `Patient/example`. */
  sourceKey: string;
}

export type Sourced<T> = T & { source: SourceRef };

/** Patients come in without tenant or bookkeeping fields; the store fills those. */
export type ImportedPatient = Omit<
  Patient,
  'organizationId' | 'mergedInto' | 'version' | 'createdAt' | 'updatedAt'
>;

/**
 * Everything one import unit (a bundle, a file) brings, already mapped to CareDesk's
 * model with CareDesk ids. The store writes a batch whole or not at all.
 */
export interface ImportBatch {
  organizations: Sourced<Organization>[];
  practitioners: Sourced<Practitioner>[];
  locations: Sourced<Location>[];
  patients: Sourced<ImportedPatient>[];
  relatedPersons: Sourced<RelatedPerson>[];
  coverages: Sourced<Coverage>[];
  encounters: Sourced<Encounter>[];
  conditions: Sourced<Condition>[];
  medicationRequests: Sourced<MedicationRequest>[];
  carePlans: Sourced<CarePlan>[];
  claims: Sourced<Claim>[];
  explanationsOfBenefit: Sourced<ExplanationOfBenefit>[];
}

export function emptyImportBatch(): ImportBatch {
  return {
    organizations: [],
    practitioners: [],
    locations: [],
    patients: [],
    relatedPersons: [],
    coverages: [],
    encounters: [],
    conditions: [],
    medicationRequests: [],
    carePlans: [],
    claims: [],
    explanationsOfBenefit: [],
  };
}

/** Count of records in a batch, for progress and throughput figures. */
export function importBatchSize(batch: ImportBatch): number {
  return (Object.values(batch) as unknown[][]).reduce((n, list) => n + list.length, 0);
}
