import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FhirImportResult } from './map-bundle';
import { mapFhirImport, MAX_ENTRIES } from './map-bundle';

const ORG = '00000000-0000-4000-8000-000000000001';

function patient(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: 'p1',
    name: [{ family: 'Berzina', given: ['Ilze'] }],
    ...extra,
  };
}

function bundle(entries: unknown[], type = 'transaction'): unknown {
  return { resourceType: 'Bundle', type, entry: entries };
}

function issuesOf(result: FhirImportResult) {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  return result.outcome.issue.map((i) => ({ code: i.code, at: i.expression?.[0] ?? '' }));
}

describe('hostile and broken input', () => {
  it('rejects non-objects at the root', () => {
    for (const input of [null, 42, 'Bundle', [], true, undefined]) {
      expect(issuesOf(mapFhirImport(input, { organizationId: ORG }))).toEqual([
        { code: 'structure', at: '$' },
      ]);
    }
  });

  it('names every entry that is not an object', () => {
    const result = mapFhirImport(bundle([1, 'x', null, { resource: patient() }, []]), {
      organizationId: ORG,
    });
    expect(issuesOf(result)).toEqual([
      { code: 'structure', at: 'Bundle.entry[0]' },
      { code: 'structure', at: 'Bundle.entry[1]' },
      { code: 'structure', at: 'Bundle.entry[2]' },
      { code: 'structure', at: 'Bundle.entry[4]' },
    ]);
  });

  it('rejects a 10,000-character name but accepts a long real one', () => {
    const long = 'a'.repeat(10_000);
    const result = mapFhirImport(bundle([{ resource: patient({ name: [{ family: long }] }) }]), {
      organizationId: ORG,
    });
    expect(issuesOf(result)).toEqual([
      { code: 'too-long', at: 'Bundle.entry[0].resource.name[0].family' },
    ]);
    const ok = mapFhirImport(patient({ name: [{ family: 'Ø'.repeat(1000) }] }), {
      organizationId: ORG,
    });
    expect(ok.ok).toBe(true);
  });

  it('rejects NUL and other control characters anywhere, but allows newlines in narrative', () => {
    const result = mapFhirImport(
      bundle([
        { resource: patient({ name: [{ family: 'Ber\u0000zina' }] }) },
        { resource: { resourceType: 'Organization', id: 'o', name: 'ok', alias: ['\u0007bell'] } },
        {
          resource: patient({ id: 'p2', text: { status: 'generated', div: '<div>a\nb\tc</div>' } }),
        },
      ]),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual([
      { code: 'invalid', at: 'Bundle.entry[0].resource.name[0].family' },
      { code: 'invalid', at: 'Bundle.entry[1].resource.alias[0]' },
    ]);
  });

  it('rejects __proto__ and constructor keys without polluting prototypes', () => {
    const evil = JSON.parse(
      '{"resourceType":"Patient","id":"p1","__proto__":{"polluted":true},"name":[{"constructor":{"prototype":{"x":1}},"family":"X"}]}',
    ) as unknown;
    const result = mapFhirImport(bundle([{ resource: evil }]), { organizationId: ORG });
    expect(issuesOf(result)).toEqual([
      { code: 'security', at: 'Bundle.entry[0].resource.__proto__' },
      { code: 'security', at: 'Bundle.entry[0].resource.name[0].constructor' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops at deeply nested junk', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 5_000; i++) deep = { x: [deep] };
    const result = mapFhirImport(bundle([{ resource: patient({ extension: deep }) }]), {
      organizationId: ORG,
    });
    const issues = issuesOf(result);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('too-costly');
    expect(issues[0]!.at.startsWith('Bundle.entry[0].resource.extension')).toBe(true);
  });

  it('rejects a wrongly-cased or missing resourceType', () => {
    const result = mapFhirImport(
      bundle([{ resource: { resourceType: 'patient', id: 'a' } }, { resource: { id: 'b' } }]),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual([
      { code: 'invalid', at: 'Bundle.entry[0].resource.resourceType' },
      { code: 'required', at: 'Bundle.entry[1].resource.resourceType' },
    ]);
    if (!result.ok) expect(result.outcome.issue[0]!.diagnostics).toContain('"Patient"');
  });

  it('rejects impossible and malformed birth dates, and maps partial ones to null', () => {
    const bad = ['2024-13-01', '2023-02-29', '1990-1-1', '12/01/1990', '2024-00', ''];
    const result = mapFhirImport(
      bundle(bad.map((birthDate, i) => ({ resource: patient({ id: `p${i}`, birthDate }) }))),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual(
      bad.map((_, i) => ({ code: 'invalid', at: `Bundle.entry[${i}].resource.birthDate` })),
    );
    const partial = mapFhirImport(patient({ birthDate: '1963-04' }), { organizationId: ORG });
    expect(partial.ok && partial.batch.patients[0]!.birthDate).toBeNull();
    const leap = mapFhirImport(patient({ birthDate: '2024-02-29' }), { organizationId: ORG });
    expect(leap.ok && leap.batch.patients[0]!.birthDate).toBe('2024-02-29');
  });

  it('rejects invalid gender codes and ids', () => {
    const result = mapFhirImport(
      bundle([{ resource: patient({ gender: 'M' }) }, { resource: patient({ id: 'has space' }) }]),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual([
      { code: 'code-invalid', at: 'Bundle.entry[0].resource.gender' },
      { code: 'invalid', at: 'Bundle.entry[1].resource.id' },
    ]);
  });

  it('rejects duplicate fullUrls and duplicate resources', () => {
    const url = 'urn:uuid:0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f00';
    const result = mapFhirImport(
      bundle([
        { fullUrl: url, resource: patient({ id: 'a' }) },
        { fullUrl: url, resource: patient({ id: 'b' }) },
        { resource: patient({ id: 'a' }) },
      ]),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual([
      { code: 'duplicate', at: 'Bundle.entry[1].fullUrl' },
      { code: 'duplicate', at: 'Bundle.entry[2].resource' },
    ]);
  });

  it('rejects references to entries that are not in the bundle, and missing subjects', () => {
    const result = mapFhirImport(
      bundle([
        { fullUrl: 'urn:uuid:0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f01', resource: patient() },
        {
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: 'urn:uuid:0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f99' },
          },
        },
        { resource: { resourceType: 'Condition', code: { text: 'x' } } },
        { resource: { resourceType: 'Claim', patient: { reference: 'Group/g1' } } },
        {
          resource: {
            resourceType: 'Encounter',
            status: 'done',
            subject: { reference: 'Patient/p1' },
          },
        },
      ]),
      { organizationId: ORG },
    );
    expect(issuesOf(result)).toEqual([
      { code: 'not-found', at: 'Bundle.entry[1].resource.subject.reference' },
      { code: 'required', at: 'Bundle.entry[2].resource.subject' },
      { code: 'invalid', at: 'Bundle.entry[3].resource.patient' },
      { code: 'code-invalid', at: 'Bundle.entry[4].resource.status' },
    ]);
  });

  it('resolves relative, conditional and urn references, and skips what it does not map', () => {
    const result = mapFhirImport(
      bundle([
        {
          fullUrl: 'urn:uuid:0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f01',
          resource: { resourceType: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Practitioner',
            id: 'dr',
            identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'e1',
            status: 'finished',
            subject: { reference: 'urn:uuid:0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f01' },
            participant: [
              {
                individual: {
                  reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893',
                },
              },
            ],
            serviceProvider: { reference: 'Organization?identifier=nowhere|1' },
            location: [{ location: { reference: 'Location/ward-7' } }],
          },
        },
        { resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } } },
      ]),
      { organizationId: ORG },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.outcome));
    const [enc] = result.batch.encounters;
    expect(enc!.patientId).toBe('0b8c2a5e-7a1e-4d8c-9d6e-5a4c3b2a1f01');
    expect(enc!.practitionerId).toBe(result.batch.practitioners[0]!.id);
    expect(enc!.serviceProviderId).toBeNull();
    expect(enc!.locationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.skipped).toEqual([{ entryIndex: 3, resourceType: 'Observation' }]);
    // An entry with neither id nor fullUrl still gets a stable id.
    const again = mapFhirImport(
      bundle([{ resource: { resourceType: 'Patient', name: [{ family: 'Anon' }] } }]),
      { organizationId: ORG },
    );
    const twice = mapFhirImport(
      bundle([{ resource: { name: [{ family: 'Anon' }], resourceType: 'Patient' } }]),
      { organizationId: ORG },
    );
    expect(
      again.ok && twice.ok && again.batch.patients[0]!.id === twice.batch.patients[0]!.id,
    ).toBe(true);
  });

  it('rejects unknown and unsupported bundle types, and oversized bundles', () => {
    expect(issuesOf(mapFhirImport(bundle([], 'pile'), { organizationId: ORG }))).toEqual([
      { code: 'code-invalid', at: 'Bundle.type' },
    ]);
    expect(issuesOf(mapFhirImport(bundle([], 'document'), { organizationId: ORG }))).toEqual([
      { code: 'not-supported', at: 'Bundle.type' },
    ]);
    const huge = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: new Array<unknown>(MAX_ENTRIES + 1).fill(1),
    };
    expect(issuesOf(mapFhirImport(huge, { organizationId: ORG }))).toEqual([
      { code: 'too-costly', at: 'Bundle.entry' },
    ]);
  });

  it('converts money without float error', () => {
    const claim = {
      resourceType: 'Claim',
      id: 'c1',
      patient: { reference: 'Patient/p1' },
      total: { value: 129.16, currency: 'USD' },
      item: [
        { sequence: 1, productOrService: { text: 'x' }, net: { value: 0.29, currency: 'USD' } },
      ],
    };
    const result = mapFhirImport(claim, { organizationId: ORG });
    if (!result.ok) throw new Error(JSON.stringify(result.outcome));
    expect(result.batch.claims[0]!.total).toEqual({ amountMinor: 12916, currency: 'USD' });
    expect(result.batch.claims[0]!.lines[0]!.net).toEqual({ amountMinor: 29, currency: 'USD' });
  });

  it('never throws and always answers in one of the two shapes, for any JSON value', () => {
    const resourceLike = fc.record({
      resourceType: fc.constantFrom(
        'Patient',
        'Encounter',
        'Claim',
        'ExplanationOfBenefit',
        'Coverage',
        'patient',
        'X',
      ),
      id: fc.option(fc.string(), { nil: undefined }),
      birthDate: fc.option(fc.string(), { nil: undefined }),
      name: fc.option(fc.jsonValue(), { nil: undefined }),
      subject: fc.option(fc.jsonValue(), { nil: undefined }),
      patient: fc.option(fc.jsonValue(), { nil: undefined }),
      contained: fc.option(fc.jsonValue(), { nil: undefined }),
    });
    const input = fc.oneof(
      fc.jsonValue(),
      resourceLike,
      fc.record({
        resourceType: fc.constant('Bundle'),
        type: fc.constantFrom('transaction', 'batch', 'collection', 'x'),
        entry: fc.array(
          fc.oneof(fc.jsonValue(), fc.record({ fullUrl: fc.string(), resource: resourceLike })),
        ),
      }),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = mapFhirImport(value, { organizationId: ORG });
        if (!result.ok) {
          expect(result.outcome.issue.length).toBeGreaterThan(0);
          expect(result.outcome.issue.some((i) => i.code === 'exception')).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
