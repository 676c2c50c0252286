import type { CaseChannel, CasePriority } from '@caredesk/core';
import type { AgentLoadPort } from '../routing/agent-load-port';
import type { RoutingService } from '../routing/routing-service';
import type { CaseRoutingPort } from './case-ports';

/** An agent's load: the active cases assigned to them (new, open or pending). */
export const activeCaseLoads: AgentLoadPort = {
  async activeCaseCounts(trx, organizationId, accountIds) {
    if (accountIds.length === 0) return new Map();
    const rows = await trx
      .selectFrom('cases')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('is_active', '=', 1)
      .where('assignee_id', 'in', accountIds)
      .groupBy('assignee_id')
      .execute();
    return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
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
