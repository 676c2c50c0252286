import {
  defaultAgentProfile,
  type AgentAvailability,
  type AgentProfile,
  type AgentSkillsDraft,
  type CaseChannel,
  type CasePriority,
  type Queue,
  type QueueStrategy,
} from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import type { Schema } from '../schema';
import type { AgentProfilesTable, DeskQueuesTable } from './routing-tables';

type Db = Kysely<Schema>;

const list = <T extends string = string>(json: string): T[] => JSON.parse(json) as T[];

function toQueue(row: Selectable<DeskQueuesTable>): Queue {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    teamId: row.team_id,
    strategy: row.strategy as QueueStrategy,
    requiredSkills: {
      languages: list(row.required_languages),
      categories: list(row.required_categories),
    },
    matches: {
      categories: list(row.match_categories),
      priorities: list<CasePriority>(row.match_priorities),
      channels: list<CaseChannel>(row.match_channels),
    },
    order: Number(row.sort_order),
    active: Number(row.active) === 1,
  };
}

function queueColumns(q: Queue) {
  return {
    name: q.name,
    team_id: q.teamId,
    strategy: q.strategy,
    required_languages: JSON.stringify(q.requiredSkills.languages),
    required_categories: JSON.stringify(q.requiredSkills.categories),
    match_categories: JSON.stringify(q.matches.categories),
    match_priorities: JSON.stringify(q.matches.priorities),
    match_channels: JSON.stringify(q.matches.channels),
    sort_order: q.order,
    active: q.active ? 1 : 0,
  };
}

/** The organization's queues in routing order (order, then id). A desk has tens, not thousands. */
export async function listQueues(db: Db, organizationId: string): Promise<Queue[]> {
  const rows = await db
    .selectFrom('desk_queues')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(toQueue);
}

/** The organization's active queues in routing order: what routing reads for each new case. */
export async function activeQueues(db: Db, organizationId: string): Promise<Queue[]> {
  const rows = await db
    .selectFrom('desk_queues')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map(toQueue);
}

export async function findQueue(db: Db, organizationId: string, id: string): Promise<Queue | null> {
  const row = await db
    .selectFrom('desk_queues')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toQueue(row) : null;
}

export async function insertQueue(db: Db, queue: Queue, now: string): Promise<void> {
  await db
    .insertInto('desk_queues')
    .values({
      id: queue.id,
      organization_id: queue.organizationId,
      ...queueColumns(queue),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Writes the queue's fields; false when no such queue exists in its organization. */
export async function updateQueue(db: Db, queue: Queue, now: string): Promise<boolean> {
  const r = await db
    .updateTable('desk_queues')
    .set({ ...queueColumns(queue), updated_at: now })
    .where('organization_id', '=', queue.organizationId)
    .where('id', '=', queue.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteQueue(db: Db, organizationId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('desk_queues')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A staff member as routing and the agents page see them: account facts and routing profile. */
export interface StaffAgent {
  accountId: string;
  displayName: string;
  email: string;
  /** JSON role names, as stored on the account. */
  roles: string[];
  status: string;
  /** False while nobody has saved a profile: `profile` is then the default one. */
  configured: boolean;
  profile: AgentProfile;
}

function toProfile(row: Selectable<AgentProfilesTable>): AgentProfile {
  return {
    accountId: row.account_id,
    organizationId: row.organization_id,
    languages: list(row.languages),
    categories: list(row.categories),
    capacity: Number(row.capacity),
    availability: row.availability as AgentAvailability,
    lastAssignedAt: row.last_assigned_at,
  };
}

/**
 * The organization's staff with their routing profiles (the default one where none is
 * saved). `activeOnly` leaves out invited and disabled accounts (routing); `teamId`
 * keeps only that team's members.
 */
export async function staffAgents(
  db: Db,
  organizationId: string,
  opts: { activeOnly: boolean; teamId?: string | null; accountId?: string },
): Promise<StaffAgent[]> {
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('agent_profiles as p', 'p.account_id', 'a.id')
    .select([
      'a.id',
      'a.display_name',
      'a.email',
      'a.roles',
      'a.status',
      'a.preferred_language',
      'p.account_id as profile_id',
      'p.languages',
      'p.categories',
      'p.capacity',
      'p.availability',
      'p.last_assigned_at',
    ])
    .where('a.organization_id', '=', organizationId)
    .where('a.kind', '=', 'staff');
  q = opts.activeOnly ? q.where('a.status', '=', 'active') : q.where('a.status', '!=', 'disabled');
  if (opts.teamId) {
    const teamId = opts.teamId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('team_members as m')
          .select('m.account_id')
          .where('m.team_id', '=', teamId)
          .whereRef('m.account_id', '=', 'a.id'),
      ),
    );
  }
  if (opts.accountId) q = q.where('a.id', '=', opts.accountId);
  const rows = await q.orderBy('a.id').limit(5000).execute();
  return rows.map((r) => {
    const configured = r.profile_id !== null;
    const profile = configured
      ? toProfile({
          account_id: r.id,
          organization_id: organizationId,
          languages: r.languages ?? '[]',
          categories: r.categories ?? '[]',
          capacity: r.capacity ?? 0,
          availability: r.availability ?? 'offline',
          last_assigned_at: r.last_assigned_at,
          created_at: '',
          updated_at: '',
        })
      : defaultAgentProfile({
          accountId: r.id,
          organizationId,
          preferredLanguage: r.preferred_language,
        });
    return {
      accountId: r.id,
      displayName: r.display_name,
      email: r.email,
      roles: list(r.roles),
      status: r.status,
      configured,
      profile,
    };
  });
}

/** When each of these agents was last given a case (absent: no saved profile). */
export async function lastAssignments(
  db: Db,
  organizationId: string,
  accountIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('agent_profiles')
    .select(['account_id', 'last_assigned_at'])
    .where('account_id', 'in', [...accountIds])
    .where('organization_id', '=', organizationId)
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.last_assigned_at]));
}

/** The part of a profile one change writes; the rest of a saved profile stays as it is. */
export type ProfileChange =
  | { kind: 'skills'; skills: AgentSkillsDraft }
  | { kind: 'availability'; availability: AgentAvailability }
  | { kind: 'assigned'; at: string };

/**
 * Applies one change to an agent's profile. A staff member without a saved profile gets
 * `base` (their default profile) saved with the change. Only the changed columns are
 * overwritten on an existing row, so an agent going away and routing giving them a case
 * at the same moment do not undo each other.
 */
export async function changeProfile(
  db: Db,
  base: AgentProfile,
  change: ProfileChange,
  now: string,
): Promise<AgentProfile> {
  const set =
    change.kind === 'skills'
      ? {
          languages: JSON.stringify(change.skills.languages),
          categories: JSON.stringify(change.skills.categories),
          capacity: change.skills.capacity,
        }
      : change.kind === 'availability'
        ? { availability: change.availability }
        : { last_assigned_at: change.at };
  if (change.kind === 'assigned') {
    // An UPDATE, not the upsert below: on PostgreSQL an INSERT … ON CONFLICT DO UPDATE is
    // an INSERT statement, so it fires the statement trigger that replaces the routing
    // stamp (migration 0022) even when it only updates
    // (https://www.postgresql.org/docs/current/trigger-definition.html). An assignment
    // must not replace it: every routed case threw away routing's kept desk and queued
    // for the stamp row's lock until its transaction ended.
    const updated = await db
      .updateTable('agent_profiles')
      .set({ ...set, updated_at: now })
      .where('account_id', '=', base.accountId)
      .returningAll()
      .executeTakeFirst();
    if (updated) return toProfile(updated);
  }
  const row = await db
    .insertInto('agent_profiles')
    .values({
      account_id: base.accountId,
      organization_id: base.organizationId,
      languages: JSON.stringify(base.languages),
      categories: JSON.stringify(base.categories),
      capacity: base.capacity,
      availability: base.availability,
      last_assigned_at: base.lastAssignedAt,
      created_at: now,
      updated_at: now,
      ...set,
    })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...set, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProfile(row);
}
