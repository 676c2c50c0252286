import type { AuditEntryInput, Principal, Role } from '@caredesk/core';
import { ROLES } from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, Schema } from '../storage/schema';

export type AccountKind = 'staff' | 'patient' | 'caregiver';
export type AccountStatus = 'invited' | 'active' | 'disabled';
export type Reach = 'organization' | 'care-team';

/** An account as services and routes see it: never a hash or a secret. */
export interface Account {
  id: string;
  organizationId: string;
  kind: AccountKind;
  email: string;
  displayName: string;
  preferredLanguage: string;
  roles: Role[];
  reach: Reach;
  practitionerId: string | null;
  patientId: string | null;
  status: AccountStatus;
  mfaEnabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type AccountRow = Selectable<AccountsTable>;
export type Db = Kysely<Schema>;

/** Where the request came from, recorded on every audit entry (ASTM E2147 "source"). */
export interface RequestMeta {
  sourceAddress: string | null;
  userAgent: string | null;
}

/** E-mail addresses are unique case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

function parseRoles(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is Role => ROLES.includes(r as Role)) : [];
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind as AccountKind,
    email: row.email,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    roles: parseRoles(row.roles),
    reach: row.reach === 'care-team' ? 'care-team' : 'organization',
    practitionerId: row.practitioner_id,
    patientId: row.patient_id,
    status: row.status as AccountStatus,
    mfaEnabled: Number(row.mfa_enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findAccountRow(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountRowByEmail(
  db: Db,
  email: string,
): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export async function caregiverProxies(
  db: Db,
  accountId: string,
): Promise<Array<{ relatedPersonId: string; patientId: string }>> {
  const rows = await db
    .selectFrom('caregiver_links')
    .select(['related_person_id', 'patient_id'])
    .where('account_id', '=', accountId)
    .orderBy('related_person_id')
    .execute();
  return rows.map((r) => ({ relatedPersonId: r.related_person_id, patientId: r.patient_id }));
}

/** The core Principal for an account (the contract the access model decides on). */
export async function principalFor(db: Db, account: Account): Promise<Principal> {
  const base = {
    accountId: account.id,
    organizationId: account.organizationId,
    displayName: account.displayName,
  };
  switch (account.kind) {
    case 'staff':
      return {
        kind: 'staff',
        ...base,
        roles: account.roles,
        reach: account.reach,
        practitionerId: account.practitionerId,
      };
    case 'patient':
      return { kind: 'patient', ...base, patientId: account.patientId ?? '' };
    case 'caregiver':
      return { kind: 'caregiver', ...base, proxies: await caregiverProxies(db, account.id) };
  }
}

/** Who an audit entry names as the actor. */
export interface AuditActor {
  kind: AuditEntryInput['actorKind'];
  id: string | null;
  name: string | null;
  roles: string[];
}

export const ANONYMOUS: AuditActor = { kind: 'anonymous', id: null, name: null, roles: [] };

export function actorOf(account: Account): AuditActor {
  return { kind: account.kind, id: account.id, name: account.displayName, roles: account.roles };
}

export interface AuthEvent {
  organizationId: string | null;
  at: Date;
  actor: AuditActor;
  meta: RequestMeta;
  action: AuditEntryInput['action'];
  outcome: AuditEntryInput['outcome'];
  resourceType: string;
  resourceId: string | null;
  detail?: Record<string, unknown>;
}

/** One audit entry for an authentication or administration event (never a secret in detail). */
export function authEntry(e: AuthEvent): AuditEntryInput {
  return {
    organizationId: e.organizationId,
    occurredAt: e.at.toISOString(),
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    actorName: e.actor.name,
    actorRoles: e.actor.roles,
    onBehalfOf: null,
    patientId: null,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    outcome: e.outcome,
    purposeOfUse: null,
    sourceAddress: e.meta.sourceAddress,
    userAgent: e.meta.userAgent,
    breakGlass: false,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
}
