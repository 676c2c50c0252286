import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  auditEntries,
  login,
  PASSWORD,
  provisionStaff,
  signIn,
  type Desk,
  type SignedIn,
  type TestClock,
} from './testing/auth-fixtures';
import { postTo, signInAdmin, startAdminDesk } from './testing/admin-desk';

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
    // Enough accounts of this file's own for several pages of 3.
    for (const n of [1, 2, 3]) {
      await provisionStaff(desk, `page.${n}@clinic.example`, ['agent'], `Page ${n}`);
    }
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
