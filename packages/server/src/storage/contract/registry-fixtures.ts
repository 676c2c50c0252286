import { randomUUID } from 'node:crypto';
import { emptyImportBatch, type ImportBatch, type Patient, type PersonName } from '@caredesk/core';
import type { Database } from '../database';
import { saveOrganization } from '../../organizations/home-organization';

export const NOW = '2026-11-24T10:00:00.000Z';

export async function addOrganization(database: Database, name: string): Promise<string> {
  const id = randomUUID();
  await saveOrganization(
    database.db,
    {
      id,
      name,
      identifiers: [],
      telecom: [],
      addresses: [],
      timeZone: 'UTC',
      businessHours: [],
      kind: 'prov',
      active: true,
    },
    NOW,
    true,
  );
  return id;
}

export function name(given: string, family: string): PersonName {
  return { use: 'official', given: [given], family, prefix: [], suffix: [] };
}

export function patient(organizationId: string, overrides: Partial<Patient> = {}): Patient {
  return {
    id: randomUUID(),
    organizationId,
    names: [name('Anna', 'Example')],
    birthDate: '1980-01-01',
    administrativeSex: 'female',
    genderIdentity: null,
    identifiers: [],
    telecom: [],
    addresses: [],
    preferredLanguage: 'en',
    preferredChannel: 'portal',
    quietHours: null,
    deceased: false,
    deceasedAt: null,
    mergedInto: null,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** A batch with one patient and an encounter and coverage pointing at it. */
export function importFixture(patientId: string, entryBase = 0): ImportBatch {
  const batch = emptyImportBatch();
  const {
    organizationId: _o,
    mergedInto: _m,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...imported
  } = patient('x', {
    id: patientId,
    names: [name('Imported', 'Person')],
    identifiers: [{ system: 'urn:test:mrn', value: `IMP-${patientId.slice(0, 8)}`, type: 'MR' }],
  });
  batch.patients.push({
    ...imported,
    source: { entryIndex: entryBase, sourceKey: `Patient/${patientId}` },
  });
  // Ids follow from source keys, as the FHIR mapper derives them: re-import hits the same rows.
  const derived = (n: string) => `${n}${patientId.slice(1)}`;
  batch.encounters.push({
    id: derived('e'),
    patientId,
    status: 'finished',
    classCode: 'AMB',
    types: [],
    reasons: [],
    periodStart: '2026-01-01T09:00:00Z',
    periodEnd: '2026-01-01T09:30:00Z',
    practitionerId: null,
    locationId: null,
    serviceProviderId: null,
    dischargeDisposition: null,
    visitNumber: null,
    source: { entryIndex: entryBase + 1, sourceKey: `Encounter/e-${patientId}` },
  });
  batch.coverages.push({
    id: derived('c'),
    patientId,
    status: 'active',
    payerName: 'Test Payer',
    payerId: null,
    planName: null,
    memberId: 'M1',
    groupNumber: null,
    subscriberName: null,
    subscriberId: null,
    relationship: 'self',
    periodStart: null,
    periodEnd: null,
    order: 1,
    source: { entryIndex: entryBase + 2, sourceKey: `Coverage/c-${patientId}` },
  });
  return batch;
}
