import type { Clock } from '@caredesk/core';
import type { AuditSink } from '../../audit/audit-sink';
import type { CaseService } from '../../service-desk/cases/case-service';
import type { SlaConfiguration } from '../../service-desk/sla/sla-configuration';
import type { Database } from '../../storage/database';
import { adtFollowUp, type AdtFollowUp } from './adt-follow-up';
import { FollowUpMetricsService } from './follow-up-metrics';
import { FollowUpPlans } from './follow-up-plans';
import { FollowUpPrograms } from './follow-up-programs';
import { FollowUpWork } from './follow-up-work';

export interface FollowUp {
  programs: FollowUpPrograms;
  plans: FollowUpPlans;
  work: FollowUpWork;
  metrics: FollowUpMetricsService;
  /** What ADT events do to plans, for the HL7 feed's handlers. */
  adt: AdtFollowUp;
}

/**
 * Follow-up programs and plans (issue #6 points 4–6), wired once for the composition root:
 * plans open cases through the desk's CaseService (routing, SLA) and count due times on
 * its business calendars.
 */
export function createFollowUp(deps: {
  database: Database;
  clock: Clock;
  cases: CaseService;
  sla: SlaConfiguration;
  audit: AuditSink;
  baseUrl: string;
}): FollowUp {
  const { database, clock, cases, sla, audit, baseUrl } = deps;
  const programs = new FollowUpPrograms(database, clock, sla);
  const plans = new FollowUpPlans({ database, clock, cases, sla, programs });
  return {
    programs,
    plans,
    work: new FollowUpWork({ database, clock, cases, baseUrl }),
    metrics: new FollowUpMetricsService({ database, clock, sla }),
    adt: adtFollowUp({ plans, programs, audit }),
  };
}
