import { describe, expect, it } from 'vitest';
import type { Consent } from '@caredesk/core';
import { loadFhirSchema } from '../testing/fhir-schema';
import { consentToFhir } from './consent-to-fhir';

const consent: Consent = {
  id: '0b7d8f02-9f1e-4c55-8f1a-5d8a1c0d9e11',
  patientId: 'a1b2c3d4-0000-4000-8000-000000000001',
  relatedPersonId: 'a1b2c3d4-0000-4000-8000-000000000002',
  status: 'active',
  permit: ['appointments', 'billing'],
  deny: ['clinical-notes'],
  periodStart: '2026-01-01T00:00:00.000Z',
  periodEnd: '2027-01-01T00:00:00.000Z',
  grantedBy: 'acct',
  createdAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
};

describe('caregiver consent as FHIR Consent', () => {
  it('is valid R4 with an outer permit for the caregiver and a nested deny', () => {
    const fhir = consentToFhir(consent);
    expect(loadFhirSchema().errors(fhir)).toEqual([]);
    expect(fhir.provision?.type).toBe('permit');
    expect(fhir.provision?.actor?.[0]?.reference?.reference).toBe(
      `RelatedPerson/${consent.relatedPersonId}`,
    );
    expect(fhir.provision?.class?.map((c) => c.code)).toEqual(
      expect.arrayContaining(['Appointment', 'Claim', 'ExplanationOfBenefit']),
    );
    expect(fhir.provision?.provision?.[0]).toMatchObject({ type: 'deny' });
    expect(fhir.provision?.provision?.[0]?.class?.map((c) => c.code)).toContain('Encounter');
    expect(fhir.policyRule).toBeDefined();
  });

  it('leaves the period open and omits the deny when there is none', () => {
    const fhir = consentToFhir({ ...consent, deny: [], periodEnd: null });
    expect(fhir.provision?.period?.end).toBeUndefined();
    expect(fhir.provision?.provision).toBeUndefined();
  });
});
