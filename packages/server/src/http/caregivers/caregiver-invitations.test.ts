import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedWithYouEmail } from '../../caregivers/shared-with-you-email';
import { signedInStaff, type Inject } from '../../testing/signed-in-client';
import { auditEntries } from '../auth/testing/auth-fixtures';
import {
  acceptAndSignIn,
  invitationBody,
  invitationRowCounts,
  latestJob,
  patientWithAccount,
  startCaregiverWorld,
  type CaregiverWorld,
} from './caregiver-test-world';

let w: CaregiverWorld;
let alma: { id: string; inject: Inject };
let bruno: { id: string; inject: Inject };

beforeAll(async () => {
  w = await startCaregiverWorld();
  alma = await patientWithAccount(w, 'Alma', 'lv');
  bruno = await patientWithAccount(w, 'Bruno');
});
afterAll(async () => w.desk.dispose());

const invite = (who: { id: string; inject: Inject }, body: object, headers = {}) =>
  who.inject({
    method: 'POST',
    url: `/api/patients/${who.id}/caregiver-invitations`,
    payload: body,
    headers,
  });

describe('a patient invites a new caregiver', () => {
  it('writes the person, the consent, the invited account and the e-mail together', async () => {
    const until = new Date(w.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const before = await invitationRowCounts(w.desk);
    const res = await invite(
      alma,
      invitationBody({ email: ' Liv.Helper@Family.example ', permit: ['profile'], until }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.caregiver).toBe('invited');
    expect(body).not.toHaveProperty('invitationLink');
    expect(JSON.stringify(body)).not.toContain('token');
    expect(body.relatedPerson).toMatchObject({
      patientId: alma.id,
      isCaregiver: true,
      relationship: 'DAU',
      telecom: [{ system: 'email', value: 'liv.helper@family.example' }],
    });
    expect(body.consent).toMatchObject({
      patientId: alma.id,
      relatedPersonId: body.relatedPerson.id,
      status: 'active',
      permit: ['profile'],
      deny: [],
      periodEnd: until,
    });
    const after = await invitationRowCounts(w.desk);
    expect(after).toEqual({
      ...before,
      related_persons: before.related_persons! + 1,
      consents: before.consents! + 1,
      accounts: before.accounts! + 1,
      caregiver_links: before.caregiver_links! + 1,
      jobs: before.jobs! + 1,
      one_time_tokens: before.one_time_tokens! + 1,
    });
    const account = await w.desk.database.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'liv.helper@family.example')
      .executeTakeFirstOrThrow();
    // The invitation goes out in the language the patient uses, like the admin's does.
    expect(account).toMatchObject({
      kind: 'caregiver',
      status: 'invited',
      password_hash: null,
      display_name: 'Liv Helper',
      preferred_language: 'lv',
    });
    const job = await latestJob(w, 'email.invitation');
    expect(job?.payload.accountId).toBe(account.id);
    // Audited like other consent changes, in the same transaction, naming the patient.
    const entries = (await auditEntries(w.desk)).filter((e) => e.patient_id === alma.id).slice(-3);
    expect(entries.map((e) => [e.action, e.resource_type, e.outcome])).toEqual([
      ['create', 'RelatedPerson', 'success'],
      ['consent-change', 'Consent', 'success'],
      ['account-change', 'Account', 'success'],
    ]);
    expect(entries[1]!.detail).toEqual({
      granted: { to: body.relatedPerson.id, permit: ['profile'], deny: [], until },
    });
  });

  it('sends a link the caregiver can use to set a password and sign in', async () => {
    const liv = await acceptAndSignIn(w, 'liv.helper@family.example');
    const me = await liv({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().account.kind).toBe('caregiver');
  });

  it('refuses a second invitation while the first one is in force', async () => {
    const before = await invitationRowCounts(w.desk);
    const res = await invite(alma, invitationBody({ permit: ['billing'] }));
    expect(res.statusCode).toBe(409);
    expect(res.json().issues[0]).toMatchObject({ path: 'email' });
    expect(await invitationRowCounts(w.desk)).toEqual(before);
  });
});

describe('a patient shares with someone who already has a caregiver account', () => {
  it('links the account and tells them by e-mail, without a new invitation', async () => {
    const before = await invitationRowCounts(w.desk);
    const res = await invite(bruno, invitationBody({ relationship: 'NBOR', permit: ['billing'] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().caregiver).toBe('linked');
    const after = await invitationRowCounts(w.desk);
    expect(after.accounts).toBe(before.accounts);
    expect(after.one_time_tokens).toBe(before.one_time_tokens);
    expect(after.caregiver_links).toBe(before.caregiver_links! + 1);
    const job = await latestJob(w, 'email.caregiver-shared');
    // Ids only in the outbox: no name, no category.
    expect(Object.keys(job!.payload).sort()).toEqual(['accountId', 'patientId', 'relatedPersonId']);
    expect(job!.payload.patientId).toBe(bruno.id);
    const linked = (await auditEntries(w.desk, 'account-change')).at(-1)!;
    expect(linked.patient_id).toBe(bruno.id);
    expect(linked.detail).toMatchObject({ change: 'caregiver-link', kind: 'caregiver' });
  });

  it('shares again through the same person after the patient stopped', async () => {
    const consents = await alma.inject({ method: 'GET', url: `/api/patients/${alma.id}/consents` });
    const first = consents.json().items[0];
    const revoked = await alma.inject({
      method: 'POST',
      url: `/api/patients/${alma.id}/consents/${first.id}/revoke`,
    });
    expect(revoked.statusCode).toBe(200);
    const before = await invitationRowCounts(w.desk);
    const res = await invite(alma, invitationBody({ permit: ['care-plans'] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().relatedPerson.id).toBe(first.relatedPersonId);
    const after = await invitationRowCounts(w.desk);
    expect(after.related_persons).toBe(before.related_persons);
    expect(after.consents).toBe(before.consents! + 1);
  });

  it('says what the e-mail says, in the caregiver’s language', () => {
    const en = sharedWithYouEmail('en', { patientName: 'Alma', portalUrl: 'https://x/portal' });
    expect(en.subject).toContain('Alma');
    expect(en.body).toContain('https://x/portal');
    const lv = sharedWithYouEmail('lv', { patientName: 'Alma', portalUrl: 'https://x/portal' });
    expect(lv.subject).not.toBe(en.subject);
  });
});

describe('an e-mail address that belongs to staff or to a patient', () => {
  it('is refused with 409 and a plain problem, and nothing is written', async () => {
    const before = await invitationRowCounts(w.desk);
    for (const email of ['alma@patients.example', 'bruno@patients.example']) {
      const res = await invite(alma, invitationBody({ email }), { 'accept-language': 'nb' });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'conflict', issues: [{ path: 'email' }] });
      expect(res.json().issues[0].message).toMatch(/e-post/i);
    }
    const staff = await w.desk.database.db
      .selectFrom('accounts')
      .select('email')
      .where('kind', '=', 'staff')
      .executeTakeFirstOrThrow();
    expect((await invite(alma, invitationBody({ email: staff.email }))).statusCode).toBe(409);
    expect(await invitationRowCounts(w.desk)).toEqual(before);
  });
});

describe('bad input', () => {
  const past = '2020-01-01T00:00:00.000Z';
  const cases: Array<[string, object]> = [
    ['no categories', invitationBody({ permit: [] })],
    ['an unknown category', invitationBody({ permit: ['everything'] })],
    ['an end in the past', invitationBody({ until: past })],
    ['an end that is not a date', invitationBody({ until: 'next tuesday' })],
    ['an e-mail that is not one', invitationBody({ email: 'liv at home' })],
    ['an empty name', invitationBody({ givenName: ' ', familyName: '' })],
    ['a control character in the name', invitationBody({ givenName: 'Li\u0000v' })],
    ['oneself as caregiver', invitationBody({ relationship: 'ONESELF' })],
    ['an unknown relationship', invitationBody({ relationship: 'BOSS' })],
    ['a missing e-mail', { givenName: 'Liv', familyName: 'X', relationship: 'DAU', permit: [] }],
    ['a field to mass-assign', invitationBody({ status: 'active' })],
    ['an oversized name', invitationBody({ familyName: 'x'.repeat(5000) })],
  ];
  it.each(cases)('%s: 400 with a problem, nothing written', async (_name, body) => {
    const before = await invitationRowCounts(w.desk);
    const res = await invite(bruno, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await invitationRowCounts(w.desk)).toEqual(before);
  });

  it('names the field when the end date has passed', async () => {
    const res = await invite(bruno, invitationBody({ email: 'x@family.example', until: past }));
    expect(res.json().issues[0].path).toBe('until');
  });
});

describe('one transaction', () => {
  it('leaves nothing half-written when a late step fails', async () => {
    // The consent is written after the person, the account, the link and the e-mail.
    await sql`CREATE TRIGGER refuse_consents BEFORE INSERT ON consents BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
      w.desk.database.db,
    );
    try {
      const before = await invitationRowCounts(w.desk);
      const res = await invite(bruno, invitationBody({ email: 'half@family.example' }));
      expect(res.statusCode).toBe(500);
      expect(await invitationRowCounts(w.desk)).toEqual(before);
    } finally {
      await sql`DROP TRIGGER refuse_consents`.execute(w.desk.database.db);
    }
  });
});

describe('who may invite', () => {
  it('only the patient, and only for their own record', async () => {
    const body = invitationBody({ email: 'who@family.example' });
    const other = await bruno.inject({
      method: 'POST',
      url: `/api/patients/${alma.id}/caregiver-invitations`,
      payload: body,
    });
    expect(other.statusCode).toBe(404);
    const nurse = (await signedInStaff(w.desk, w.clock, ['nurse'])).inject;
    const staff = await nurse({
      method: 'POST',
      url: `/api/patients/${alma.id}/caregiver-invitations`,
      payload: body,
    });
    expect(staff.statusCode).toBe(403);
    const anonymous = await w.desk.app.inject({
      method: 'POST',
      url: `/api/patients/${alma.id}/caregiver-invitations`,
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const denied = (await auditEntries(w.desk, 'consent-change')).filter(
      (e) => e.outcome === 'denied',
    );
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });
});
