/**
 * Clinical context CareDesk needs to serve a patient after the visit: which visits
 * happened, what conditions and medications they have, which care plans are open,
 * and what was claimed. Codes are kept as system|code|display triples, as received.
 */

export interface CodedValue {
  system: string | null;
  code: string;
  display: string | null;
}

/** https://hl7.org/fhir/R4/valueset-encounter-status.html */
export type EncounterStatus =
  | 'planned'
  | 'arrived'
  | 'triaged'
  | 'in-progress'
  | 'onleave'
  | 'finished'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

export interface Encounter {
  id: string;
  patientId: string;
  status: EncounterStatus;
  /** v3 ActCode class: AMB, IMP, EMER, HH, VR... */
  classCode: string;
  types: CodedValue[];
  reasons: CodedValue[];
  periodStart: string | null;
  periodEnd: string | null;
  practitionerId: string | null;
  locationId: string | null;
  serviceProviderId: string | null;
  dischargeDisposition: CodedValue | null;
  /** Visit number (PV1-19) or another business identifier. */
  visitNumber: string | null;
}

export interface Condition {
  id: string;
  patientId: string;
  encounterId: string | null;
  /** active | recurrence | relapse | inactive | remission | resolved */
  clinicalStatus: string | null;
  verificationStatus: string | null;
  code: CodedValue;
  onset: string | null;
  abatement: string | null;
  recordedDate: string | null;
}

export interface MedicationRequest {
  id: string;
  patientId: string;
  encounterId: string | null;
  /** https://hl7.org/fhir/R4/valueset-medicationrequest-status.html */
  status: string;
  intent: string;
  medication: CodedValue;
  authoredOn: string | null;
  requesterId: string | null;
  dosageText: string | null;
  /** dispenseRequest.numberOfRepeatsAllowed; null when not stated (Synthea never states it). */
  refillsAllowed: number | null;
  validUntil: string | null;
  priorPrescriptionId: string | null;
}

export interface CarePlanActivity {
  code: CodedValue | null;
  status: string;
  detailKind: string | null;
  location: string | null;
}

export interface CarePlan {
  id: string;
  patientId: string;
  encounterId: string | null;
  status: string;
  intent: string;
  categories: CodedValue[];
  title: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  addresses: CodedValue[];
  activities: CarePlanActivity[];
}

/** Money in minor units (cents) with its currency: never floats (architecture rule 4). */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface ClaimLine {
  sequence: number;
  productOrService: CodedValue;
  quantity: number | null;
  net: Money | null;
  servicedDate: string | null;
  /** What the payer adjudicated for this line, when this is an EOB line. */
  adjudication: Array<{ category: string; amount: Money | null; reason: CodedValue | null }>;
}

export interface Claim {
  id: string;
  patientId: string;
  encounterId: string | null;
  status: string;
  /** institutional | oral | pharmacy | professional | vision */
  type: string;
  use: string;
  created: string | null;
  billablePeriodStart: string | null;
  billablePeriodEnd: string | null;
  providerRef: string | null;
  insurerName: string | null;
  total: Money | null;
  diagnoses: CodedValue[];
  lines: ClaimLine[];
}

export interface ExplanationOfBenefit {
  id: string;
  patientId: string;
  claimId: string | null;
  status: string;
  type: string;
  use: string;
  outcome: string;
  created: string | null;
  billablePeriodStart: string | null;
  billablePeriodEnd: string | null;
  insurerName: string | null;
  coverageId: string | null;
  total: Array<{ category: string; amount: Money }>;
  payment: Money | null;
  lines: ClaimLine[];
}
