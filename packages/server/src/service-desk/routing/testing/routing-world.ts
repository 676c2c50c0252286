import { randomUUID } from 'node:crypto';
import type { AccessContext, Clock, QueueDraft, StaffRole } from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import { RequestAudit } from '../../../access/request-audit';
import type { AuditSink } from '../../../audit/audit-sink';
import { addOrganization } from '../../../storage/contract/registry-fixtures';
import type { Database } from '../../../storage/database';
import type { Schema } from '../../../storage/schema';
import type { AgentLoadPort } from '../agent-load-port';
import type { CaseRoutingFacts } from '../routing-service';

/** A queue taking any case, least-loaded, no skills asked, order 100. */
export const queueDraft = (over: Partial<QueueDraft> = {}): QueueDraft => ({
  name: 'General',
  teamId: null,
  strategy: 'least-loaded',
  requiredSkills: { languages: [], categories: [] },
  matches: { categories: [], priorities: [], channels: [] },
  order: 100,
  active: true,
  ...over,
});

/** A new routine portal case in English, general category. */
export const caseFacts = (over: Partial<CaseRoutingFacts> = {}): CaseRoutingFacts => ({
  caseId: randomUUID(),
  category: 'general',
  priority: 'routine',
  channel: 'portal',
  language: 'en',
  ...over,
});

/** A clock tests move by hand. */
export class HandClock implements Clock {
  constructor(public t = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
}

/** A staff account row, as the identity capability would store it. */
export async function addStaff(
  db: Kysely<Schema>,
  organizationId: string,
  displayName: string,
  opts: { roles?: StaffRole[]; language?: string; status?: 'active' | 'invited' | 'disabled' } = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('accounts')
    .values({
      id,
      organization_id: organizationId,
      kind: 'staff',
      email: `${id}@routing.example`,
      display_name: displayName,
      preferred_language: opts.language ?? 'en',
      roles: JSON.stringify(opts.roles ?? ['agent']),
      reach: 'organization',
      practitioner_id: null,
      patient_id: null,
      status: opts.status ?? 'active',
      password_hash: null,
      password_changed_at: null,
      mfa_enabled: 0,
      mfa_secret: null,
      mfa_pending_secret: null,
      mfa_last_step: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

export async function addOrg(database: Database, name: string): Promise<string> {
  return addOrganization(database, name);
}

/**
 * A stand-in for the cases table the lead owns: one row per case with its assignee, so
 * routing's load port reads committed (and same-transaction) assignments like the real one.
 */
export async function createAssignmentsTable(db: Kysely<Schema>): Promise<void> {
  await sql`CREATE TABLE test_case_assignments (
    case_id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL,
    assignee_id TEXT
  )`.execute(db);
}

export async function recordAssignment(
  trx: Kysely<Schema>,
  caseId: string,
  organizationId: string,
  assigneeId: string | null,
): Promise<void> {
  await sql`INSERT INTO test_case_assignments (case_id, organization_id, assignee_id)
    VALUES (${caseId}, ${organizationId}, ${assigneeId})`.execute(trx);
}

/** The load port over test_case_assignments: every row counts as an active case. */
export const tableLoads: AgentLoadPort = {
  async activeCaseCounts(trx, organizationId, accountIds) {
    if (accountIds.length === 0) return new Map();
    const { rows } = await sql<{ assignee_id: string; n: number | string }>`
      SELECT assignee_id, COUNT(*) AS n FROM test_case_assignments
      WHERE organization_id = ${organizationId}
        AND assignee_id IN (${sql.join(accountIds)})
      GROUP BY assignee_id`.execute(trx);
    return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
  },
};

/** A load port over a fixed map, for routing decisions that need no cases at all. */
export function mapLoads(loads: Record<string, number>): AgentLoadPort {
  return { activeCaseCounts: () => Promise.resolve(new Map(Object.entries(loads))) };
}

/** The audit of a request by a staff member of `organizationId`. */
export function staffAudit(
  sink: AuditSink,
  organizationId: string,
  accountId: string,
  now: Date,
): RequestAudit {
  const ctx: AccessContext = {
    principal: {
      kind: 'staff',
      accountId,
      organizationId,
      displayName: 'Supervisor',
      roles: ['supervisor'],
      reach: 'organization',
      practitionerId: null,
    },
    roles: ['supervisor'],
    permissions: new Set(['desk.configure', 'case.work']),
    purposeOfUse: 'HOPERAT',
    consents: [],
    breakGlass: [],
    now: now.toISOString(),
    requestId: 'routing-test',
    sourceAddress: null,
    userAgent: null,
  };
  return new RequestAudit(ctx, sink);
}
