/**
 * One audit-trail entry (ASTM E2147 fields; exported as FHIR AuditEvent). Written for
 * every read, search, create, update, delete, export and disclosure of patient data and
 * every authentication and permission event — successes, denials and failures.
 */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'merge',
  'import',
  'export',
  'disclose',
  'login',
  'logout',
  'login-failed',
  'mfa-change',
  'password-change',
  'permission-change',
  'account-change',
  'consent-change',
  'break-glass',
  'token-change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntryInput {
  organizationId: string | null;
  /** ISO instant. */
  occurredAt: string;
  actorKind: 'staff' | 'patient' | 'caregiver' | 'api-token' | 'anonymous' | 'system';
  /** Account or token id; null for anonymous and system. */
  actorId: string | null;
  /** Name as shown to a patient reading "who opened my record". */
  actorName: string | null;
  actorRoles: string[];
  /** The patient a caregiver acted for, when different from the actor. */
  onBehalfOf: string | null;
  /** The patient whose data was touched, when any. */
  patientId: string | null;
  action: AuditAction;
  resourceType: string | null;
  resourceId: string | null;
  outcome: AuditOutcome;
  /** v3 PurposeOfUse. */
  purposeOfUse: string | null;
  sourceAddress: string | null;
  userAgent: string | null;
  /** True when the access relied on a break-the-glass grant: flagged for review. */
  breakGlass: boolean;
  /** Short structured detail (reason given, search terms' shape, error code); never PHI values. */
  detail: string | null;
}

/** A stored entry: its position in the chain and the hashes that make edits evident. */
export interface AuditEntry extends AuditEntryInput {
  seq: number;
  prevHash: string;
  hash: string;
}
