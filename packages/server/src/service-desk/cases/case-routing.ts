import type { CaseChannel, CasePriority } from '@caredesk/core';
import type { AgentLoadPort } from '../routing/agent-load-port';
import type { RoutingService } from '../routing/routing-service';
import type { CaseRoutingPort } from './case-ports';

/**
 * An agent's load: the active cases assigned to them (new, open or pending), as the
 * triggers of migration 0018 keep it on every change to a case — a case created earlier
 * in the same transaction counts.
 */
export const activeCaseLoads: AgentLoadPort = {
  async activeCaseCounts(trx, _organizationId, accountIds) {
    if (accountIds.length === 0) return new Map();
    const rows = await trx
      .selectFrom('agent_loads')
      .select(['account_id', 'active_cases'])
      .where('account_id', 'in', accountIds)
      .execute();
    return new Map(rows.map((r) => [r.account_id, Number(r.active_cases)]));
  },
};

/** Routes new cases through the desk's queues and agents (service-desk/routing). */
export function caseRouting(routing: RoutingService): CaseRoutingPort {
  return {
    async route(trx, row) {
      const decision = await routing.route(
        trx,
        row.organization_id,
        {
          caseId: row.id,
          category: row.category,
          priority: row.priority as CasePriority,
          channel: row.channel as CaseChannel,
          language: row.language,
        },
        activeCaseLoads,
      );
      return {
        queueId: decision.queueId,
        teamId: decision.teamId,
        assigneeId: decision.assigneeId,
        reason: decision.reason,
      };
    },
  };
}
