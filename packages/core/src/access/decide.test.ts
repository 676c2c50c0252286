import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, type Consent, type DataCategory } from '../consent/consent';
import type { AccessContext, PatientFacts, Principal } from './access-context';
import { decide } from './decide';
import { permissionsOf, type Permission, type Role } from './roles';

const NOW = '2026-11-24T12:00:00.000Z';
const ORG = 'org-a';
const OWN: PatientFacts = {
  patientId: 'p-own',
  organizationId: ORG,
  restricted: false,
  careTeam: ['pr-1'],
};
const OTHER: PatientFacts = {
  patientId: 'p-other',
  organizationId: ORG,
  restricted: false,
  careTeam: [],
};
const VIP: PatientFacts = {
  patientId: 'p-vip',
  organizationId: ORG,
  restricted: true,
  careTeam: ['pr-9'],
};
const FOREIGN: PatientFacts = {
  patientId: 'p-foreign',
  organizationId: 'org-b',
  restricted: false,
  careTeam: [],
};

function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 'c1',
    patientId: 'p-own',
    relatedPersonId: 'rp-1',
    status: 'active',
    permit: ['appointments', 'billing', 'profile'],
    deny: [],
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2027-01-01T00:00:00.000Z',
    grantedBy: 'acct-patient',
    createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

function ctx(
  principal: Principal | null,
  roles: Role[],
  extra: Partial<AccessContext> = {},
): AccessContext {
  return {
    principal,
    roles,
    permissions: permissionsOf(roles),
    purposeOfUse: 'TREAT',
    consents: [],
    breakGlass: [],
    now: NOW,
    requestId: 'r1',
    sourceAddress: '127.0.0.1',
    userAgent: 'test',
    ...extra,
  };
}

const staff = (
  roles: Role[],
  reach: 'organization' | 'care-team' = 'organization',
  practitionerId: string | null = 'pr-1',
  organizationId = ORG,
) =>
  ctx(
    {
      kind: 'staff',
      accountId: 's1',
      organizationId,
      displayName: 'S',
      roles,
      reach,
      practitionerId,
    },
    roles,
  );
const patient = (patientId = 'p-own') =>
  ctx({ kind: 'patient', accountId: 'a-p', organizationId: ORG, displayName: 'P', patientId }, [
    'patient',
  ]);
const caregiver = (consents: Consent[]) =>
  ctx(
    {
      kind: 'caregiver',
      accountId: 'a-c',
      organizationId: ORG,
      displayName: 'C',
      proxies: [{ relatedPersonId: 'rp-1', patientId: 'p-own' }],
    },
    ['caregiver'],
    { consents },
  );

type Row = [string, AccessContext, Permission, PatientFacts | null, DataCategory, string];

// Expected: 'allow:<via>' or 'deny:<kind>'.
const TABLE: Row[] = [
  [
    'anonymous is unauthenticated',
    ctx(null, []),
    'patient.read',
    OWN,
    'profile',
    'deny:unauthenticated',
  ],
  ['agent reads an org patient', staff(['agent']), 'patient.read', OTHER, 'profile', 'allow:role'],
  [
    'agent lacks clinical.read',
    staff(['agent']),
    'clinical.read',
    OTHER,
    'clinical-notes',
    'deny:forbidden',
  ],
  ['billing reads billing', staff(['billing']), 'billing.read', OTHER, 'billing', 'allow:role'],
  [
    'billing cannot read clinical',
    staff(['billing']),
    'clinical.read',
    OTHER,
    'clinical-notes',
    'deny:forbidden',
  ],
  [
    'nurse reads clinical',
    staff(['nurse']),
    'clinical.read',
    OTHER,
    'clinical-notes',
    'allow:role',
  ],
  [
    'staff of another org: hidden',
    staff(['nurse']),
    'patient.read',
    FOREIGN,
    'profile',
    'deny:hidden',
  ],
  [
    'restricted record, on care team',
    staff(['nurse'], 'organization', 'pr-9'),
    'patient.read',
    VIP,
    'profile',
    'allow:role',
  ],
  [
    'restricted record, nurse may break glass',
    staff(['nurse']),
    'patient.read',
    VIP,
    'profile',
    'deny:break-glass',
  ],
  [
    'restricted record, agent cannot break glass',
    staff(['agent']),
    'patient.read',
    VIP,
    'profile',
    'deny:hidden',
  ],
  [
    'care-team reach, on team',
    staff(['physician'], 'care-team', 'pr-1'),
    'patient.read',
    OWN,
    'profile',
    'allow:role',
  ],
  [
    'care-team reach, off team',
    staff(['physician'], 'care-team', 'pr-1'),
    'patient.read',
    OTHER,
    'profile',
    'deny:break-glass',
  ],
  [
    'privacy officer cannot browse clinical',
    staff(['privacy-officer']),
    'clinical.read',
    OTHER,
    'clinical-notes',
    'deny:forbidden',
  ],
  [
    'admin cannot read charts',
    staff(['admin']),
    'patient.read',
    OTHER,
    'profile',
    'deny:forbidden',
  ],
  ['patient reads own record', patient(), 'patient.read', OWN, 'profile', 'allow:own-record'],
  [
    'patient reads own clinical',
    patient(),
    'clinical.read',
    OWN,
    'clinical-notes',
    'allow:own-record',
  ],
  ['patient reads another: hidden', patient(), 'patient.read', OTHER, 'profile', 'deny:hidden'],
  ['patient cannot merge', patient(), 'patient.merge', OWN, 'profile', 'deny:forbidden'],
  [
    'patient changes how to reach them',
    patient(),
    'patient.contact',
    OWN,
    'profile',
    'allow:own-record',
  ],
  [
    'patient cannot rewrite the whole record (names, identifiers)',
    patient(),
    'patient.update',
    OWN,
    'profile',
    'deny:forbidden',
  ],
  [
    "patient cannot change another's contacts",
    patient(),
    'patient.contact',
    OTHER,
    'profile',
    'deny:hidden',
  ],
  [
    'agent changes a patient contacts',
    staff(['agent']),
    'patient.contact',
    OTHER,
    'profile',
    'allow:role',
  ],
  [
    'caregiver cannot change contacts',
    caregiver([consent()]),
    'patient.contact',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, consented category',
    caregiver([consent()]),
    'billing.read',
    OWN,
    'billing',
    'allow:consent',
  ],
  [
    'caregiver, category not granted',
    caregiver([consent()]),
    'clinical.read',
    OWN,
    'clinical-notes',
    'deny:hidden',
  ],
  [
    'caregiver, nested deny wins',
    caregiver([consent({ deny: ['billing'] })]),
    'billing.read',
    OWN,
    'billing',
    'deny:hidden',
  ],
  [
    'caregiver, revoked consent',
    caregiver([consent({ revokedAt: '2026-06-01T00:00:00.000Z' })]),
    'patient.read',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, expired consent',
    caregiver([consent({ periodEnd: '2026-06-01T00:00:00.000Z' })]),
    'patient.read',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, consent not yet started',
    caregiver([consent({ periodStart: '2026-12-01T00:00:00.000Z' })]),
    'patient.read',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, inactive status',
    caregiver([consent({ status: 'inactive' })]),
    'patient.read',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, another patient',
    caregiver([consent()]),
    'patient.read',
    OTHER,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver, consent for someone else',
    caregiver([consent({ relatedPersonId: 'rp-2' })]),
    'patient.read',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'caregiver cannot write',
    caregiver([consent()]),
    'patient.update',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'patient invites a caregiver for themselves',
    patient(),
    'self.consent',
    OWN,
    'profile',
    'allow:own-record',
  ],
  [
    'patient cannot invite for another patient',
    patient(),
    'self.consent',
    OTHER,
    'profile',
    'deny:hidden',
  ],
  [
    'staff cannot invite in a patient’s name',
    staff(['nurse']),
    'self.consent',
    OWN,
    'profile',
    'deny:forbidden',
  ],
  [
    'caregiver cannot invite another caregiver',
    caregiver([consent({ permit: [...DATA_CATEGORIES] })]),
    'self.consent',
    OWN,
    'profile',
    'deny:hidden',
  ],
  [
    'function-level: admin manages users',
    staff(['admin']),
    'admin.users',
    null,
    'profile',
    'allow:role',
  ],
  [
    'function-level: nurse cannot manage users',
    staff(['nurse']),
    'admin.users',
    null,
    'profile',
    'deny:forbidden',
  ],
];

describe('access decisions', () => {
  it.each(TABLE)('%s', (_name, c, permission, facts, category, expected) => {
    const d = facts
      ? decide(c, { permission, patient: facts, category })
      : decide(c, { permission });
    expect(d.allow ? `allow:${d.via}` : `deny:${d.deny}`).toBe(expected);
  });

  it('lets a caregiver linked twice to one patient read through either link', () => {
    const base = caregiver([consent({ relatedPersonId: 'rp-2', permit: ['billing'] })]);
    const twice = {
      ...base,
      principal: {
        kind: 'caregiver' as const,
        accountId: 'a-c',
        organizationId: ORG,
        displayName: 'C',
        proxies: [
          { relatedPersonId: 'rp-1', patientId: 'p-own' },
          { relatedPersonId: 'rp-2', patientId: 'p-own' },
        ],
      },
    };
    const read = (category: DataCategory) =>
      decide(twice, { permission: 'billing.read', patient: OWN, category }).allow;
    expect(read('billing')).toBe(true);
    expect(read('clinical-notes')).toBe(false);
  });

  it('honours an unexpired break-the-glass grant and ignores an expired one', () => {
    const base = staff(['nurse']);
    const live = {
      ...base,
      breakGlass: [
        {
          id: 'bg1',
          patientId: 'p-vip',
          reason: 'ED arrival',
          expiresAt: '2026-11-24T13:00:00.000Z',
        },
      ],
    };
    expect(decide(live, { permission: 'patient.read', patient: VIP, category: 'profile' })).toEqual(
      {
        allow: true,
        via: 'break-glass',
        breakGlassId: 'bg1',
      },
    );
    const expired = {
      ...base,
      breakGlass: [
        { id: 'bg0', patientId: 'p-vip', reason: 'x', expiresAt: '2026-11-24T11:59:59.000Z' },
      ],
    };
    expect(
      decide(expired, { permission: 'patient.read', patient: VIP, category: 'profile' }).allow,
    ).toBe(false);
    const otherPatient = {
      ...live,
      breakGlass: [{ ...live.breakGlass[0]!, patientId: 'p-other' }],
    };
    expect(
      decide(otherPatient, { permission: 'patient.read', patient: VIP, category: 'profile' }).allow,
    ).toBe(false);
  });

  it('limits API tokens to their scopes and organization', () => {
    const token = (scopes: Permission[]): AccessContext =>
      ctx(
        { kind: 'api-token', tokenId: 't', organizationId: ORG, displayName: 'EHR', scopes },
        [],
        { permissions: new Set(scopes) },
      );
    expect(
      decide(token(['patient.read']), {
        permission: 'patient.read',
        patient: OTHER,
        category: 'profile',
      }).allow,
    ).toBe(true);
    expect(
      decide(token(['patient.read']), {
        permission: 'clinical.read',
        patient: OTHER,
        category: 'clinical-notes',
      }).allow,
    ).toBe(false);
    expect(
      decide(token(['patient.read']), {
        permission: 'patient.read',
        patient: FOREIGN,
        category: 'profile',
      }),
    ).toMatchObject({ deny: 'hidden' });
  });
});
