import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  insertPatient,
  login,
  NEW_PASSWORD,
  provisionStaff,
  signIn,
  type Desk,
  type SignedIn,
  type TestClock,
} from './testing/auth-fixtures';
import {
  jobsOf,
  linkIn as linkInDesk,
  mailerBox,
  postTo,
  signInAdmin,
  startAdminDesk,
  tokenOf,
} from './testing/admin-desk';
import { openLink } from '../../identity/outbox-links';

let desk: Desk;
let clock: TestClock;
let admin: SignedIn;
let adminId = '';

beforeAll(async () => {
  ({ desk, clock, adminId } = await startAdminDesk());
});
afterAll(async () => desk.dispose());
beforeEach(async () => {
  admin = await signInAdmin(desk, clock);
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  postTo(desk)(url, payload, headers);
const jobs = (kind: string) => jobsOf(desk, kind);
const box = () => mailerBox(desk);
const linkIn = (kind: string, payload: string) => linkInDesk(desk, kind, payload);

describe('password reset', () => {
  it('always answers 202, enqueues an e-mail only for a real account, and the link works once', async () => {
    await provisionStaff(desk, 'rita.reset@clinic.example', ['agent'], 'Rita Reset');
    const s = await signIn(desk, clock, 'rita.reset@clinic.example');
    expect(
      (await post('/api/auth/password/reset-request', { email: 'nobody@clinic.example' }))
        .statusCode,
    ).toBe(202);
    expect(await jobs('email.password-reset')).toHaveLength(0);
    const res = await post('/api/auth/password/reset-request', {
      email: 'Rita.Reset@clinic.example',
    });
    expect(res.statusCode).toBe(202);
    const [job] = await jobs('email.password-reset');
    const link = linkIn('email.password-reset', job!.payload);
    expect(link).toMatch(
      /^https:\/\/care\.clinic\.example\/reset-password#token=[A-Za-z0-9_-]{43}$/,
    );
    const token = tokenOf(link);
    // The jobs table holds the link sealed: reading the database does not hand it out.
    expect(job!.payload).not.toContain(token);
    expect(job!.payload).not.toContain('reset-password');
    expect(() => openLink(box(), 'email.invitation', JSON.parse(job!.payload))).toThrow();
    const weak = await post('/api/auth/password/reset', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().issues[0].path).toBe('password');
    const ok = await post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    // A reset ends every session.
    expect(
      (await desk.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const again = await post('/api/auth/password/reset', {
      token,
      password: 'another-fine-passphrase',
    });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(again.json().issues[0].path).toBe('token');
    expect((await login(desk, 'rita.reset@clinic.example', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await auditEntries(desk, 'password-change')).at(-1)!.detail).toEqual({
      via: 'reset',
      sessionsEnded: 1,
    });
  });

  it('expires after an hour', async () => {
    await post('/api/auth/password/reset-request', { email: 'rita.reset@clinic.example' });
    const token = tokenOf(
      linkIn('email.password-reset', (await jobs('email.password-reset')).at(-1)!.payload),
    );
    clock.advance(60 * 60_000);
    expect(
      (await post('/api/auth/password/reset', { token, password: 'another-fine-passphrase' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('invitations (admin creates staff)', () => {
  let inviteToken = '';
  let invitedId = '';

  it('admin invites; the link is returned and enqueued; accepting activates the account once', async () => {
    const res = await post(
      '/api/admin/users',
      { email: 'Ines.Invited@Clinic.Example', displayName: 'Ines Invited', roles: ['nurse'] },
      as(admin),
    );
    expect(res.statusCode).toBe(201);
    invitedId = res.json().account.id;
    expect(res.json().account).toMatchObject({
      status: 'invited',
      email: 'ines.invited@clinic.example',
      roles: ['nurse'],
    });
    const link = res.json().invitationLink as string;
    const [job] = await jobs('email.invitation');
    expect(JSON.parse(job!.payload)).toMatchObject({ accountId: invitedId });
    expect(linkIn('email.invitation', job!.payload)).toBe(link);
    expect(job!.payload).not.toContain(tokenOf(link));
    inviteToken = tokenOf(link);
    expect((await login(desk, 'ines.invited@clinic.example', NEW_PASSWORD)).statusCode).toBe(401);
    const personal = await post('/api/auth/invitations/accept', {
      token: inviteToken,
      password: 'ines-invited-2026-ok',
    });
    expect(personal.json().issues[0].messageKey ?? personal.json().issues[0].message).toBeTruthy();
    expect(personal.statusCode).toBe(400);
    expect(
      (await post('/api/auth/invitations/accept', { token: inviteToken, password: NEW_PASSWORD }))
        .statusCode,
    ).toBe(204);
    expect(
      (await post('/api/auth/invitations/accept', { token: inviteToken, password: NEW_PASSWORD }))
        .statusCode,
    ).toBe(400);
    expect((await login(desk, 'ines.invited@clinic.example', NEW_PASSWORD)).statusCode).toBe(200);
    const invite = (await auditEntries(desk, 'account-change')).find(
      (e) => e.resource_id === invitedId && e.detail?.change === 'invite',
    );
    expect(invite).toMatchObject({ actor_id: adminId, source_address: '127.0.0.1' });
  });

  it('invitations expire after 7 days', async () => {
    const res = await post(
      '/api/admin/users',
      { email: 'late@clinic.example', displayName: 'Lee Late', roles: ['agent'] },
      as(admin),
    );
    const token = tokenOf(res.json().invitationLink);
    clock.advance(7 * 24 * 3_600_000);
    admin = await signIn(desk, clock, 'ada.admin@clinic.example');
    expect(
      (await post('/api/auth/invitations/accept', { token, password: NEW_PASSWORD })).statusCode,
    ).toBe(400);
  });

  it('links patient and caregiver accounts to their records', async () => {
    await insertPatient(desk, 'pat-1', 'rp-1');
    const p = await post(
      '/api/admin/users',
      { kind: 'patient', email: 'pat@example.org', displayName: 'Pat One', patientId: 'pat-1' },
      as(admin),
    );
    expect(p.json().account).toMatchObject({
      kind: 'patient',
      roles: ['patient'],
      patientId: 'pat-1',
    });
    const c = await post(
      '/api/admin/users',
      {
        kind: 'caregiver',
        email: 'carer@example.org',
        displayName: 'Cara Carer',
        relatedPersonIds: ['rp-1'],
      },
      as(admin),
    );
    expect(c.statusCode).toBe(201);
    await post('/api/auth/invitations/accept', {
      token: tokenOf(c.json().invitationLink),
      password: NEW_PASSWORD,
    });
    const s = await signIn(desk, clock, 'carer@example.org', undefined, NEW_PASSWORD);
    const auth = await desk.services.identity.authenticate({
      headers: { cookie: s.cookie },
    } as never);
    expect(auth?.principal).toMatchObject({
      kind: 'caregiver',
      proxies: [{ relatedPersonId: 'rp-1', patientId: 'pat-1' }],
    });
    const bad = await post(
      '/api/admin/users',
      {
        kind: 'caregiver',
        email: 'x@example.org',
        displayName: 'X',
        relatedPersonIds: ['rp-nope'],
      },
      as(admin),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await post(
          '/api/admin/users',
          { email: 'PAT@example.org', displayName: 'Dup', roles: ['agent'] },
          as(admin),
        )
      ).statusCode,
    ).toBe(409);
  });
});
