import type { Database } from '../../storage/database';

export interface QueueLoad {
  queueId: string | null;
  name: string | null;
  active: number;
  unassigned: number;
  warning: number;
  breached: number;
}

export interface AgentLoad {
  accountId: string;
  name: string;
  active: number;
  breached: number;
}

/**
 * What a supervisor watches (issue #5 §3): each queue's active cases, how many nobody has
 * yet and how many are warning or breached; each agent's active load. Counted over the
 * active-case index, so it costs the same with a million closed cases behind it.
 */
export async function deskOverview(
  database: Database,
  organizationId: string,
): Promise<{ queues: QueueLoad[]; agents: AgentLoad[] }> {
  const db = database.db;
  const rows = await db
    .selectFrom('cases')
    .select(['queue_id', 'assignee_id', 'sla_state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('is_active', '=', 1)
    .groupBy(['queue_id', 'assignee_id', 'sla_state'])
    .execute();
  const queues = new Map<string | null, QueueLoad>();
  const agents = new Map<string, AgentLoad>();
  for (const r of rows) {
    const n = Number(r.n);
    const q = queues.get(r.queue_id) ?? {
      queueId: r.queue_id,
      name: null,
      active: 0,
      unassigned: 0,
      warning: 0,
      breached: 0,
    };
    q.active += n;
    if (r.assignee_id === null) q.unassigned += n;
    if (r.sla_state === 'warning') q.warning += n;
    if (r.sla_state === 'breached') q.breached += n;
    queues.set(r.queue_id, q);
    if (r.assignee_id) {
      const a = agents.get(r.assignee_id) ?? {
        accountId: r.assignee_id,
        name: '',
        active: 0,
        breached: 0,
      };
      a.active += n;
      if (r.sla_state === 'breached') a.breached += n;
      agents.set(r.assignee_id, a);
    }
  }
  const queueIds = [...queues.keys()].filter((k): k is string => k !== null);
  if (queueIds.length > 0)
    for (const q of await db
      .selectFrom('desk_queues')
      .select(['id', 'name'])
      .where('id', 'in', queueIds)
      .execute())
      queues.get(q.id)!.name = q.name;
  if (agents.size > 0)
    for (const a of await db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('id', 'in', [...agents.keys()])
      .execute())
      agents.get(a.id)!.name = a.display_name;
  return {
    queues: [...queues.values()].sort((a, b) => b.breached - a.breached || b.active - a.active),
    agents: [...agents.values()].sort((a, b) => b.active - a.active),
  };
}
