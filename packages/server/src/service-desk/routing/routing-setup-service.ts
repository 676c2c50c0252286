import { randomUUID } from 'node:crypto';
import {
  DomainError,
  checkAgentSkills,
  checkQueueDraft,
  type AgentAvailability,
  type AgentSkillsDraft,
  type Clock,
  type Queue,
  type QueueDraft,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import {
  changeProfile,
  deleteQueue,
  findQueue,
  insertQueue,
  listQueues,
  staffAgents,
  updateQueue,
  type StaffAgent,
} from '../../storage/service-desk/routing-store';
import { isUniqueViolation } from '../../storage/unique-violation';
import { canWorkCases } from './case-workers';

/** An agent as the desk configuration page shows them. */
export interface AgentView {
  accountId: string;
  displayName: string;
  email: string;
  /** invited | active */
  status: string;
  /** False while the agent has the default profile nobody has saved. */
  configured: boolean;
  languages: string[];
  categories: string[];
  capacity: number;
  availability: AgentAvailability;
  lastAssignedAt: string | null;
}

function agentView(s: StaffAgent): AgentView {
  const { languages, categories, capacity, availability, lastAssignedAt } = s.profile;
  return {
    accountId: s.accountId,
    displayName: s.displayName,
    email: s.email,
    status: s.status,
    configured: s.configured,
    languages,
    categories,
    capacity,
    availability,
    lastAssignedAt,
  };
}

const queueNotFound = () =>
  new DomainError('not-found', 'routing.queue.not-found', 'No such queue.');

/** True when a database error is a foreign-key violation, on either engine. */
function isForeignKeyViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Desk configuration (permission desk.configure): queues, and agents' skills and
 * capacity. Every change is audited in its own transaction.
 */
export class RoutingSetupService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  listQueues(organizationId: string): Promise<Queue[]> {
    return listQueues(this.database.db, organizationId);
  }

  async createQueue(organizationId: string, draft: QueueDraft, audit: RequestAudit) {
    const queue: Queue = { id: randomUUID(), organizationId, ...checkQueueDraft(draft) };
    await this.write(async (trx) => {
      await this.requireTeam(trx, organizationId, queue.teamId);
      await insertQueue(trx, queue, this.clock.now().toISOString());
      await audit.inTransaction(trx, this.queueAudit('create', queue));
    });
    return queue;
  }

  async updateQueue(organizationId: string, id: string, draft: QueueDraft, audit: RequestAudit) {
    const queue: Queue = { id, organizationId, ...checkQueueDraft(draft) };
    await this.write(async (trx) => {
      await this.requireTeam(trx, organizationId, queue.teamId);
      if (!(await updateQueue(trx, queue, this.clock.now().toISOString()))) throw queueNotFound();
      await audit.inTransaction(trx, this.queueAudit('update', queue));
    });
    return queue;
  }

  async deleteQueue(organizationId: string, id: string, audit: RequestAudit): Promise<void> {
    await this.write(async (trx) => {
      const queue = await findQueue(trx, organizationId, id);
      if (!queue) throw queueNotFound();
      await deleteQueue(trx, organizationId, id);
      await audit.inTransaction(trx, this.queueAudit('delete', queue));
    });
  }

  /** Staff who work cases, with their profiles (the default one where none is saved). */
  async listAgents(organizationId: string): Promise<AgentView[]> {
    const staff = await staffAgents(this.database.db, organizationId, { activeOnly: false });
    return staff
      .filter(canWorkCases)
      .sort(
        (a, b) =>
          a.displayName.localeCompare(b.displayName) || (a.accountId < b.accountId ? -1 : 1),
      )
      .map(agentView);
  }

  async updateAgent(
    organizationId: string,
    accountId: string,
    draft: AgentSkillsDraft,
    audit: RequestAudit,
  ): Promise<AgentView> {
    const skills = checkAgentSkills(draft);
    return this.write(async (trx) => {
      const [staff] = await staffAgents(trx, organizationId, { activeOnly: false, accountId });
      if (!staff)
        throw new DomainError('not-found', 'routing.agent.not-found', 'No such staff member.');
      const profile = await changeProfile(
        trx,
        staff.profile,
        { kind: 'skills', skills },
        this.clock.now().toISOString(),
      );
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: 'AgentProfile',
        resourceId: accountId,
        detail: JSON.stringify(skills),
      });
      return agentView({ ...staff, configured: true, profile });
    });
  }

  private queueAudit(action: 'create' | 'update' | 'delete', queue: Queue) {
    return {
      action,
      resourceType: 'DeskQueue',
      resourceId: queue.id,
      detail: JSON.stringify({ name: queue.name, active: queue.active }),
    } as const;
  }

  private async requireTeam(trx: Kysely<Schema>, organizationId: string, teamId: string | null) {
    if (teamId === null) return;
    const team = await trx
      .selectFrom('teams')
      .select('id')
      .where('id', '=', teamId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    if (!team) {
      throw new DomainError('validation', 'problem.validation', 'Invalid fields.', [
        { path: 'teamId', messageKey: 'routing.team.unknown', detail: 'teamId: no such team' },
      ]);
    }
  }

  private async write<T>(work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> {
    try {
      return await this.database.db.transaction().execute(work);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError('conflict', 'routing.queue.name-taken', 'A queue has this name.');
      // Should the cases table refer to queues, a queue with cases cannot go: switch it off.
      if (isForeignKeyViolation(e))
        throw new DomainError('conflict', 'routing.queue.in-use', 'The queue has cases.');
      throw e;
    }
  }
}
