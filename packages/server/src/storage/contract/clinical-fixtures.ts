import { randomUUID } from 'node:crypto';
import {
  emptyImportBatch,
  type CarePlan,
  type CodedValue,
  type Condition,
  type Encounter,
  type ImportBatch,
  type MedicationRequest,
  type Sourced,
} from '@caredesk/core';

/** Clinical records for tests, as an import would bring them (each with its own source key). */

const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

let entry = 0;
const sourced = <T extends { id: string }>(type: string, record: T): Sourced<T> => ({
  ...record,
  source: { entryIndex: ++entry, sourceKey: `${type}/${record.id}` },
});

const coded = (system: string, code: string, display: string): CodedValue => ({
  system,
  code,
  display,
});

export function encounter(
  patientId: string,
  periodStart: string | null,
  overrides: Partial<Encounter> = {},
): Sourced<Encounter> {
  return sourced('Encounter', {
    id: randomUUID(),
    patientId,
    status: 'finished',
    classCode: 'AMB',
    types: [coded(SNOMED, '185349003', 'Encounter for check up')],
    reasons: [],
    periodStart,
    periodEnd: periodStart,
    practitionerId: null,
    locationId: null,
    serviceProviderId: null,
    dischargeDisposition: null,
    visitNumber: null,
    ...overrides,
  });
}

export function condition(
  patientId: string,
  onset: string | null,
  overrides: Partial<Condition> = {},
): Sourced<Condition> {
  return sourced('Condition', {
    id: randomUUID(),
    patientId,
    encounterId: null,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    code: coded(SNOMED, '44054006', 'Diabetes mellitus type 2 (disorder)'),
    onset,
    abatement: null,
    recordedDate: null,
    ...overrides,
  });
}

export function medicationRequest(
  patientId: string,
  authoredOn: string | null,
  overrides: Partial<MedicationRequest> = {},
): Sourced<MedicationRequest> {
  return sourced('MedicationRequest', {
    id: randomUUID(),
    patientId,
    encounterId: null,
    status: 'active',
    intent: 'order',
    medication: coded(RXNORM, '860975', 'metformin hydrochloride 500 MG Oral Tablet'),
    authoredOn,
    requesterId: null,
    dosageText: 'Take 1 tablet by mouth twice a day with meals',
    refillsAllowed: 3,
    validUntil: null,
    priorPrescriptionId: null,
    ...overrides,
  });
}

export function carePlan(
  patientId: string,
  periodStart: string | null,
  overrides: Partial<CarePlan> = {},
): Sourced<CarePlan> {
  return sourced('CarePlan', {
    id: randomUUID(),
    patientId,
    encounterId: null,
    status: 'active',
    intent: 'plan',
    categories: [coded(SNOMED, '698360004', 'Diabetes self management plan')],
    title: 'Diabetes self-management',
    periodStart,
    periodEnd: null,
    addresses: [],
    activities: [],
    ...overrides,
  });
}

/** A batch holding only the given clinical records (their patients are already on file). */
export function clinicalBatch(records: {
  encounters?: Sourced<Encounter>[];
  conditions?: Sourced<Condition>[];
  medicationRequests?: Sourced<MedicationRequest>[];
  carePlans?: Sourced<CarePlan>[];
}): ImportBatch {
  return { ...emptyImportBatch(), ...records };
}
