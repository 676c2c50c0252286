import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpusJson } from '../testing/corpus';
import { mapFhirImport } from './map-bundle';
import { uuidV5 } from './ids';

const ORG = '00000000-0000-4000-8000-000000000001';
const TYPES = [
  'Patient',
  'RelatedPerson',
  'Practitioner',
  'Organization',
  'Location',
  'Encounter',
  'Condition',
  'MedicationRequest',
  'CarePlan',
  'Claim',
  'ExplanationOfBenefit',
  'Coverage',
];
const files = corpusFiles('fhir-r4-examples', new RegExp(`^(${TYPES.join('|')})-.*\\.json$`));

/** The official examples whose required patient reference is only a logical identifier. */
const WITHOUT_PATIENT_REFERENCE: Record<string, string> = { 'Claim-100154.json': 'Claim.patient' };

function map(file: string) {
  return mapFhirImport(readCorpusJson('fhir-r4-examples', file), { organizationId: ORG });
}

describe('official FHIR R4 examples', () => {
  it('has examples for the mapped types', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)('%s maps, or is rejected only for its missing patient', (file) => {
    const result = map(file);
    const field = WITHOUT_PATIENT_REFERENCE[file];
    if (field === undefined) {
      if (!result.ok) throw new Error(JSON.stringify(result.outcome.issue));
      expect(result.skipped).toEqual([]);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.outcome.issue.map((i) => i.expression?.[0])).toContain(field);
      expect(result.outcome.issue.every((i) => i.code === 'required')).toBe(true);
    }
  });

  it('maps Patient/example names, dates, contact and identifiers', () => {
    const result = map('Patient-example.json');
    if (!result.ok) throw new Error('expected ok');
    const [p] = result.batch.patients;
    expect(p!.id).toBe(uuidV5('Patient/example'));
    expect(p!.source).toEqual({ entryIndex: -1, sourceKey: 'Patient/example' });
    expect(p!.names).toEqual([
      { use: 'official', family: 'Chalmers', given: ['Peter', 'James'], prefix: [], suffix: [] },
      { use: 'usual', family: '', given: ['Jim'], prefix: [], suffix: [] },
      { use: 'maiden', family: 'Windsor', given: ['Peter', 'James'], prefix: [], suffix: [] },
    ]);
    expect(p!.birthDate).toBe('1974-12-25');
    expect(p!.deceased).toBe(false);
    expect(p!.identifiers).toEqual([
      { system: 'urn:oid:1.2.36.146.595.217.0.1', value: '12345', type: 'MR' },
    ]);
    // Australian numbers without a country code: kept as written, not guessed into +1.
    expect(p!.telecom.map((t) => t.value)).toEqual([
      '(03) 5555 6473',
      '(03) 3410 5613',
      '(03) 5555 8834',
    ]);
    // The next-of-kin contact becomes a related person who is not a caregiver.
    const [contact] = result.batch.relatedPersons;
    expect(contact).toMatchObject({
      patientId: p!.id,
      relationship: 'FAMMEMB',
      isCaregiver: false,
      names: [{ family: 'du Marché', given: ['Bénédicte'] }],
      telecom: [{ system: 'phone', value: '+33237998327' }],
    });
  });

  it('maps partial and full deceased dates and keeps partial birth dates out', () => {
    const pat3 = map('Patient-pat3.json');
    if (!pat3.ok) throw new Error('expected ok');
    expect(pat3.batch.patients[0]).toMatchObject({
      deceased: true,
      deceasedAt: '2015-02-14T13:42:00+10:00',
    });
    const f002 = map('RelatedPerson-f002.json');
    if (!f002.ok) throw new Error('expected ok');
    // A name given only as text is kept whole.
    expect(f002.batch.relatedPersons[0]!.names[0]!.family).toBe('Ariadne Bor-Jansma');
  });

  it('maps RelatedPerson with v3 code over v2 role, and a natural mother', () => {
    const benedicte = map('RelatedPerson-benedicte.json');
    if (!benedicte.ok) throw new Error('expected ok');
    expect(benedicte.batch.relatedPersons[0]).toMatchObject({
      relationship: 'WIFE',
      patientId: uuidV5('Patient/example'),
      isCaregiver: false,
    });
    const mom = mapFhirImport(
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: readCorpusJson('fhir-r4-examples', 'Patient-newborn.json') },
          { resource: readCorpusJson('fhir-r4-examples', 'RelatedPerson-newborn-mom.json') },
        ],
      },
      { organizationId: ORG, asOf: '2018-01-01' },
    );
    if (!mom.ok) throw new Error(JSON.stringify(mom.outcome));
    // Mother of a newborn: a caregiver while the patient is a minor.
    expect(mom.batch.relatedPersons[0]).toMatchObject({ relationship: 'MTH', isCaregiver: true });
  });

  it('hoists the contained patient and coverage of Claim 100152', () => {
    const result = map('Claim-100152.json');
    if (!result.ok) throw new Error('expected ok');
    const { claims, patients, coverages } = result.batch;
    expect(patients).toHaveLength(1);
    expect(patients[0]!.source.sourceKey).toBe('Claim/100152#patient-1');
    expect(claims[0]!.patientId).toBe(patients[0]!.id);
    expect(coverages[0]).toMatchObject({
      patientId: patients[0]!.id,
      planName: "Corporate Baker's Inc. Plan#35",
    });
    expect(claims[0]!.lines[0]!.net).toEqual({ amountMinor: 13557, currency: 'USD' });
  });

  it('maps Coverage 9876B1 classes and EOB EB3500 amounts', () => {
    const cov = map('Coverage-9876B1.json');
    if (!cov.ok) throw new Error('expected ok');
    expect(cov.batch.coverages[0]).toMatchObject({
      groupNumber: 'CB135',
      planName: 'Full Coverage: Medical, Dental, Pharmacy, Vision, EHC',
      memberId: '12345',
      relationship: 'self',
      periodStart: '2011-05-23',
      patientId: uuidV5('Patient/4'),
    });
    const eob = map('ExplanationOfBenefit-EB3500.json');
    if (!eob.ok) throw new Error('expected ok');
    const e = eob.batch.explanationsOfBenefit[0]!;
    expect(e.total).toEqual([
      { category: 'submitted', amount: { amountMinor: 13557, currency: 'USD' } },
      { category: 'benefit', amount: { amountMinor: 9600, currency: 'USD' } },
    ]);
    expect(e.coverageId).toBe(uuidV5('Coverage/9876B1'));
    expect(e.claimId).toBe(uuidV5('Claim/100150'));
  });

  it('resolves a contained Medication to its code', () => {
    const result = map('MedicationRequest-medrx0302.json');
    if (!result.ok) throw new Error('expected ok');
    const m = result.batch.medicationRequests[0]!;
    expect(m.medication.code).not.toMatch(/^#/);
    expect(m.refillsAllowed).toBe(1);
    expect(m.validUntil).toBe('2016-01-15');
  });
});
