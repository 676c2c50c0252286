import type { Consent } from '@caredesk/core';
import type { Consent as FhirConsent, ConsentProvision } from '@medplum/fhirtypes';

/** CareDesk data category → the FHIR resource types it covers (Consent.provision.class). */
const CATEGORY_CLASSES: Record<Consent['permit'][number], string[]> = {
  profile: ['Patient', 'RelatedPerson'],
  appointments: ['Appointment', 'Schedule', 'Slot'],
  medications: ['MedicationRequest', 'MedicationDispense', 'MedicationStatement'],
  billing: ['Coverage', 'Claim', 'ExplanationOfBenefit', 'Invoice', 'Account'],
  messages: ['Communication', 'CommunicationRequest'],
  'clinical-notes': ['Encounter', 'Condition', 'Observation', 'DocumentReference'],
  'care-plans': ['CarePlan', 'CareTeam', 'Goal'],
};

function classes(categories: Consent['permit']) {
  return categories.flatMap((c) =>
    CATEGORY_CLASSES[c].map((code) => ({ system: 'http://hl7.org/fhir/resource-types', code })),
  );
}

/**
 * A caregiver consent as FHIR R4 Consent, following the standards brief §1.6 pattern:
 * scope patient-privacy, category LOINC 59284-0, an outer permit for the caregiver
 * (actor role PRCP → RelatedPerson) with action `access` and the permitted classes, and
 * a nested deny carving out the denied ones. ppc-1 is met with a policyRule.
 */
export function consentToFhir(c: Consent, opts: { baseUrl?: string } = {}): FhirConsent {
  const ref = (type: string, id: string) =>
    opts.baseUrl ? `${opts.baseUrl}/${type}/${id}` : `${type}/${id}`;
  const provision: ConsentProvision = {
    type: 'permit',
    period: { start: c.periodStart, ...(c.periodEnd ? { end: c.periodEnd } : {}) },
    actor: [
      {
        role: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' },
          ],
        },
        reference: { reference: ref('RelatedPerson', c.relatedPersonId) },
      },
    ],
    action: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access' }],
      },
    ],
    class: classes(c.permit),
  };
  if (c.deny.length > 0) provision.provision = [{ type: 'deny', class: classes(c.deny) }];
  return {
    resourceType: 'Consent',
    id: c.id,
    status: c.status,
    scope: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' },
      ],
    },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
    ],
    patient: { reference: ref('Patient', c.patientId) },
    dateTime: c.createdAt,
    performer: [{ reference: ref('Patient', c.patientId) }],
    policyRule: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }],
      text: 'Caregiver access granted by the patient, limited to the listed categories and period; revocable at any time.',
    },
    provision,
  };
}
