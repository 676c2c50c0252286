import type { Consent, DataCategory } from '../consent/consent';
import type { Permission, Role } from './roles';

/** Who is asking. Built once per request by the HTTP layer from a session or API token. */
export type Principal =
  | {
      kind: 'staff';
      accountId: string;
      organizationId: string;
      displayName: string;
      roles: Role[];
      /** 'organization': every patient of the organization; 'care-team': only patients whose care team includes them. */
      reach: 'organization' | 'care-team';
      /** The practitioner record this staff member is, for care-team reach. */
      practitionerId: string | null;
    }
  | {
      kind: 'patient';
      accountId: string;
      organizationId: string;
      displayName: string;
      patientId: string;
    }
  | {
      kind: 'caregiver';
      accountId: string;
      organizationId: string;
      displayName: string;
      /** The RelatedPerson records this account speaks for, one per person helped. */
      proxies: Array<{ relatedPersonId: string; patientId: string }>;
    }
  | {
      kind: 'api-token';
      tokenId: string;
      organizationId: string;
      displayName: string;
      scopes: Permission[];
    };

export interface BreakGlassGrant {
  id: string;
  patientId: string;
  reason: string;
  expiresAt: string;
}

/**
 * One access context per request (architecture rule 1): everything a decision needs,
 * passed to every service. Nothing about the "current patient" is kept in a session.
 */
export interface AccessContext {
  principal: Principal | null;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /** v3 PurposeOfUse the request acts under (TREAT, HPAYMT, HOPERAT, PATRQT, ETREAT). */
  purposeOfUse: string;
  /** In-force consents naming this caregiver (empty for everyone else). */
  consents: readonly Consent[];
  /** Unexpired break-glass grants of this staff member. */
  breakGlass: readonly BreakGlassGrant[];
  /** The instant the request is decided at (time is injected). */
  now: string;
  requestId: string;
  sourceAddress: string | null;
  userAgent: string | null;
}

/** The facts about a patient record a decision needs, loaded by the service. */
export interface PatientFacts {
  patientId: string;
  organizationId: string;
  /** VIP, employee, or at the patient's request: staff need a care relationship or break-glass. */
  restricted: boolean;
  /** Practitioner ids on the patient's care team. */
  careTeam: readonly string[];
}

export type AccessRequest =
  | { permission: Permission }
  | { permission: Permission; patient: PatientFacts; category: DataCategory };
