import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  insertPatient,
  PASSWORD,
  provisionStaff,
  signIn,
  type Desk,
  type TestClock,
} from './testing/auth-fixtures';
import { signInAdmin, startAdminDesk } from './testing/admin-desk';

let desk: Desk;
let clock: TestClock;

beforeAll(async () => {
  ({ desk, clock } = await startAdminDesk());
});
afterAll(async () => desk.dispose());

const get = (url: string, headers: Record<string, string>) =>
  desk.app.inject({ method: 'GET', url, headers });

describe('what the console needs to administer accounts and teams', () => {
  it('tells an administrator which roles they may grant, as role-rules decide', async () => {
    const admin = await signInAdmin(desk, clock);
    const res = await get('/api/admin/users', as(admin));
    expect(res.statusCode).toBe(200);
    // Oversight roles stay with those who hold oversight (separation of duties).
    expect(res.json().grantableRoles).toEqual([
      'agent',
      'nurse',
      'physician',
      'billing',
      'social-worker',
      'supervisor',
      'admin',
    ]);
    await provisionStaff(
      desk,
      'pia.po.admin@clinic.example',
      ['admin', 'privacy-officer'],
      'Pia Both',
    );
    const both = await signIn(desk, clock, 'pia.po.admin@clinic.example');
    expect((await get('/api/admin/users', as(both))).json().grantableRoles).toContain(
      'privacy-officer',
    );
  });

  it('lists staff, never patients, to a supervisor choosing team members', async () => {
    await provisionStaff(desk, 'sam.supervisor@clinic.example', ['supervisor'], 'Sam Supervisor');
    const supervisor = await signIn(desk, clock, 'sam.supervisor@clinic.example');
    await insertPatient(desk, 'pat-portal');
    await desk.services.identity.accounts.provision(
      {
        organizationId: desk.organizationId,
        kind: 'patient',
        email: 'pat.portal@mail.example',
        displayName: 'Pat Portal',
        patientId: 'pat-portal',
      },
      PASSWORD,
    );
    // The full account list (roles, MFA, portal accounts) stays closed to them.
    expect((await get('/api/admin/users', as(supervisor))).statusCode).toBe(403);

    const seen: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const page = await get(
        `/api/admin/staff?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        as(supervisor),
      );
      expect(page.statusCode).toBe(200);
      const body = page.json<{
        items: Array<Record<string, unknown>>;
        nextCursor: string | null;
      }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.map((a) => a.displayName)).toEqual(
      expect.arrayContaining(['Ada Admin', 'Pia Both', 'Sam Supervisor']),
    );
    expect(seen.map((a) => a.displayName)).not.toContain('Pat Portal');
    expect(Object.keys(seen[0]!).sort()).toEqual(['displayName', 'email', 'id', 'status']);
  });

  it('refuses the staff list to someone without admin.teams', async () => {
    await provisionStaff(desk, 'nils.nurse@clinic.example', ['nurse'], 'Nils Nurse');
    const nurse = await signIn(desk, clock, 'nils.nurse@clinic.example');
    const res = await get('/api/admin/staff', as(nurse));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
