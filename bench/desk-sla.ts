import type { CasePriority, CaseStatus } from '@caredesk/core';
import type { SlaColumns } from '@caredesk/server/service-desk/cases/case-ports';
import { NO_DUE } from '@caredesk/server/storage/cases/case-store';
import { isoInstant } from './desk-iso';

const HOUR = 3_600_000;

/**
 * Seeded SLA targets per priority, in wall-clock hours (the seeded desk has no business-hours
 * calendar): first response and resolution. Figures a patient-service desk commonly sets.
 */
export const SEED_SLA_HOURS: Readonly<
  Record<CasePriority, { firstResponse: number; resolution: number }>
> = {
  routine: { firstResponse: 8, resolution: 120 },
  urgent: { firstResponse: 4, resolution: 48 },
  asap: { firstResponse: 1, resolution: 24 },
  stat: { firstResponse: 0.25, resolution: 8 },
};

/** A clock warns at this share of its target (issue #5 §2, "warnings at a configurable share"). */
const WARN_AT = 0.75;

const iso = isoInstant;

/**
 * The SLA columns of a seeded case, as the SLA evaluator keeps them: both due instants; the
 * nearest running due instant in `sla_sort` (NO_DUE while paused or once the case is done,
 * so the inbox's keyset order needs no NULLs); the next instant a warning or breach falls due
 * in `sla_next_check_at`; `sla_state` running | warning | breached | paused | met.
 */
export function slaColumns(c: {
  priority: CasePriority;
  status: CaseStatus;
  createdMs: number;
  firstResponseMs: number | null;
  resolvedMs: number | null;
  nowMs: number;
}): SlaColumns {
  const target = SEED_SLA_HOURS[c.priority];
  const firstDue = c.createdMs + target.firstResponse * HOUR;
  const resolutionDue = c.createdMs + target.resolution * HOUR;
  const base = {
    sla_policy_id: null,
    sla_first_response_due: iso(firstDue),
    sla_resolution_due: iso(resolutionDue),
  };
  if (c.resolvedMs !== null)
    return {
      ...base,
      sla_state: c.resolvedMs <= resolutionDue ? 'met' : 'breached',
      sla_sort: NO_DUE,
      sla_next_check_at: null,
    };
  if (c.status === 'pending-patient')
    return { ...base, sla_state: 'paused', sla_sort: NO_DUE, sla_next_check_at: null };
  const [due, hours] =
    c.firstResponseMs === null
      ? [firstDue, target.firstResponse]
      : [resolutionDue, target.resolution];
  const warnAt = due - (1 - WARN_AT) * hours * HOUR;
  const state = c.nowMs >= due ? 'breached' : c.nowMs >= warnAt ? 'warning' : 'running';
  const next = [warnAt, due, resolutionDue].find((t) => t > c.nowMs);
  return {
    ...base,
    sla_state: state,
    sla_sort: iso(due),
    sla_next_check_at: next === undefined ? null : iso(next),
  };
}
