import type { Kysely } from 'kysely';
import type { CaseRow } from '../../storage/cases/case-store';
import type { Schema } from '../../storage/schema';

/** The SLA columns of a case, recomputed whenever something that moves its clocks changes. */
export interface SlaColumns {
  sla_policy_id: string | null;
  sla_first_response_due: string | null;
  sla_resolution_due: string | null;
  sla_state: string;
  sla_sort: string;
  sla_next_check_at: string | null;
}

/** Computes a case's SLA clocks (service-desk/sla); runs inside the caller's transaction. */
export interface CaseSlaPort {
  evaluate(trx: Kysely<Schema>, row: CaseRow, now: Date): Promise<SlaColumns>;
}

/** Chooses a queue and an agent for a new case (service-desk/routing), inside its transaction. */
export interface CaseRoutingPort {
  route(
    trx: Kysely<Schema>,
    row: CaseRow,
  ): Promise<{
    queueId: string | null;
    teamId: string | null;
    assigneeId: string | null;
    /** Why: the queue's strategy, or why the case waits unassigned. */
    reason: string;
  }>;
}

/** Sends a public reply to the patient on their channel (through the outbox), in the transaction. */
export interface CaseDeliveryPort {
  replySent(trx: Kysely<Schema>, row: CaseRow, messageId: string, body: string): Promise<void>;
}
