import { ROLES, permissionsOf, type Role } from '@caredesk/core';
import type { StaffAgent } from '../../storage/service-desk/routing-store';

/**
 * Whether a staff member works cases (permission case.work, core/access/roles.ts): only
 * they are routed cases and listed as agents. Administrators and privacy officers
 * configure or audit the desk but do not answer patients.
 */
export function canWorkCases(staff: Pick<StaffAgent, 'roles'>): boolean {
  const roles = staff.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return permissionsOf(roles).has('case.work');
}
