import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpusJson } from '../testing/corpus';
import { mapFhirImport } from './map-bundle';

interface RawEntry {
  fullUrl?: string;
  resource: { resourceType: string; id: string; contained?: Array<{ resourceType: string }> };
}

const files = corpusFiles('synthea', /\.json$/);
const ORG = '00000000-0000-4000-8000-000000000001';

function countOf(entries: RawEntry[], type: string): number {
  return entries.filter((e) => e.resource.resourceType === type).length;
}

describe('Synthea transaction bundles', () => {
  it('finds the 25 bundles of the corpus', () => {
    expect(files).toHaveLength(25);
  });

  it.each(files)('%s maps whole, with a record per mapped entry', (file) => {
    const bundle = readCorpusJson('synthea', file) as { entry: RawEntry[] };
    const entries = bundle.entry;
    const result = mapFhirImport(bundle, { organizationId: ORG });
    if (!result.ok) throw new Error(JSON.stringify(result.outcome.issue.slice(0, 5)));
    const { batch, skipped } = result;

    expect(batch.patients).toHaveLength(countOf(entries, 'Patient'));
    expect(batch.patients).toHaveLength(1);
    expect(batch.organizations).toHaveLength(countOf(entries, 'Organization'));
    expect(batch.practitioners).toHaveLength(countOf(entries, 'Practitioner'));
    expect(batch.encounters).toHaveLength(countOf(entries, 'Encounter'));
    expect(batch.conditions).toHaveLength(countOf(entries, 'Condition'));
    expect(batch.medicationRequests).toHaveLength(countOf(entries, 'MedicationRequest'));
    expect(batch.carePlans).toHaveLength(countOf(entries, 'CarePlan'));
    expect(batch.claims).toHaveLength(countOf(entries, 'Claim'));
    expect(batch.explanationsOfBenefit).toHaveLength(countOf(entries, 'ExplanationOfBenefit'));

    // Every contained Coverage of every EOB becomes a coverage, linked from its EOB.
    const containedCoverages = entries
      .filter((e) => e.resource.resourceType === 'ExplanationOfBenefit')
      .flatMap((e) => (e.resource.contained ?? []).filter((c) => c.resourceType === 'Coverage'));
    expect(containedCoverages.length).toBeGreaterThan(0);
    expect(batch.coverages).toHaveLength(containedCoverages.length);
    const coverageIds = new Set(batch.coverages.map((c) => c.id));
    for (const eob of batch.explanationsOfBenefit) {
      expect(eob.coverageId).not.toBeNull();
      expect(coverageIds.has(eob.coverageId!)).toBe(true);
    }

    // Everything points at the one patient, whose id is Synthea's own UUID.
    const patientEntry = entries.find((e) => e.resource.resourceType === 'Patient')!;
    const patientId = batch.patients[0]!.id;
    expect(patientId).toBe(patientEntry.resource.id.toLowerCase());
    for (const list of [
      batch.encounters,
      batch.conditions,
      batch.medicationRequests,
      batch.carePlans,
      batch.claims,
      batch.explanationsOfBenefit,
      batch.coverages,
    ]) {
      for (const r of list) expect(r.patientId).toBe(patientId);
    }

    // Links resolve inside the batch.
    const encounterIds = new Set(batch.encounters.map((e) => e.id));
    for (const c of batch.conditions) {
      if (c.encounterId !== null) expect(encounterIds.has(c.encounterId)).toBe(true);
    }
    const claimIds = new Set(batch.claims.map((c) => c.id));
    for (const eob of batch.explanationsOfBenefit) expect(claimIds.has(eob.claimId!)).toBe(true);
    const practitionerIds = new Set(batch.practitioners.map((p) => p.id));
    for (const e of batch.encounters) {
      if (e.practitionerId !== null) expect(practitionerIds.has(e.practitionerId)).toBe(true);
    }

    // Source keys name the entry they came from.
    for (const enc of batch.encounters) {
      const raw = entries[enc.source.entryIndex]!;
      expect(enc.source.sourceKey).toBe(`Encounter/${raw.resource.id}`);
    }

    // Everything not mapped is listed as skipped, nothing is lost silently.
    const mappedTypes = new Set([
      'Patient',
      'Organization',
      'Practitioner',
      'Encounter',
      'Condition',
      'MedicationRequest',
      'CarePlan',
      'Claim',
      'ExplanationOfBenefit',
    ]);
    const expectedSkipped = entries.filter((e) => !mappedTypes.has(e.resource.resourceType));
    expect(skipped).toHaveLength(expectedSkipped.length);

    // Money is integral minor units.
    for (const eob of batch.explanationsOfBenefit) {
      for (const line of eob.lines) {
        for (const adj of line.adjudication) {
          if (adj.amount) expect(Number.isSafeInteger(adj.amount.amountMinor)).toBe(true);
        }
      }
    }

    // Mapping is a pure function of the input: the same bundle gives the same batch.
    const again = mapFhirImport(readCorpusJson('synthea', file), { organizationId: ORG });
    expect(again).toEqual(result);
  });

  it('keeps Synthea names, dates and phones as a person would expect', () => {
    const file = files.find((f) => f.startsWith('Adalberto_Hartmann'))!;
    const result = mapFhirImport(readCorpusJson('synthea', file), { organizationId: ORG });
    if (!result.ok) throw new Error('expected ok');
    const p = result.batch.patients[0]!;
    expect(p.names[0]).toMatchObject({ use: 'official', family: 'Hartmann', given: ['Adalberto'] });
    expect(p.birthDate).toBe('1949-11-29');
    expect(p.administrativeSex).toBe('male');
    expect(p.preferredLanguage).toBe('en');
    expect(p.telecom[0]).toEqual({
      system: 'phone',
      value: '+15551862275',
      use: 'home',
      rank: undefined,
    });
    expect(p.identifiers.find((i) => i.type === 'MR')?.system).toBe(
      'http://hospital.smarthealthit.org',
    );
    expect(p.addresses[0]).toMatchObject({ city: 'Worcester', postalCode: '01545', country: 'US' });
  });
});
