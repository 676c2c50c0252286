import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithStaff, type Inject } from '../../testing/signed-in-client';

type Desk = Awaited<ReturnType<typeof startWithStaff>>['desk'];
let desk: Desk;
let inject: Inject;
let patientId = '';
let practitionerId = '';

beforeAll(async () => {
  ({
    desk,
    staff: { inject },
  } = await startWithStaff());
  const created = await inject({
    method: 'POST',
    url: '/api/patients',
    payload: {
      names: [{ given: ['Ilze'], family: 'Kalniņa' }],
      birthDate: '1941-07-07',
      preferredLanguage: 'lv',
    },
  });
  patientId = created.json().id;
  const fhir = await inject({
    method: 'POST',
    url: '/fhir/R4',
    headers: { 'content-type': 'application/fhir+json' },
    payload: JSON.stringify({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:6f1c8a3e-2b4d-4c5e-9f70-1a2b3c4d5e6f',
          resource: {
            resourceType: 'Practitioner',
            id: '6f1c8a3e-2b4d-4c5e-9f70-1a2b3c4d5e6f',
            name: [{ family: 'Ozols', given: ['Jānis'], prefix: ['Dr.'] }],
            identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
          },
          request: { method: 'POST', url: 'Practitioner' },
        },
      ],
    }),
  });
  expect(fhir.statusCode).toBe(200);
  practitionerId = '6f1c8a3e-2b4d-4c5e-9f70-1a2b3c4d5e6f';
});
afterAll(async () => desk.dispose());

describe('caregivers, coverages and care team', () => {
  it('adds a caregiver with normalised contacts and lists it', async () => {
    const res = await inject({
      method: 'POST',
      url: `/api/patients/${patientId}/related-persons`,
      payload: {
        names: [{ given: ['Dace'], family: 'Kalniņa' }],
        relationship: 'DAU',
        telecom: [{ system: 'phone', value: '+371 2000 1234' }],
        preferredLanguage: 'lv-LV',
        isCaregiver: true,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().telecom[0].value).toBe('+37120001234');
    const list = await inject({
      method: 'GET',
      url: `/api/patients/${patientId}/related-persons`,
    });
    expect(
      list
        .json()
        .items.map((r: { relationship: string; preferredLanguage: string }) => [
          r.relationship,
          r.preferredLanguage,
        ]),
    ).toEqual([['DAU', 'lv']]);
  });

  it('adds primary and secondary coverage and lists them in benefit order', async () => {
    for (const [order, payerName] of [
      [2, 'Secondary Mutual'],
      [1, 'Medicare Part B'],
    ] as const) {
      const res = await inject({
        method: 'POST',
        url: `/api/patients/${patientId}/coverages`,
        payload: {
          payerName,
          memberId: `M-${order}`,
          order,
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const list = await inject({
      method: 'GET',
      url: `/api/patients/${patientId}/coverages`,
    });
    expect(list.json().items.map((c: { payerName: string }) => c.payerName)).toEqual([
      'Medicare Part B',
      'Secondary Mutual',
    ]);
  });

  it('refuses a coverage period that ends before it starts, and an unknown field', async () => {
    const backwards = await inject({
      method: 'POST',
      url: `/api/patients/${patientId}/coverages`,
      payload: { payerName: 'X', periodStart: '2026-05-01', periodEnd: '2026-01-01' },
      headers: { 'accept-language': 'es' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues[0].message).toBe('El período termina antes de comenzar.');
    const mass = await inject({
      method: 'POST',
      url: `/api/patients/${patientId}/coverages`,
      payload: { payerName: 'X', patientId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(mass.statusCode).toBe(400);
  });

  it('adds a practitioner on file to the care team, and refuses an unknown one', async () => {
    const ok = await inject({
      method: 'POST',
      url: `/api/patients/${patientId}/care-team`,
      payload: { practitionerId, role: 'primary-care', periodStart: '2026-01-01' },
    });
    expect(ok.statusCode).toBe(201);
    const team = await inject({
      method: 'GET',
      url: `/api/patients/${patientId}/care-team`,
    });
    expect(team.json().items).toMatchObject([
      { role: 'primary-care', practitionerName: 'Dr. Jānis Ozols' },
    ]);
    const unknown = await inject({
      method: 'POST',
      url: `/api/patients/${patientId}/care-team`,
      payload: { practitionerId: '00000000-0000-4000-8000-000000000000', role: 'nurse' },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 404 for relations of a patient not on file', async () => {
    const res = await inject({
      method: 'GET',
      url: '/api/patients/00000000-0000-4000-8000-000000000000/coverages',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
