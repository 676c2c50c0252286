import type { AuditAction, AuditEntry, AuditEntryInput, VerifiableEntry } from '@caredesk/core';
import { AUDIT_ACTIONS } from '@caredesk/core';
import type { Insertable, Selectable } from 'kysely';
import type { AuditEntriesTable } from '../storage/schema';

export type AuditRow = Selectable<AuditEntriesTable>;

const ACTOR_KINDS = new Set(['staff', 'patient', 'caregiver', 'api-token', 'anonymous', 'system']);
const OUTCOMES = new Set(['success', 'denied', 'failed']);
const ACTIONS = new Set<string>(AUDIT_ACTIONS);

/** Throws on an entry no capability may write (unknown action, kind or outcome). */
export function assertAuditInput(e: AuditEntryInput): void {
  if (!ACTIONS.has(e.action)) throw new TypeError(`unknown audit action: ${String(e.action)}`);
  if (!ACTOR_KINDS.has(e.actorKind))
    throw new TypeError(`unknown audit actor kind: ${String(e.actorKind)}`);
  if (!OUTCOMES.has(e.outcome)) throw new TypeError(`unknown audit outcome: ${String(e.outcome)}`);
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt)))
    throw new TypeError('audit occurredAt must be an ISO instant');
  if (!Array.isArray(e.actorRoles)) throw new TypeError('audit actorRoles must be an array');
}

export function entryToRow(e: AuditEntry): Insertable<AuditEntriesTable> {
  return {
    seq: e.seq,
    organization_id: e.organizationId,
    occurred_at: e.occurredAt,
    actor_kind: e.actorKind,
    actor_id: e.actorId,
    actor_name: e.actorName,
    actor_roles: JSON.stringify(e.actorRoles),
    on_behalf_of: e.onBehalfOf,
    patient_id: e.patientId,
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    outcome: e.outcome,
    purpose_of_use: e.purposeOfUse,
    source_address: e.sourceAddress,
    user_agent: e.userAgent,
    break_glass: e.breakGlass ? 1 : 0,
    detail: e.detail,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** Column order of AuditEntriesTable, as read by entryFromColumns. */
export const AUDIT_COLUMNS = [
  'seq',
  'organization_id',
  'occurred_at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'actor_roles',
  'on_behalf_of',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'outcome',
  'purpose_of_use',
  'source_address',
  'user_agent',
  'break_glass',
  'detail',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

/**
 * Stored values (in AUDIT_COLUMNS order) back as an entry, strictly: a column holding
 * anything a writer never produces (another type, non-canonical JSON, a flag other than
 * 0/1, a missing required value) marks the entry malformed, so it fails verification even
 * where the parsed value would hash alike.
 */
export function entryFromColumns(v: readonly unknown[]): VerifiableEntry {
  let malformed = false;
  const text = (x: unknown): string | null => {
    if (x === null || x === undefined) return null;
    if (typeof x === 'string') return x;
    malformed = true;
    // Whatever it is, it cannot equal what was hashed: a marker is enough.
    return `(${typeof x})`;
  };
  const required = (x: unknown): string => {
    const t = text(x);
    if (t === null) malformed = true;
    return t ?? '';
  };
  let roles: string[] = [];
  const rolesText = v[6];
  try {
    const parsed: unknown = typeof rolesText === 'string' ? JSON.parse(rolesText) : null;
    if (
      Array.isArray(parsed) &&
      parsed.every((x) => typeof x === 'string') &&
      JSON.stringify(parsed) === rolesText
    ) {
      roles = parsed;
    } else malformed = true;
  } catch {
    malformed = true;
  }
  const flag = v[16];
  if (flag !== 0 && flag !== 1) malformed = true;
  const entry: VerifiableEntry = {
    seq: Number(v[0]),
    organizationId: text(v[1]),
    occurredAt: required(v[2]),
    actorKind: required(v[3]) as AuditEntry['actorKind'],
    actorId: text(v[4]),
    actorName: text(v[5]),
    actorRoles: roles,
    onBehalfOf: text(v[7]),
    patientId: text(v[8]),
    action: required(v[9]) as AuditAction,
    resourceType: text(v[10]),
    resourceId: text(v[11]),
    outcome: required(v[12]) as AuditEntry['outcome'],
    purposeOfUse: text(v[13]),
    sourceAddress: text(v[14]),
    userAgent: text(v[15]),
    breakGlass: flag === 1,
    detail: text(v[17]),
    prevHash: required(v[18]),
    hash: required(v[19]),
  };
  if (malformed) entry.malformed = true;
  return entry;
}

/** A stored row back as an entry (see entryFromColumns). */
export function rowToEntry(r: AuditRow): VerifiableEntry {
  return entryFromColumns(AUDIT_COLUMNS.map((c) => r[c]));
}
