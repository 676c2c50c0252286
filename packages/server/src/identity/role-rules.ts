import {
  permissionsOf,
  ROLE_PERMISSIONS,
  STAFF_ROLES,
  type Permission,
  type Role,
  type StaffRole,
} from '@caredesk/core';

/**
 * Oversight permissions: a manager may only hand out (or take away) a role carrying one
 * of these if they hold it themselves. So an admin can make another admin, but cannot
 * appoint the privacy officer who reviews their own break-the-glass use (separation of
 * duties; OWASP ASVS V8.2 and the HIPAA 164.308(a)(4) access-management standard).
 */
const OVERSIGHT: ReadonlySet<Permission> = new Set([
  'admin.users',
  'audit.read',
  'audit.export',
  'breakglass.review',
]);

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** May someone with `managerRoles` grant or remove `role` on a staff account? */
export function canManageRole(managerRoles: readonly Role[], role: Role): boolean {
  if (!isStaffRole(role)) return false;
  const held = permissionsOf(managerRoles);
  if (!held.has('admin.users')) return false;
  return ROLE_PERMISSIONS[role].every((p) => !OVERSIGHT.has(p) || held.has(p));
}

/**
 * API tokens act for an integration, never for a person: no self.* or proxy.* (those are
 * a patient's or caregiver's own), no admin.* (accounts are managed by people), no
 * breakglass.* (break-the-glass needs a person's attestation).
 */
export function neverForTokens(p: Permission): boolean {
  return /^(self|proxy|admin|breakglass)\./.test(p);
}

/** The permissions a manager may put on an API token: those of the roles they may grant. */
export function tokenGrantable(managerRoles: readonly Role[]): ReadonlySet<Permission> {
  const out = new Set<Permission>();
  for (const role of STAFF_ROLES) {
    if (!canManageRole(managerRoles, role)) continue;
    for (const p of ROLE_PERMISSIONS[role]) if (!neverForTokens(p)) out.add(p);
  }
  return out;
}
