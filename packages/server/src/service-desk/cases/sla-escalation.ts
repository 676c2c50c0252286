import {
  raisedPriority,
  slaTransitions,
  type CasePriority,
  type Clock,
  type SlaEvent,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { systemAudit } from '../../access/request-audit';
import type { AuditSink } from '../../audit/audit-sink';
import type { JobHandler } from '../../jobs';
import {
  appendCaseEvent,
  loadCase,
  updateCaseRow,
  type CaseRow,
} from '../../storage/cases/case-store';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import type { SlaConfiguration } from '../sla/sla-configuration';
import type { CaseRoutingPort, CaseSlaPort } from './case-ports';
import { readCaseSla, type SlaCheckPayload } from './case-sla';

export interface SlaEscalationDeps {
  database: Database;
  clock: Clock;
  sla: SlaConfiguration;
  slaPort: CaseSlaPort;
  routing: CaseRoutingPort | null;
  audit: AuditSink;
}

const SYSTEM = { kind: 'system', id: null, name: 'SLA' } as const;

/** Supervisors to tell about a breach: the case team's, else every supervisor of the organization. */
export async function supervisorsOf(trx: Kysely<Schema>, row: CaseRow): Promise<string[]> {
  let q = trx
    .selectFrom('accounts')
    .select('accounts.id')
    .where('accounts.organization_id', '=', row.organization_id)
    .where('accounts.kind', '=', 'staff')
    .where('accounts.status', '=', 'active')
    .where('accounts.roles', 'like', '%supervisor%');
  if (row.team_id) {
    const teamId = row.team_id;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members')
          .select('team_members.account_id')
          .whereRef('team_members.account_id', '=', 'accounts.id')
          .where('team_members.team_id', '=', teamId),
      ),
    );
  }
  const rows = await q.execute();
  if (rows.length === 0 && row.team_id) return supervisorsOf(trx, { ...row, team_id: null });
  return rows.map((r) => r.id);
}

/**
 * The `desk.sla-check` job (issue #5 §2): at the instant a clock was due to warn or breach,
 * records what happened on the case's timeline and, on a breach, does what the policy says
 * — tell the supervisors, raise the priority, or take the case back from its agent and
 * route it again. Scheduled by the SLA port whenever a case's clocks are computed, so it
 * runs exactly at the threshold rather than on a polling sweep.
 */
export function slaCheckHandler(deps: SlaEscalationDeps): JobHandler {
  return async (payload) => {
    const { caseId, at } = payload as SlaCheckPayload;
    const now = deps.clock.now();
    await deps.database.db.transaction().execute(async (trx) => {
      const row = await loadCase(trx, caseId);
      if (!row || row.is_active !== 1) return;
      const before = await readCaseSla(deps.sla, trx, row, new Date(Date.parse(at) - 1));
      const after = await readCaseSla(deps.sla, trx, row, now);
      if (!after) return;
      const events: SlaEvent[] = slaTransitions(before?.evaluation ?? null, after.evaluation);
      const next: CaseRow = { ...row };
      const iso = now.toISOString();
      for (const e of events) {
        await appendCaseEvent(trx, {
          caseId,
          at: iso,
          actor: SYSTEM,
          kind: e.kind === 'warning' ? 'sla-warning' : 'sla-breach',
          data: { clock: e.clock },
        });
        if (e.kind !== 'breach') continue;
        for (const action of after.policy.onBreach) {
          if (action === 'raise-priority') {
            const to = raisedPriority(next.priority as CasePriority);
            if (to === next.priority) continue;
            await appendCaseEvent(trx, {
              caseId,
              at: iso,
              actor: SYSTEM,
              kind: 'priority',
              data: { from: next.priority, to, reason: 'sla-breach' },
            });
            next.priority = to;
          } else if (action === 'reassign' && next.assignee_id && deps.routing) {
            const from = next.assignee_id;
            const routed = await deps.routing.route(trx, { ...next, assignee_id: null });
            next.assignee_id = routed.assigneeId === from ? null : routed.assigneeId;
            await appendCaseEvent(trx, {
              caseId,
              at: iso,
              actor: SYSTEM,
              kind: 'assigned',
              data: { from, to: next.assignee_id, reason: 'sla-breach' },
            });
          } else if (action === 'notify-supervisor') {
            await appendCaseEvent(trx, {
              caseId,
              at: iso,
              actor: SYSTEM,
              kind: 'supervisor-notified',
              data: { clock: e.clock, supervisors: await supervisorsOf(trx, next) },
            });
          }
        }
      }
      if (events.length > 0) next.updated_at = iso;
      Object.assign(next, await deps.slaPort.evaluate(trx, next, now));
      const { id: _i, organization_id: _o, number: _n, version: _v, ...cols } = next;
      await updateCaseRow(trx, row.id, Number(row.version), cols);
      if (events.length > 0)
        await systemAudit(deps.audit, {
          name: 'SLA',
          organizationId: row.organization_id,
          now,
        }).inTransaction(trx, {
          action: 'update',
          patientId: row.patient_id,
          resourceType: 'Case',
          resourceId: row.id,
          detail: JSON.stringify({ sla: events }),
        });
    });
  };
}
