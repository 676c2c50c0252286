import {
  DomainError,
  agentsNeedingLoads,
  chooseAgent,
  queueFor,
  type AgentAvailability,
  type AgentProfile,
  type CaseChannel,
  type CasePriority,
  type Clock,
  type QueueStrategy,
  type UnassignedReason,
} from '@caredesk/core';
import { sql, type Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import {
  changeProfile,
  lastAssignments,
  staffAgents,
} from '../../storage/service-desk/routing-store';
import { RoutingWorld } from './routing-world';
import type { AgentLoadPort } from './agent-load-port';

/** The facts of a new case routing decides on. */
export interface CaseRoutingFacts {
  caseId: string;
  category: string;
  priority: CasePriority;
  channel: CaseChannel;
  /** The patient's preferred language (BCP-47); '' when unknown. */
  language: string;
}

/**
 * Why a case went where it went: the queue's strategy when an agent was chosen, why it
 * waits unassigned in its queue, or `no-queue` when no active queue takes it.
 */
export type RoutingReason = QueueStrategy | UnassignedReason | 'no-queue';

export interface RoutingDecision {
  queueId: string | null;
  /** The queue's team, which the case then belongs to. */
  teamId: string | null;
  assigneeId: string | null;
  reason: RoutingReason;
}

/**
 * Key space of the per-organization routing lock (pg_advisory_xact_lock(int, int)); the
 * second key is the organization id's hash. Distinct from the migrator's single-key lock.
 */
const ROUTING_LOCK_SPACE = 7243014;

/** One millisecond after an ISO instant. */
const nextMillisecond = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

/**
 * Routes new cases to a queue and an agent (issue #5 §3), inside the transaction that
 * creates the case, and lets agents say whether they take cases.
 *
 * Concurrency: routing compares every candidate's load, so two cases routed at once must
 * not both see the same agent one below capacity. On PostgreSQL each routing takes a
 * transaction-scoped advisory lock for its organization before reading loads, held until
 * the case commits; the next routing of that organization then reads loads that include
 * it. A row lock on the chosen profile alone would not do: the choice itself (least
 * loaded, capacity) depends on the other agents' loads too, and would need a re-check and
 * retry loop. The lock costs no throughput a case creation has not already paid, since its
 * audit entry queues on the audit chain head. SQLite has one writer (BEGIN IMMEDIATE), so
 * routings already take turns there.
 */
export class RoutingService {
  private readonly world = new RoutingWorld();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async route(
    trx: Kysely<Schema>,
    organizationId: string,
    facts: CaseRoutingFacts,
    loads: AgentLoadPort,
  ): Promise<RoutingDecision> {
    if (this.database.engine === 'postgres') {
      await sql`SELECT pg_advisory_xact_lock(${ROUTING_LOCK_SPACE}::int, hashtext(${organizationId}))`.execute(
        trx,
      );
    }
    const world = await this.world.of(trx, organizationId);
    const queue = queueFor(world.queues, facts);
    if (!queue) return { queueId: null, teamId: null, assigneeId: null, reason: 'no-queue' };
    const staff = await this.world.staff(trx, world, queue.teamId);
    // Loads and last assignments decide only among agents who pass every check before
    // capacity, so only theirs are read, fresh and in this transaction; the others keep
    // no last assignment here, which nothing reads (chooseAgent, assignmentStamp).
    const qualified = agentsNeedingLoads(
      queue,
      staff.map((s) => s.profile),
      facts,
    ).map((p) => p.accountId);
    const assigned = await lastAssignments(trx, organizationId, qualified);
    const counts = await loads.activeCaseCounts(trx, organizationId, qualified);
    const candidates = staff.map((s) => ({
      ...s.profile,
      lastAssignedAt: assigned.get(s.accountId) ?? null,
    }));
    const choice = chooseAgent(queue, candidates, counts, facts);
    if ('unassigned' in choice)
      return {
        queueId: queue.id,
        teamId: queue.teamId,
        assigneeId: null,
        reason: choice.unassigned,
      };
    const chosen = candidates.find((p) => p.accountId === choice.accountId)!;
    await changeProfile(
      trx,
      chosen,
      { kind: 'assigned', at: this.assignmentStamp(candidates) },
      this.clock.now().toISOString(),
    );
    return {
      queueId: queue.id,
      teamId: queue.teamId,
      assigneeId: chosen.accountId,
      reason: queue.strategy,
    };
  }

  /**
   * Now, or just after the latest assignment among the agents who could have taken this
   * case when that is later, so their stamps strictly increase and round-robin keeps
   * turning when many cases arrive within one millisecond.
   */
  private assignmentStamp(candidates: readonly AgentProfile[]): string {
    const now = this.clock.now().toISOString();
    const latest = candidates.reduce<string | null>(
      (max, p) => (p.lastAssignedAt && (!max || p.lastAssignedAt > max) ? p.lastAssignedAt : max),
      null,
    );
    return latest && latest >= now ? nextMillisecond(latest) : now;
  }

  /** The agent's routing profile (the default one while none is saved); null for non-staff. */
  async profileOf(agent: {
    accountId: string;
    organizationId: string;
  }): Promise<AgentProfile | null> {
    const [staff] = await staffAgents(this.database.db, agent.organizationId, {
      activeOnly: false,
      accountId: agent.accountId,
    });
    return staff?.profile ?? null;
  }

  /**
   * An agent says whether they take new cases (available), are away for a while, or are
   * offline. Audited in the same transaction as the change.
   */
  async setAvailability(
    agent: { accountId: string; organizationId: string },
    availability: AgentAvailability,
    audit: RequestAudit,
  ): Promise<AgentProfile> {
    return this.database.db.transaction().execute(async (trx) => {
      const [staff] = await staffAgents(trx, agent.organizationId, {
        activeOnly: false,
        accountId: agent.accountId,
      });
      if (!staff)
        throw new DomainError('forbidden', 'routing.agent.staff-only', 'Only staff take cases.');
      const profile = await changeProfile(
        trx,
        staff.profile,
        { kind: 'availability', availability },
        this.clock.now().toISOString(),
      );
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: 'AgentProfile',
        resourceId: agent.accountId,
        detail: JSON.stringify({ availability }),
      });
      return profile;
    });
  }
}
