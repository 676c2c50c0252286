import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  carePlan,
  clinicalBatch,
  condition,
  encounter,
  medicationRequest,
} from '../../storage/contract/clinical-fixtures';
import { importBatch } from '../../storage/registry-import/import-store';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import {
  as,
  PASSWORD,
  signIn,
  startDesk,
  type Desk,
  type TestClock,
} from '../auth/testing/auth-fixtures';

let desk: Desk;
let clock: TestClock;
let nurse: Inject;
let billing: Inject;
let alma = '';
let bruno = '';
let daughter = '';
let neighbour = '';
const encounterIds: string[] = [];

async function account(input: {
  kind: 'patient' | 'caregiver';
  email: string;
  patientId?: string;
  relatedPersonIds?: string[];
}): Promise<Inject> {
  await desk.services.identity.accounts.provision(
    { organizationId: desk.organizationId, displayName: input.email.split('@')[0]!, ...input },
    PASSWORD,
  );
  const s = await signIn(desk, clock, input.email);
  return (opts) =>
    desk.app.inject({
      ...opts,
      headers: { ...as(s), ...(opts.headers as Record<string, string>) },
    });
}

const get = (who: Inject, url: string) => who({ method: 'GET', url });

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  nurse = (await signedInStaff(desk, clock, ['nurse'])).inject;
  billing = (await signedInStaff(desk, clock, ['billing'])).inject;
  const supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  const create = async (given: string) =>
    (
      await supervisor({
        method: 'POST',
        url: '/api/patients',
        payload: { names: [{ given: [given], family: 'Clinical' }], birthDate: '1950-05-05' },
      })
    ).json().id as string;
  alma = await create('Alma');
  bruno = await create('Bruno');
  const caregiver = async (given: string) =>
    (
      await supervisor({
        method: 'POST',
        url: `/api/patients/${alma}/related-persons`,
        payload: {
          names: [{ given: [given], family: 'Clinical' }],
          relationship: 'DAU',
          isCaregiver: true,
        },
      })
    ).json().id as string;
  daughter = await caregiver('Dana');
  neighbour = await caregiver('Nils');
  const visits = [
    '2025-02-01T09:00:00Z',
    '2025-06-15T14:30:00Z',
    '2024-11-30T08:00:00Z',
    '2026-01-10T10:00:00Z',
    '2025-09-09T11:11:00Z',
  ].map((d, i) =>
    encounter(alma, d, {
      classCode: i === 3 ? 'IMP' : 'AMB',
      dischargeDisposition:
        i === 3
          ? { system: 'http://www.nubc.org/patient-discharge', code: '01', display: 'Home' }
          : null,
    }),
  );
  encounterIds.push(
    ...[...visits].sort((a, b) => b.periodStart!.localeCompare(a.periodStart!)).map((e) => e.id),
  );
  await importBatch(
    desk.database,
    desk.organizationId,
    clinicalBatch({
      encounters: [...visits, encounter(bruno, '2026-02-02T09:00:00Z')],
      conditions: [condition(alma, '2019-03-04', { abatement: null })],
      medicationRequests: [medicationRequest(alma, '2025-06-15T14:45:00Z')],
      carePlans: [carePlan(alma, '2025-06-15')],
    }),
    clock.now().toISOString(),
  );
});
afterAll(async () => desk.dispose());

async function auditEntries(patientId: string, resourceType: string) {
  return desk.database.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('resource_type', '=', resourceType)
    .orderBy('seq')
    .execute();
}

describe('staff with clinical.read', () => {
  it('read encounters newest first, in CareDesk’s model, and the read is audited', async () => {
    const before = (await auditEntries(alma, 'Encounter')).length;
    const res = await get(nurse, `/api/patients/${alma}/encounters`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>();
    expect(body.items.map((e) => e.id)).toEqual(encounterIds);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      patientId: alma,
      status: 'finished',
      classCode: 'IMP',
      periodStart: '2026-01-10T10:00:00Z',
      types: [{ code: '185349003', display: 'Encounter for check up' }],
      dischargeDisposition: { code: '01', display: 'Home' },
    });
    expect(body.items[0]).not.toHaveProperty('source');
    expect(body.items[0]).not.toHaveProperty('resourceType');
    const added = (await auditEntries(alma, 'Encounter')).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: 'read',
      outcome: 'success',
      actor_kind: 'staff',
      resource_id: alma,
      detail: JSON.stringify({ results: 5 }),
    });
  });

  it.each([
    ['conditions', 'Condition', { clinicalStatus: 'active', onset: '2019-03-04' }],
    ['medications', 'MedicationRequest', { status: 'active', authoredOn: '2025-06-15T14:45:00Z' }],
    ['care-plans', 'CarePlan', { status: 'active', title: 'Diabetes self-management' }],
  ])('read %s, audited as %s', async (path, resourceType, fields) => {
    const before = (await auditEntries(alma, resourceType)).length;
    const res = await get(nurse, `/api/patients/${alma}/${path}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ patientId: alma, ...fields })]);
    expect((await auditEntries(alma, resourceType)).slice(before)).toMatchObject([
      { action: 'read', outcome: 'success' },
    ]);
  });

  it('page with limit and cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let url = `/api/patients/${alma}/encounters?limit=2`;
    for (let i = 0; i < 5; i++) {
      const page = (await get(nurse, url)).json<{
        items: Array<{ id: string }>;
        nextCursor: string | null;
      }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      url = `/api/patients/${alma}/encounters?limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(encounterIds);
  });

  it('get 404 for a patient that does not exist, and a 400 problem for a malformed id', async () => {
    const missing = await get(nurse, `/api/patients/${randomUUID()}/encounters`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await get(nurse, '/api/patients/not-a-uuid/conditions')).statusCode).toBe(400);
  });

  it.each([
    ['cursor=bm90LWEtY3Vyc29y', 'a cursor that is not one of ours'],
    ['cursor=%27%20OR%20%271%27%3D%271', 'SQL in the cursor'],
    ['limit=0', 'a limit of zero'],
    ['limit=101', 'a limit above 100'],
    ['limit=ten', 'a limit that is not a number'],
    ['sort=period_start', 'an unknown parameter'],
  ])('answer %s (%s) with a 400 problem', async (query) => {
    const res = await get(nurse, `/api/patients/${alma}/medications?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('staff without clinical.read', () => {
  it.each(['encounters', 'conditions', 'medications', 'care-plans'])(
    'a billing clerk is refused %s with 403, and the refusal is audited',
    async (path) => {
      const before = await desk.database.db
        .selectFrom('audit_entries')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      const res = await get(billing, `/api/patients/${alma}/${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const denied = await desk.database.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('seq', '>', before.seq)
        .where('outcome', '=', 'denied')
        .execute();
      expect(denied).toMatchObject([{ patient_id: alma, action: 'read' }]);
    },
  );
});

describe('patients and caregivers', () => {
  it('a patient reads their own lists, and gets 404 for another patient', async () => {
    const self = await account({
      kind: 'patient',
      email: 'alma@patients.example',
      patientId: alma,
    });
    for (const path of ['encounters', 'conditions', 'medications', 'care-plans']) {
      expect((await get(self, `/api/patients/${alma}/${path}`)).statusCode, path).toBe(200);
      expect((await get(self, `/api/patients/${bruno}/${path}`)).statusCode, path).toBe(404);
    }
  });

  it('a caregiver reads only the categories a consent in force grants: 404 for the rest', async () => {
    const dana = await account({
      kind: 'caregiver',
      email: 'dana@family.example',
      relatedPersonIds: [daughter],
    });
    const nils = await account({
      kind: 'caregiver',
      email: 'nils@family.example',
      relatedPersonIds: [neighbour],
    });
    const self = await account({
      kind: 'patient',
      email: 'alma2@patients.example',
      patientId: alma,
    });
    const granted = await self({
      method: 'POST',
      url: `/api/patients/${alma}/consents`,
      payload: { relatedPersonId: daughter, permit: ['profile', 'medications'] },
    });
    expect(granted.statusCode).toBe(201);
    const meds = await get(dana, `/api/patients/${alma}/medications`);
    expect(meds.statusCode).toBe(200);
    expect(meds.json().items).toHaveLength(1);
    for (const path of ['encounters', 'conditions', 'care-plans']) {
      expect((await get(dana, `/api/patients/${alma}/${path}`)).statusCode, path).toBe(404);
    }
    // No consent at all: nothing, and not even a hint that the record exists.
    for (const path of ['encounters', 'conditions', 'medications', 'care-plans']) {
      const res = await get(nils, `/api/patients/${alma}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const reads = (await auditEntries(alma, 'MedicationRequest')).filter(
      (e) => e.actor_kind === 'caregiver',
    );
    expect(reads.map((e) => e.outcome)).toEqual(['success', 'denied']);
  });
});
