import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  insertPatient,
  login,
  NEW_PASSWORD,
  PASSWORD,
  provisionStaff,
  signIn,
  startDesk,
  type Desk,
  type SignedIn,
  type TestClock,
} from './testing/auth-fixtures';
import { loadAuditKey } from '../../audit/audit-key';
import { loadConfig } from '../../config/config';
import { openLink, type SealedLinkPayload } from '../../identity/outbox-links';
import { SecretBox } from '../../identity/secret-box';

let desk: Desk;
let clock: TestClock;
let admin: SignedIn;
let adminId = '';

beforeAll(async () => {
  ({ desk, clock } = await startDesk({
    staffMfaRequired: false,
    loginRateLimitPerMinute: 1000,
    publicUrl: 'https://care.clinic.example',
  }));
  adminId = (await provisionStaff(desk, 'ada.admin@clinic.example', ['admin'], 'Ada Admin')).id;
  admin = await signIn(desk, clock, 'ada.admin@clinic.example');
});
afterAll(async () => desk.dispose());
// Tests move the clock past the idle timeout: sign the admin in afresh each time.
beforeEach(async () => {
  admin = await signIn(desk, clock, 'ada.admin@clinic.example');
});

const jobs = (kind: string) =>
  desk.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();
const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');
/** What the mailer will do: open the sealed link with the installation's key. */
const box = () =>
  new SecretBox(loadAuditKey(loadConfig({}, { dataDir: desk.dataDir, logLevel: 'silent' })));
const linkIn = (kind: string, payload: string) =>
  openLink(box(), kind, JSON.parse(payload) as SealedLinkPayload);
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  desk.app.inject({ method: 'POST', url, payload, headers });

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

describe('admin: roles, status, escalation', () => {
  it('changes roles with a permission-change entry holding before and after', async () => {
    const nurse = await provisionStaff(desk, 'nils.nurse@clinic.example', ['nurse'], 'Nils Nurse');
    const res = await desk.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${nurse.id}/access`,
      headers: as(admin),
      payload: { roles: ['nurse', 'supervisor'], reach: 'care-team' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['nurse', 'supervisor'], reach: 'care-team' });
    const entry = (await auditEntries(desk, 'permission-change')).at(-1)!;
    expect(entry).toMatchObject({ actor_id: adminId, resource_id: nurse.id });
    expect(entry.detail).toEqual({
      before: { roles: ['nurse'], reach: 'organization', practitionerId: null },
      after: { roles: ['nurse', 'supervisor'], reach: 'care-team', practitionerId: null },
    });
  });

  it('refuses self-escalation, roles the admin may not grant, and removing the last admin', async () => {
    const self = await desk.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${adminId}/access`,
      headers: as(admin),
      payload: { roles: ['admin', 'physician'] },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().issues[0].message).toMatch(/own access/);
    const po = await provisionStaff(desk, 'olga.officer@clinic.example', ['agent'], 'Olga Officer');
    const grant = await desk.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${po.id}/access`,
      headers: as(admin),
      payload: { roles: ['privacy-officer'] },
    });
    expect(grant.statusCode).toBe(403);
    // Bob (admin + agent) takes Ada's admin role, then tries to give up his own: he is the last.
    const bob = await provisionStaff(
      desk,
      'bob.admin@clinic.example',
      ['admin', 'agent'],
      'Bob Admin',
    );
    const bobS = await signIn(desk, clock, 'bob.admin@clinic.example');
    const demote = (id: string, roles: string[]) =>
      desk.app.inject({
        method: 'PUT',
        url: `/api/admin/users/${id}/access`,
        headers: as(bobS),
        payload: { roles },
      });
    expect((await demote(adminId, ['agent'])).statusCode).toBe(200);
    const last = await demote(bob.id, ['agent']);
    expect(last.statusCode).toBe(409);
    expect(last.json().issues[0].message).toMatch(/at least one active administrator/);
    expect((await demote(adminId, ['admin'])).statusCode).toBe(200);
    expect(
      (
        await desk.app.inject({
          method: 'POST',
          url: `/api/admin/users/${adminId}/disable`,
          headers: as(admin),
        })
      ).statusCode,
    ).toBe(403);
    // A supervisor (admin.teams only) cannot manage users at all.
    const sup = await provisionStaff(desk, 'sam.super@clinic.example', ['supervisor'], 'Sam Super');
    const supS = await signIn(desk, clock, 'sam.super@clinic.example');
    expect(
      (
        await desk.app.inject({
          method: 'PUT',
          url: `/api/admin/users/${sup.id}/access`,
          headers: as(supS),
          payload: { roles: ['admin'] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await desk.app.inject({ method: 'GET', url: '/api/admin/teams', headers: as(supS) }))
        .statusCode,
    ).toBe(200);
  });

  it('disabling ends every session; lists are keyset-paged', async () => {
    const target = await provisionStaff(
      desk,
      'dora.disabled@clinic.example',
      ['agent'],
      'Dora Disabled',
    );
    const s = await signIn(desk, clock, 'dora.disabled@clinic.example');
    const res = await desk.app.inject({
      method: 'POST',
      url: `/api/admin/users/${target.id}/disable`,
      headers: as(admin),
    });
    expect(res.json().status).toBe('disabled');
    expect(
      (await desk.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await login(desk, 'dora.disabled@clinic.example', PASSWORD)).statusCode).toBe(401);
    expect((await auditEntries(desk, 'account-change')).at(-1)!.detail).toEqual({
      change: 'disable',
      sessionsEnded: 1,
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json(): { items: Array<{ id: string }>; nextCursor: string | null } } =
        await desk.app.inject({
          method: 'GET',
          url: `/api/admin/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          headers: as(admin),
        });
      seen.push(...page.json().items.map((a) => a.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(6);
  });

  it('teams: create, rename, members, delete — audited', async () => {
    const t = await post('/api/admin/teams', { name: 'North clinic' }, as(admin));
    expect(t.statusCode).toBe(201);
    expect((await post('/api/admin/teams', { name: 'North clinic' }, as(admin))).statusCode).toBe(
      409,
    );
    const nurse = await desk.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'nils.nurse@clinic.example')
      .executeTakeFirstOrThrow();
    expect(
      (
        await desk.app.inject({
          method: 'PUT',
          url: `/api/admin/teams/${t.json().id}/members/${nurse.id}`,
          headers: as(admin),
        })
      ).statusCode,
    ).toBe(204);
    const list = await desk.app.inject({
      method: 'GET',
      url: '/api/admin/teams',
      headers: as(admin),
    });
    expect(list.json().items.find((x: { id: string }) => x.id === t.json().id).memberIds).toEqual([
      nurse.id,
    ]);
    expect(
      (
        await desk.app.inject({
          method: 'DELETE',
          url: `/api/admin/teams/${t.json().id}`,
          headers: as(admin),
        })
      ).statusCode,
    ).toBe(204);
    expect((await auditEntries(desk, 'permission-change')).at(-1)!.detail).toEqual({
      change: 'team-member-add',
      accountId: nurse.id,
    });
  });

  it('every audit entry carries the source address and user agent', async () => {
    const entries = await auditEntries(desk);
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries.filter((x) => x.actor_kind !== 'system')) {
      expect(e.source_address, `${e.action}`).toBe('127.0.0.1');
      expect(e.user_agent, `${e.action}`).toBe('lightMyRequest');
    }
  });
});
