import type { AuditAction, AuditEntry, AuditEntryInput, AuditOutcome } from '@caredesk/core';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { DomainError } from '@caredesk/core';
import { decodeCursor, encodeCursor } from '../storage/cursor';
import type { Schema } from '../storage/schema';
import { rowToEntry } from './audit-rows';

/** Filters of an audit report (ONC 170.315(d)(3)); all optional, combined with AND. */
export interface AuditQuery {
  organizationId?: string;
  patientId?: string;
  actorId?: string;
  /** occurredAt ≥ from (ISO instant). */
  from?: string;
  /** occurredAt < to (ISO instant). */
  to?: string;
  action?: AuditAction | readonly AuditAction[];
  outcome?: AuditOutcome;
  breakGlass?: boolean;
}

export interface AuditPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One line of "who opened my record": what a patient may see about staff access. */
export interface PatientAccessLogEntry {
  seq: number;
  occurredAt: string;
  actorKind: AuditEntryInput['actorKind'];
  actorName: string | null;
  actorRoles: string[];
  action: AuditAction;
  resourceType: string | null;
  purposeOfUse: string | null;
  breakGlass: boolean;
}

/** Reading the record: what "who opened my record" lists (HIPAA accounting of disclosures too). */
export const PATIENT_VISIBLE_ACTIONS: readonly AuditAction[] = [
  'read',
  'search',
  'export',
  'disclose',
];
/** Who counts as "someone else": the patient's own reads and background jobs are left out. */
export const PATIENT_VISIBLE_ACTORS: readonly AuditEntryInput['actorKind'][] = [
  'staff',
  'api-token',
  'caregiver',
];

export const MAX_AUDIT_PAGE = 1000;

/** The seq a cursor points below; a tampered cursor is a validation error, never a query error. */
function cursorSeq(cursor: string): number {
  const [part] = decodeCursor(cursor, 1);
  if (part !== undefined && /^[1-9][0-9]{0,15}$/.test(part)) return Number(part);
  throw new DomainError(
    'validation',
    'validation.cursor.invalid',
    'The page cursor is not valid.',
    [{ path: 'cursor', messageKey: 'validation.cursor.invalid', detail: 'malformed cursor' }],
  );
}

type Filterable = SelectQueryBuilder<Schema, 'audit_entries', object>;

/** The report filters as WHERE terms; exported for the query-plan check in the contract. */
export function applyAuditFilters<Q extends Filterable>(q: Q, f: AuditQuery): Q {
  let out = q as Filterable;
  if (f.organizationId !== undefined) out = out.where('organization_id', '=', f.organizationId);
  if (f.patientId !== undefined) out = out.where('patient_id', '=', f.patientId);
  if (f.actorId !== undefined) out = out.where('actor_id', '=', f.actorId);
  if (f.from !== undefined) out = out.where('occurred_at', '>=', f.from);
  if (f.to !== undefined) out = out.where('occurred_at', '<', f.to);
  if (f.action !== undefined) {
    const actions = typeof f.action === 'string' ? [f.action] : [...f.action];
    out = out.where('action', 'in', actions.length > 0 ? actions : ['-none-']);
  }
  if (f.outcome !== undefined) out = out.where('outcome', '=', f.outcome);
  // Inlined, not bound: a partial index (migration 0008) is usable only where the planner
  // sees the constant; SQLite and an unnamed PostgreSQL statement plan with the bound value,
  // a prepared generic plan would not (https://www.sqlite.org/partialindex.html).
  if (f.breakGlass !== undefined)
    out = out.where('break_glass', '=', sql.lit(f.breakGlass ? 1 : 0));
  return out as Q;
}

/** Audit reports, newest first, paged by seq (architecture rule 8: keyset, no COUNT). */
export class AuditQueries {
  constructor(private readonly db: Kysely<Schema>) {}

  async search(
    filter: AuditQuery,
    page: { limit?: number; cursor?: string | null } = {},
  ): Promise<AuditPage<AuditEntry>> {
    const limit = Math.min(Math.max(1, page.limit ?? 100), MAX_AUDIT_PAGE);
    let q = applyAuditFilters(this.db.selectFrom('audit_entries').selectAll(), filter);
    if (page.cursor) q = q.where('seq', '<', cursorSeq(page.cursor));
    const rows = await q
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r) => stripVerification(rowToEntry(r)));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
    };
  }

  /**
   * "Who opened my record": staff, integrations (API tokens) and caregivers who read,
   * searched, exported or disclosed this patient's data, successfully — never the
   * patient's own reads or system jobs. No addresses or user agents: those are about staff.
   */
  async accessLogForPatient(
    patientId: string,
    page: { limit?: number; cursor?: string | null } = {},
  ): Promise<AuditPage<PatientAccessLogEntry>> {
    const limit = Math.min(Math.max(1, page.limit ?? 50), MAX_AUDIT_PAGE);
    let q = this.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('action', 'in', [...PATIENT_VISIBLE_ACTIONS])
      .where('actor_kind', 'in', [...PATIENT_VISIBLE_ACTORS])
      .where('outcome', '=', 'success');
    if (page.cursor) q = q.where('seq', '<', cursorSeq(page.cursor));
    const rows = await q
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r): PatientAccessLogEntry => {
      const e = rowToEntry(r);
      return {
        seq: e.seq,
        occurredAt: e.occurredAt,
        actorKind: e.actorKind,
        actorName: e.actorName,
        actorRoles: e.actorRoles,
        action: e.action,
        resourceType: e.resourceType,
        purposeOfUse: e.purposeOfUse,
        breakGlass: e.breakGlass,
      };
    });
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
    };
  }

  /**
   * Every matching entry, oldest first, read page by page: for exports of any size in
   * constant memory.
   */
  async *stream(filter: AuditQuery, pageSize = 1000): AsyncGenerator<AuditEntry> {
    let after = 0;
    for (;;) {
      const rows = await applyAuditFilters(this.db.selectFrom('audit_entries').selectAll(), filter)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield stripVerification(rowToEntry(r));
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
}

function stripVerification(e: AuditEntry & { malformed?: boolean }): AuditEntry {
  delete e.malformed;
  return e;
}
