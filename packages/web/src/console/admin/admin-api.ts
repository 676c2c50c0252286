import type { StaffRole } from '@caredesk/core/access';
import { api } from '../../api/client';

/** An account as /api/admin/users shows it (accountView on the server): never a secret. */
export interface AdminAccount {
  id: string;
  kind: 'staff' | 'patient' | 'caregiver';
  email: string;
  displayName: string;
  roles: string[];
  status: 'invited' | 'active' | 'disabled';
  mfaEnabled: boolean;
}

export interface AccountPage {
  items: AdminAccount[];
  nextCursor: string | null;
  /** The roles this administrator may grant or remove (server/src/identity/role-rules.ts). */
  grantableRoles: StaffRole[];
}

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export function fetchAccounts(cursor: string | null): Promise<AccountPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<AccountPage>('GET', `/api/admin/users?${params.toString()}`);
}

/** Invites a staff member: the account waits for them to choose a password from the e-mail. */
export const inviteStaff = (input: { displayName: string; email: string; roles: StaffRole[] }) =>
  api<{ account: AdminAccount }>('POST', '/api/admin/users', { kind: 'staff', ...input }).then(
    (r) => r.account,
  );

export const changeRoles = (id: string, roles: StaffRole[]) =>
  api<AdminAccount>('PUT', `${user(id)}/access`, { roles });

export const setDisabled = (id: string, disabled: boolean) =>
  api<AdminAccount>('POST', `${user(id)}/${disabled ? 'disable' : 'enable'}`);

export const resetMfa = (id: string) => api<undefined>('POST', `${user(id)}/mfa-reset`);

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

/** A staff member a team manager may choose (GET /api/admin/staff, permission admin.teams). */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  status: AdminAccount['status'];
}

const team = (id: string) => `/api/admin/teams/${encodeURIComponent(id)}`;

export const fetchTeams = () =>
  api<{ items: Team[] }>('GET', '/api/admin/teams').then((r) => r.items);

export const createTeam = (name: string) => api<Team>('POST', '/api/admin/teams', { name });

export const setMembership = (teamId: string, accountId: string, member: boolean) =>
  api<undefined>(
    member ? 'PUT' : 'DELETE',
    `${team(teamId)}/members/${encodeURIComponent(accountId)}`,
  );

/** Every staff member, a page of 200 at a time (a clinic's staff, not its patients). */
export async function fetchAllStaff(): Promise<StaffMember[]> {
  const all: StaffMember[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: '200' });
    if (cursor) params.set('cursor', cursor);
    const page: { items: StaffMember[]; nextCursor: string | null } = await api(
      'GET',
      `/api/admin/staff?${params.toString()}`,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
