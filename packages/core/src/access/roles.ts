/**
 * Roles and permissions. A role is only a named set of permissions; every check in the
 * code asks for a permission, never for a role, so a new role needs no code change.
 */
export const STAFF_ROLES = [
  'agent',
  'nurse',
  'physician',
  'billing',
  'social-worker',
  'supervisor',
  'privacy-officer',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'patient' | 'caregiver';
export const ROLES: readonly Role[] = [...STAFF_ROLES, 'patient', 'caregiver'];

export const PERMISSIONS = [
  // Staff, within the organization (and care-team scope when configured).
  'patient.search',
  'patient.read',
  'patient.create',
  'patient.update',
  // How to reach a patient (contacts, language, channel, quiet hours): the one part of
  // the record a patient may change too (self.update), so it is its own permission.
  'patient.contact',
  'patient.merge',
  'patient.export',
  'patient.restrict',
  'relations.manage',
  'clinical.read',
  'billing.read',
  'consent.manage',
  'import.fhir',
  'breakglass.use',
  'breakglass.review',
  'audit.read',
  'audit.export',
  'admin.users',
  'admin.teams',
  // Service desk (cases). case.read/case.create/case.reply have patient equivalents
  // (self.read / self.request); working, assigning and configuring are staff-only.
  'case.read',
  'case.create',
  'case.reply',
  'case.work',
  'case.supervise',
  'desk.configure',
  'kb.read',
  'kb.manage',
  'mail.quarantine',
  // The HL7 v2 feed's messages: see them as received, with their ACKs, and replay failures.
  'interfaces.hl7',
  // Patients, for their own record; caregivers, within an active consent.
  'self.read',
  'self.update',
  'self.consent',
  'self.access-log',
  'self.request',
  'proxy.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FRONT_DESK: Permission[] = [
  'patient.search',
  'patient.read',
  'patient.create',
  'patient.update',
  'patient.contact',
  'relations.manage',
];

/** Everyone who answers patients works cases and reads the staff knowledge base. */
const DESK: Permission[] = ['case.read', 'case.create', 'case.reply', 'case.work', 'kb.read'];

/**
 * Who may do what. Deliberately narrow: billing sees billing, not clinical notes; the
 * privacy officer reviews audit and break-glass but does not browse charts; admins
 * manage accounts but read patient data only through break-glass.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: [...FRONT_DESK, ...DESK, 'billing.read', 'consent.manage'],
  nurse: [...FRONT_DESK, ...DESK, 'clinical.read', 'consent.manage', 'breakglass.use'],
  physician: [...FRONT_DESK, ...DESK, 'clinical.read', 'breakglass.use'],
  billing: [
    ...DESK,
    'patient.search',
    'patient.read',
    'patient.update',
    'patient.contact',
    'billing.read',
    'relations.manage',
  ],
  'social-worker': [
    ...FRONT_DESK,
    ...DESK,
    'clinical.read',
    'billing.read',
    'consent.manage',
    'breakglass.use',
  ],
  supervisor: [
    ...FRONT_DESK,
    ...DESK,
    'case.supervise',
    'desk.configure',
    'kb.manage',
    'mail.quarantine',
    'patient.merge',
    'patient.export',
    'patient.restrict',
    'clinical.read',
    'billing.read',
    'import.fhir',
    'admin.teams',
  ],
  'privacy-officer': [
    'audit.read',
    'audit.export',
    'breakglass.review',
    'patient.search',
    'patient.read',
    'patient.restrict',
  ],
  admin: [
    'admin.users',
    'admin.teams',
    'import.fhir',
    'audit.read',
    'breakglass.use',
    'desk.configure',
    'kb.read',
    'kb.manage',
    'mail.quarantine',
    'interfaces.hl7',
  ],
  patient: ['self.read', 'self.update', 'self.consent', 'self.access-log', 'self.request'],
  caregiver: ['proxy.read'],
};

/**
 * Permission sets by role combination, built once: every request and every routing
 * candidate asks, and a handful of combinations exist. The sets are read-only.
 */
const permissionSets = new Map<string, ReadonlySet<Permission>>();

export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  const key = roles.join('\u0000');
  let set = permissionSets.get(key);
  if (!set) {
    set = new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
    // Roles come from stored accounts; an unbounded variety would be a bug, not a workload.
    if (permissionSets.size < 1024) permissionSets.set(key, set);
  }
  return set;
}

/** v3 PurposeOfUse the role acts under by default (https://terminology.hl7.org/ValueSet-v3-PurposeOfUse.html). */
export function defaultPurposeOfUse(roles: readonly Role[]): string {
  if (roles.includes('patient') || roles.includes('caregiver')) return 'PATRQT';
  if (roles.some((r) => r === 'nurse' || r === 'physician' || r === 'social-worker'))
    return 'TREAT';
  if (roles.includes('billing')) return 'HPAYMT';
  return 'HOPERAT';
}
