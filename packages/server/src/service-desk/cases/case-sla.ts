import {
  selectPolicy,
  slaClock,
  type CasePriority,
  type SlaClockReading,
  type SlaEvaluation,
  type SlaPolicy,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { enqueue } from '../../jobs';
import { NO_DUE, type CaseRow } from '../../storage/cases/case-store';
import type { Schema } from '../../storage/schema';
import type { SlaConfiguration } from '../sla/sla-configuration';
import type { CaseSlaPort, SlaColumns } from './case-ports';

/** Outbox job: look at a case's SLA clocks again at the instant one may warn or breach. */
export const SLA_CHECK = 'desk.sla-check';

export interface SlaCheckPayload {
  caseId: string;
  /** The instant the check was scheduled for (the previous evaluation's nextCheckAt). */
  at: string;
}

/** Worst first: the state a case's row (and the inbox) shows for its two clocks. */
const SEVERITY: readonly SlaClockReading['state'][] = [
  'breached',
  'warning',
  'running',
  'paused',
  'met',
];

export interface CaseSlaReading {
  policy: SlaPolicy;
  evaluation: SlaEvaluation;
}

/**
 * Reads a case's clocks: the most specific policy for its category and priority, on its
 * team's business calendar (else the organization's), with the intervals it waited on the
 * patient excluded (issue #5 §2). All reads go through `trx`: on SQLite the transaction
 * holds the only connection.
 */
export async function readCaseSla(
  sla: SlaConfiguration,
  trx: Kysely<Schema>,
  row: CaseRow,
  now: Date,
): Promise<CaseSlaReading | null> {
  const policy = selectPolicy(
    await sla.policies(row.organization_id, trx),
    row.category,
    row.priority as CasePriority,
  );
  if (!policy) return null;
  const calendar = await sla.calendarFor(row.organization_id, row.team_id, trx);
  const pauses = (JSON.parse(row.sla_pauses) as Array<{ from: string; to: string | null }>).map(
    (p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }),
  );
  const stoppedAt = row.resolved_at ?? row.closed_at;
  const evaluation = slaClock({
    calendar,
    policy,
    openedAt: new Date(row.created_at),
    firstResponseAt: row.first_response_at ? new Date(row.first_response_at) : null,
    resolvedAt: stoppedAt ? new Date(stoppedAt) : null,
    pauses,
    now,
  });
  return { policy, evaluation };
}

/** The SLA columns of a case no policy covers: no clock, sorted after every due case. */
export const NO_SLA: SlaColumns = {
  sla_policy_id: null,
  sla_first_response_due: null,
  sla_resolution_due: null,
  sla_state: 'none',
  sla_sort: NO_DUE,
  sla_next_check_at: null,
};

export function slaColumns(row: CaseRow, reading: CaseSlaReading | null): SlaColumns {
  if (!reading) return NO_SLA;
  const { firstResponse, resolution, nextCheckAt } = reading.evaluation;
  const clocks = [firstResponse, resolution];
  const state = SEVERITY.find((s) => clocks.some((c) => c.state === s)) ?? 'met';
  // The inbox sorts by the next thing due: the first response until it is given, then
  // the resolution; a case that waits on the patient or is done sorts after all of them.
  const pending = row.first_response_at === null ? firstResponse : resolution;
  const due =
    row.is_active === 1 && pending.state !== 'paused' && pending.state !== 'met'
      ? (pending.dueAt?.toISOString() ?? NO_DUE)
      : NO_DUE;
  return {
    sla_policy_id: reading.policy.id,
    sla_first_response_due: firstResponse.dueAt?.toISOString() ?? null,
    sla_resolution_due: resolution.dueAt?.toISOString() ?? null,
    sla_state: state,
    sla_sort: due,
    sla_next_check_at: row.is_active === 1 ? (nextCheckAt?.toISOString() ?? null) : null,
  };
}

/** The SLA port for CaseService: columns, plus the job that re-checks at the next threshold. */
export function caseSla(sla: SlaConfiguration): CaseSlaPort {
  return {
    async evaluate(trx, row, now) {
      const columns = slaColumns(row, await readCaseSla(sla, trx, row, now));
      if (columns.sla_next_check_at) {
        const at = columns.sla_next_check_at;
        await enqueue(
          trx,
          {
            kind: SLA_CHECK,
            payload: { caseId: row.id, at } satisfies SlaCheckPayload,
            dedupeKey: `${SLA_CHECK}:${row.id}:${at}`,
            runAt: new Date(at),
          },
          now,
        );
      }
      return columns;
    },
  };
}
