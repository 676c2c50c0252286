import type { Coverage, Patient, RelatedPerson } from '@caredesk/core';
import { DomainError } from '@caredesk/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { capabilityStatement } from '../capability-statement';
import { mapFhirImport } from '../import/map-bundle';
import { operationOutcome, outcomeFromDomainError } from '../operation-outcome';
import { corpusFiles, readCorpusJson } from '../testing/corpus';
import type { FhirSchema } from '../testing/fhir-schema';
import { loadFhirSchema } from '../testing/fhir-schema';
import { coverageToFhir } from './coverage-to-fhir';
import { patientToFhir, relatedPersonToFhir } from './patient-to-fhir';
import { searchsetBundle } from './searchset-bundle';

let schema: FhirSchema;
beforeAll(() => {
  schema = loadFhirSchema();
});

const patient: Patient = {
  id: '5b0c8f0e-3f7e-4b8e-9a3e-1f2d3c4b5a69',
  organizationId: 'org-1',
  names: [{ use: 'official', given: ['Ilze'], family: 'Bērziņa', prefix: [], suffix: [] }],
  birthDate: '1980-02-29',
  administrativeSex: 'female',
  genderIdentity: 'woman',
  identifiers: [{ system: 'urn:oid:1.2.3', value: 'MRN-1', type: 'MR' }],
  telecom: [{ system: 'sms', value: '+37120000000', rank: 1 }],
  addresses: [{ lines: ['Brīvības iela 1'], city: 'Rīga', country: 'LV' }],
  preferredLanguage: 'lv',
  preferredChannel: 'sms',
  quietHours: null,
  deceased: false,
  deceasedAt: null,
  mergedInto: null,
  version: 3,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-02-01T10:00:00Z',
};

const daughter: RelatedPerson = {
  id: '7c7d1e55-2b1d-4c38-8f5c-0a4c1f7e3b21',
  patientId: patient.id,
  names: [{ use: 'usual', given: ['Anna'], family: 'Bērziņa', prefix: [], suffix: [] }],
  relationship: 'DAU',
  telecom: [],
  preferredLanguage: 'nb',
  isCaregiver: true,
  active: true,
};

const coverage: Coverage = {
  id: '0d9e2f6c-4b55-4b8a-9a1e-2b3c4d5e6f70',
  patientId: patient.id,
  status: 'active',
  payerName: 'Acme Health',
  payerId: '12345',
  planName: 'Gold',
  memberId: 'M-1',
  groupNumber: 'G-7',
  subscriberName: null,
  subscriberId: 'S-1',
  relationship: 'self',
  periodStart: '2024-01-01',
  periodEnd: null,
  order: 1,
};

describe('FHIR export validates against the R4 JSON schema', () => {
  it('the validator really rejects bad resources', () => {
    expect(schema.errors({ resourceType: 'Patient', gender: 'M' })).not.toEqual([]);
    expect(schema.errors({ resourceType: 'Patient', birthDate: '2024-1-1' })).not.toEqual([]);
  });

  it('Patient, with and without merge, death and contacts', () => {
    const fhir = patientToFhir(patient, { relatedPersons: [daughter] });
    expect(schema.errors(fhir)).toEqual([]);
    expect(fhir).toMatchObject({
      id: patient.id,
      meta: { versionId: '3', lastUpdated: '2024-02-01T10:00:00Z' },
      gender: 'female',
      birthDate: '1980-02-29',
      deceasedBoolean: false,
      communication: [{ language: { coding: [{ code: 'lv' }] }, preferred: true }],
    });
    const merged = patientToFhir(
      {
        ...patient,
        mergedInto: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        deceased: true,
        deceasedAt: '2024-03-01',
      },
      { baseUrl: 'https://caredesk.example/fhir' },
    );
    expect(schema.errors(merged)).toEqual([]);
    expect(merged.link).toEqual([
      {
        other: {
          reference: 'https://caredesk.example/fhir/Patient/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        },
        type: 'replaced-by',
      },
    ]);
    expect(merged.active).toBe(false);
    expect(merged.deceasedDateTime).toBe('2024-03-01');
    expect(merged.deceasedBoolean).toBeUndefined();
  });

  it('every Synthea and example patient round-trips into valid FHIR', () => {
    const inputs = [
      ...corpusFiles('synthea', /\.json$/).map((f) => readCorpusJson('synthea', f)),
      ...corpusFiles('fhir-r4-examples', /^(Patient|RelatedPerson|Coverage)-/).map((f) =>
        readCorpusJson('fhir-r4-examples', f),
      ),
    ];
    let checked = 0;
    for (const input of inputs) {
      const result = mapFhirImport(input, { organizationId: 'org-1' });
      if (!result.ok) continue;
      for (const p of result.batch.patients) {
        const full: Patient = {
          ...p,
          organizationId: 'org-1',
          mergedInto: null,
          version: 1,
          createdAt: '2024-01-01T00:00:00Z',
          updatedAt: '2024-01-01T00:00:00Z',
        };
        expect(
          schema.errors(patientToFhir(full, { relatedPersons: result.batch.relatedPersons })),
        ).toEqual([]);
        checked += 1;
      }
      for (const rp of result.batch.relatedPersons)
        expect(schema.errors(relatedPersonToFhir(rp))).toEqual([]);
      for (const c of result.batch.coverages.slice(0, 5))
        expect(schema.errors(coverageToFhir(c))).toEqual([]);
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('RelatedPerson and Coverage', () => {
    expect(schema.errors(relatedPersonToFhir(daughter))).toEqual([]);
    expect(schema.errors(relatedPersonToFhir({ ...daughter, relationship: 'CAREGIVER' }))).toEqual(
      [],
    );
    const fhir = coverageToFhir(coverage);
    expect(schema.errors(fhir)).toEqual([]);
    expect(fhir.beneficiary).toEqual({ reference: `Patient/${patient.id}` });
  });

  it('CapabilityStatement', () => {
    const cs = capabilityStatement({
      baseUrl: 'https://caredesk.example/fhir',
      softwareVersion: '0.1.0',
      now: '2024-05-01T00:00:00Z',
    });
    // The published R4 schema's FHIRVersion enum stops at 4.0.0 (it predates the 4.0.1
    // technical correction); 4.0.1 is right (standards brief §0), so only that error is allowed.
    const errors = schema.errors(cs);
    expect(errors.filter((e) => !e.startsWith('/fhirVersion must be equal to one of'))).toEqual([]);
    expect(schema.errors({ ...cs, fhirVersion: '4.0.0' })).toEqual([]);
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.rest?.[0]?.resource?.map((r) => r.type)).toEqual(['Patient']);
    expect(cs.rest?.[0]?.interaction).toEqual([{ code: 'transaction' }]);
    expect(cs.rest?.[0]?.resource?.[0]?.searchParam?.map((p) => p.name)).toEqual([
      'name',
      'birthdate',
      'identifier',
    ]);
  });

  it('OperationOutcome, from import failures and domain errors', () => {
    const failed = mapFhirImport(
      { resourceType: 'Bundle', type: 'transaction', entry: [1] },
      {
        organizationId: 'org-1',
      },
    );
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(schema.errors(failed.outcome)).toEqual([]);
    expect(schema.errors(operationOutcome([]))).toEqual([]);
    const fromDomain = outcomeFromDomainError(
      new DomainError('validation', 'patient.invalid', 'bad', [
        { path: 'names/0/family', messageKey: 'k', detail: 'too long' },
      ]),
    );
    expect(schema.errors(fromDomain)).toEqual([]);
    expect(fromDomain.issue[0]).toMatchObject({ code: 'invalid', expression: ['names.0.family'] });
  });

  it('searchset Bundle, with and without a next page', () => {
    const page = searchsetBundle([patientToFhir(patient)], {
      selfUrl: 'https://caredesk.example/fhir/Patient?name=ilze',
      nextUrl: 'https://caredesk.example/fhir/Patient?name=ilze&_cursor=abc',
    });
    expect(schema.errors(page)).toEqual([]);
    expect(page.entry?.[0]?.fullUrl).toBe(`https://caredesk.example/fhir/Patient/${patient.id}`);
    const empty = searchsetBundle([], {
      selfUrl: 'https://caredesk.example/fhir/Patient',
      total: 0,
    });
    expect(schema.errors(empty)).toEqual([]);
    expect(empty.entry).toBeUndefined();
  });
});
