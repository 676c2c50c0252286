import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inject } from '../../testing/signed-in-client';
import { auditEntries } from '../auth/testing/auth-fixtures';
import {
  acceptAndSignIn,
  invitationBody,
  patientWithAccount,
  startCaregiverWorld,
  type CaregiverWorld,
} from './caregiver-test-world';

let w: CaregiverWorld;
let alma: { id: string; inject: Inject };
let bruno: { id: string; inject: Inject };
let dana: Inject;
let almaConsent = '';
let brunoUntil = '';
const DANA = 'dana.helper@family.example';

beforeAll(async () => {
  w = await startCaregiverWorld();
  alma = await patientWithAccount(w, 'Alma');
  bruno = await patientWithAccount(w, 'Bruno');
  const add = async (who: typeof alma, body: object) => {
    const res = await who.inject({
      method: 'POST',
      url: `/api/patients/${who.id}/caregiver-invitations`,
      payload: body,
    });
    if (res.statusCode !== 201) throw new Error(`invite ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  // Alma shares her contact details; Bruno his bills, for twenty minutes.
  almaConsent = (await add(alma, invitationBody({ email: DANA, permit: ['profile'] }))).consent.id;
  dana = await acceptAndSignIn(w, DANA);
  brunoUntil = new Date(w.clock.now().getTime() + 20 * 60_000).toISOString();
  await add(
    bruno,
    invitationBody({ email: DANA, relationship: 'NBOR', permit: ['billing'], until: brunoUntil }),
  );
});
afterAll(async () => w.desk.dispose());

const get = (who: Inject, url: string) => who({ method: 'GET', url });

describe('a signed-in caregiver', () => {
  it('is a caregiver to the web app (GET /api/auth/me), with only proxy.read', async () => {
    const me = (await get(dana, '/api/auth/me')).json();
    expect(me.account.kind).toBe('caregiver');
    expect(me.permissions).toEqual(['proxy.read']);
  });

  it('sees each person they help with that person’s own scope, and it is audited', async () => {
    const res = await get(dana, '/api/people-i-help');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        patientId: alma.id,
        name: 'Alma Invite',
        relationship: 'DAU',
        categories: ['profile'],
        until: null,
      },
      {
        patientId: bruno.id,
        name: 'Bruno Invite',
        relationship: 'NBOR',
        categories: ['billing'],
        until: brunoUntil,
      },
    ]);
    const reads = (await auditEntries(w.desk, 'read')).slice(-2);
    expect(reads.map((e) => [e.patient_id, e.on_behalf_of, e.actor_kind])).toEqual([
      [alma.id, alma.id, 'caregiver'],
      [bruno.id, bruno.id, 'caregiver'],
    ]);
  });

  it('reads what is shared and gets 404 for the rest, every refusal audited', async () => {
    expect((await get(dana, `/api/patients/${alma.id}`)).statusCode).toBe(200);
    expect((await get(dana, `/api/patients/${alma.id}/coverages`)).statusCode).toBe(404);
    expect((await get(dana, `/api/patients/${bruno.id}/coverages`)).statusCode).toBe(200);
    expect((await get(dana, `/api/patients/${bruno.id}`)).statusCode).toBe(404);
    expect((await get(dana, `/api/patients/${alma.id}/care-team`)).statusCode).toBe(404);
    const denied = (await auditEntries(w.desk)).filter(
      (e) => e.actor_kind === 'caregiver' && e.outcome === 'denied',
    );
    expect(denied.map((e) => e.patient_id)).toEqual([alma.id, bruno.id, alma.id]);
  });

  it('is not for patients or staff, nor for anyone signed out', async () => {
    expect((await get(alma.inject, '/api/people-i-help')).statusCode).toBe(403);
    expect((await w.supervisor({ method: 'GET', url: '/api/people-i-help' })).statusCode).toBe(403);
    expect((await w.desk.app.inject({ method: 'GET', url: '/api/people-i-help' })).statusCode).toBe(
      401,
    );
  });
});

describe('when sharing ends', () => {
  it('a revocation refuses the caregiver’s very next request, in the same session', async () => {
    expect((await get(dana, `/api/patients/${alma.id}`)).statusCode).toBe(200);
    const revoked = await alma.inject({
      method: 'POST',
      url: `/api/patients/${alma.id}/consents/${almaConsent}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    // No new sign-in, no clock movement: consents are read for every request.
    expect((await get(dana, `/api/patients/${alma.id}`)).statusCode).toBe(404);
    const people = (await get(dana, '/api/people-i-help')).json().items as Array<{
      patientId: string;
    }>;
    expect(people.map((p) => p.patientId)).toEqual([bruno.id]);
  });

  it('the chosen last moment passing ends it too', async () => {
    w.clock.advance(21 * 60_000);
    expect((await get(dana, `/api/patients/${bruno.id}/coverages`)).statusCode).toBe(404);
    const res = await get(dana, '/api/people-i-help');
    expect(res.json().items).toEqual([]);
    // Nobody to show is still a read, recorded once.
    const last = (await auditEntries(w.desk)).at(-1)!;
    expect([last.action, last.outcome, last.patient_id]).toEqual(['read', 'success', null]);
  });
});
