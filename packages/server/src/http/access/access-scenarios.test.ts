import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signIn,
  startDesk,
  type Desk,
  type TestClock,
  as,
  PASSWORD,
} from '../auth/testing/auth-fixtures';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import {
  addOrganization,
  patient as patientFixture,
} from '../../storage/contract/registry-fixtures';
import { PatientRepository } from '../../storage/patients/patient-repository';

let desk: Desk;
let clock: TestClock;
let nurse: Inject;
let supervisor: Inject;
let agent: Inject;
let privacy: Inject;
let patientA = '';
let patientB = '';
let foreignPatient = '';
let daughter = '';

async function signedInAccount(input: {
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

async function audit(action: string) {
  return desk.database.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** Staff sign in again: tests move the clock past the 15-minute staff idle timeout. */
async function freshStaff(): Promise<void> {
  nurse = (await signedInStaff(desk, clock, ['nurse'])).inject;
  supervisor = (await signedInStaff(desk, clock, ['supervisor'])).inject;
  agent = (await signedInStaff(desk, clock, ['agent'])).inject;
  privacy = (await signedInStaff(desk, clock, ['privacy-officer'])).inject;
}

beforeAll(async () => {
  ({ desk, clock } = await startDesk());
  await freshStaff();
  const create = async (given: string) =>
    (
      await supervisor({
        method: 'POST',
        url: '/api/patients',
        payload: { names: [{ given: [given], family: 'Scenario' }], birthDate: '1950-05-05' },
      })
    ).json().id as string;
  patientA = await create('Alma');
  patientB = await create('Bruno');
  const rp = await supervisor({
    method: 'POST',
    url: `/api/patients/${patientA}/related-persons`,
    payload: {
      names: [{ given: ['Dana'], family: 'Scenario' }],
      relationship: 'DAU',
      isCaregiver: true,
    },
  });
  daughter = rp.json().id;
  await supervisor({
    method: 'POST',
    url: `/api/patients/${patientA}/coverages`,
    payload: { payerName: 'Medicare', order: 1 },
  });
  const otherOrg = await addOrganization(desk.database, 'Other Clinic');
  const foreign = patientFixture(otherOrg, {
    names: [{ use: 'official', given: ['Far'], family: 'Away', prefix: [], suffix: [] }],
  });
  await desk.database.db
    .transaction()
    .execute((trx) => new PatientRepository(desk.database).create(trx, foreign));
  foreignPatient = foreign.id;
});
afterAll(async () => desk.dispose());

describe('patients see only their own record', () => {
  it('reads its own record, and gets 404 — never 403 — for another patient', async () => {
    const alma = await signedInAccount({
      kind: 'patient',
      email: 'alma@patients.example',
      patientId: patientA,
    });
    expect((await alma({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(200);
    const other = await alma({ method: 'GET', url: `/api/patients/${patientB}` });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await alma({ method: 'GET', url: `/fhir/R4/Patient/${patientB}` })).statusCode).toBe(
      404,
    );
    expect((await alma({ method: 'GET', url: '/api/patients?q=bruno' })).statusCode).toBe(403);
    expect(
      (
        await alma({
          method: 'POST',
          url: `/api/patients/${patientA}/merge`,
          payload: { into: patientB },
        })
      ).statusCode,
    ).toBe(403);
    const denied = (await audit('read')).filter(
      (e) => e.outcome === 'denied' && e.patient_id === patientB,
    );
    expect(denied.length).toBeGreaterThan(0);
  });
});

describe('caregivers see exactly what an active consent grants', () => {
  let dana: Inject;
  let alma: Inject;
  let consentId = '';
  beforeAll(async () => {
    dana = await signedInAccount({
      kind: 'caregiver',
      email: 'dana@family.example',
      relatedPersonIds: [daughter],
    });
    alma = await signedInAccount({
      kind: 'patient',
      email: 'alma2@patients.example',
      patientId: patientA,
    });
  });

  it('sees nothing before the patient consents', async () => {
    expect((await dana({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(404);
  });

  it('sees the granted categories, and 404 for the rest and for other patients', async () => {
    const granted = await alma({
      method: 'POST',
      url: `/api/patients/${patientA}/consents`,
      payload: {
        relatedPersonId: daughter,
        permit: ['profile', 'billing', 'care-plans'],
        deny: ['care-plans'],
        periodEnd: '2026-03-03T09:00:00.000Z',
      },
    });
    expect(granted.statusCode).toBe(201);
    consentId = granted.json().id;
    expect((await dana({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(200);
    expect(
      (await dana({ method: 'GET', url: `/api/patients/${patientA}/coverages` })).statusCode,
    ).toBe(200);
    // Permitted and denied: the nested deny wins.
    expect(
      (await dana({ method: 'GET', url: `/api/patients/${patientA}/care-team` })).statusCode,
    ).toBe(404);
    expect((await dana({ method: 'GET', url: `/api/patients/${patientB}` })).statusCode).toBe(404);
    // Proxies read; they do not change the record.
    expect(
      (
        await dana({
          method: 'POST',
          url: `/api/patients/${patientA}/coverages`,
          payload: { payerName: 'X' },
        })
      ).statusCode,
    ).toBe(404);
    const reads = (await audit('read')).filter(
      (e) => e.actor_kind === 'caregiver' && e.outcome === 'success',
    );
    expect(reads.at(-1)).toMatchObject({ on_behalf_of: patientA, patient_id: patientA });
  });

  it('exports the consent as valid FHIR Consent', async () => {
    const res = await alma({
      method: 'GET',
      url: `/api/patients/${patientA}/consents/${consentId}/fhir`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      resourceType: 'Consent',
      status: 'active',
      provision: { type: 'permit' },
    });
  });

  it('loses access the moment the patient revokes', async () => {
    const revoked = await alma({
      method: 'POST',
      url: `/api/patients/${patientA}/consents/${consentId}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    expect((await dana({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(404);
    expect(
      (
        await alma({
          method: 'POST',
          url: `/api/patients/${patientA}/consents/${consentId}/revoke`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('loses access when the consent period ends', async () => {
    const again = await alma({
      method: 'POST',
      url: `/api/patients/${patientA}/consents`,
      payload: {
        relatedPersonId: daughter,
        permit: ['profile'],
        periodEnd: new Date(clock.now().getTime() + 20 * 60_000).toISOString(),
      },
    });
    expect(again.statusCode).toBe(201);
    expect((await dana({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(200);
    clock.advance(20 * 60_000 + 1000);
    expect((await dana({ method: 'GET', url: `/api/patients/${patientA}` })).statusCode).toBe(404);
  });
});

describe('staff reach, ID swapping and break-the-glass', () => {
  beforeAll(freshStaff);

  it('never reaches another organization through path, body or FHIR ids', async () => {
    expect(
      (await supervisor({ method: 'GET', url: `/api/patients/${foreignPatient}` })).statusCode,
    ).toBe(404);
    expect(
      (await supervisor({ method: 'GET', url: `/fhir/R4/Patient/${foreignPatient}` })).statusCode,
    ).toBe(404);
    const merge = await supervisor({
      method: 'POST',
      url: `/api/patients/${patientB}/merge`,
      payload: { into: foreignPatient },
    });
    expect(merge.statusCode).toBe(404);
    expect((await supervisor({ method: 'GET', url: `/api/patients/${patientB}` })).statusCode).toBe(
      200,
    );
    const search = await supervisor({ method: 'GET', url: '/api/patients?q=far%20away' });
    expect(search.json().items).toEqual([]);
  });

  it('rejects mass assignment of protected fields', async () => {
    for (const field of ['organizationId', 'version', 'mergedInto', 'id', 'restricted']) {
      const res = await supervisor({
        method: 'POST',
        url: '/api/patients',
        payload: { names: [{ given: ['M'], family: 'A' }], [field]: 'x' },
      });
      expect(res.statusCode, field).toBe(400);
    }
  });

  it('requires a reason and a permission to open a restricted record, time-boxed and reviewed', async () => {
    expect(
      (
        await privacy({
          method: 'PUT',
          url: `/api/patients/${patientB}/restricted`,
          payload: { restricted: true },
        })
      ).statusCode,
    ).toBe(204);
    const blocked = await nurse({ method: 'GET', url: `/api/patients/${patientB}` });
    expect(blocked.statusCode).toBe(403);
    expect((await agent({ method: 'GET', url: `/api/patients/${patientB}` })).statusCode).toBe(404);
    expect(
      (
        await agent({
          method: 'POST',
          url: `/api/patients/${patientB}/break-glass`,
          payload: { reason: 'I am curious about this' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await nurse({
          method: 'POST',
          url: `/api/patients/${patientB}/break-glass`,
          payload: { reason: 'urgent' },
        })
      ).statusCode,
    ).toBe(400);
    // The refused attempt names the record it was for, so a review can find it.
    const [refused] = (await audit('break-glass')).filter((e) => e.outcome === 'failed').slice(-1);
    expect(refused).toMatchObject({ patient_id: patientB, resource_id: patientB });
    const grant = await nurse({
      method: 'POST',
      url: `/api/patients/${patientB}/break-glass`,
      payload: { reason: 'Patient in ED, unconscious; need allergies' },
    });
    expect(grant.statusCode).toBe(201);
    expect(Date.parse(grant.json().expiresAt) - clock.now().getTime()).toBeLessThanOrEqual(
      4 * 3600_000,
    );
    expect((await nurse({ method: 'GET', url: `/api/patients/${patientB}` })).statusCode).toBe(200);
    const flagged = (await audit('read')).filter(
      (e) => e.patient_id === patientB && Number(e.break_glass) === 1,
    );
    expect(flagged.length).toBeGreaterThan(0);
    const queue = await privacy({ method: 'GET', url: '/api/break-glass/reviews' });
    const queued = queue.json().items.find((g: { id: string }) => g.id === grant.json().id);
    // The reviewer reads who and on whose record, by name, beside the reason.
    expect(queued).toMatchObject({ patientId: patientB, staffName: expect.any(String) });
    expect(queued.patientName).toEqual(expect.stringMatching(/\S/));
    const reviewed = await privacy({
      method: 'POST',
      url: `/api/break-glass/${grant.json().id}/review`,
      payload: { outcome: 'appropriate', note: 'ED' },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(
      (await privacy({ method: 'GET', url: '/api/break-glass/reviews' })).json().items,
    ).toEqual([]);
    clock.advance(4 * 3600_000 + 60_000);
    const later = await signedInStaff(desk, clock, ['nurse']);
    expect(
      (await later.inject({ method: 'GET', url: `/api/patients/${patientB}` })).statusCode,
    ).toBe(403);
  });

  it('shows the patient who opened their record, with names, roles and purpose', async () => {
    await freshStaff();
    await supervisor({ method: 'GET', url: `/api/patients/${patientA}` });
    const alma = await signedInAccount({
      kind: 'patient',
      email: 'alma3@patients.example',
      patientId: patientA,
    });
    await alma({ method: 'GET', url: `/api/patients/${patientA}` });
    const log = await alma({ method: 'GET', url: `/api/patients/${patientA}/access-log` });
    expect(log.statusCode).toBe(200);
    const items = log.json().items as Array<{
      actorName: string;
      actorRoles: string[];
      purposeOfUse: string;
      actorKind: string;
    }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.actorRoles.includes('supervisor'))).toBe(true);
    expect(items.every((i) => i.actorKind !== 'patient')).toBe(true);
    expect(items[0]).toHaveProperty('purposeOfUse');
    expect(
      (await alma({ method: 'GET', url: `/api/patients/${patientB}/access-log` })).statusCode,
    ).toBe(404);
  });
});

describe('audit trail API', () => {
  beforeAll(freshStaff);

  it('lets the privacy officer query and export, and refuses everyone else', async () => {
    const list = await privacy({ method: 'GET', url: `/api/audit?patientId=${patientA}&limit=5` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    const csv = await privacy({
      method: 'GET',
      url: `/api/audit/export?patientId=${patientA}&format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('seq');
    const fhir = await privacy({
      method: 'GET',
      url: `/api/audit/export?patientId=${patientA}&format=fhir`,
    });
    expect(fhir.json()).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect((await nurse({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const exports = (await audit('export')).filter((e) => e.resource_type === 'AuditEvent');
    expect(exports.length).toBe(2);
  });
});
