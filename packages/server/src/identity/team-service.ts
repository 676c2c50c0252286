import { randomUUID } from 'node:crypto';
import { DomainError } from '@caredesk/core';
import { isUniqueViolation } from '../storage/unique-violation';
import { actorOf, type Account, type Db, type RequestMeta } from './accounts';
import { audit, notFound, type IdentityDeps } from './identity-deps';
import { eventBase } from './login-service';

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

const nameTaken = () =>
  new DomainError('conflict', 'admin.team.name-taken', 'A team with this name exists.');

/** Teams of staff (permission admin.teams); membership changes are audited as permission changes. */
export class TeamService {
  constructor(private readonly deps: IdentityDeps) {}

  async list(organizationId: string): Promise<Team[]> {
    const { db } = this.deps.database;
    const teams = await db
      .selectFrom('teams')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .orderBy('id')
      .limit(1000)
      .execute();
    const members = teams.length
      ? await db
          .selectFrom('team_members')
          .select(['team_id', 'account_id'])
          .where(
            'team_id',
            'in',
            teams.map((t) => t.id),
          )
          .orderBy('account_id')
          .execute()
      : [];
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.account_id),
      createdAt: t.created_at,
      updatedAt: t.updated_at,
    }));
  }

  async create(actor: Account, name: string, meta: RequestMeta): Promise<Team> {
    const now = this.deps.clock.now().toISOString();
    const id = randomUUID();
    await this.write(
      actor,
      meta,
      'account-change',
      id,
      { change: 'team-create', name },
      async (trx) => {
        await trx
          .insertInto('teams')
          .values({
            id,
            organization_id: actor.organizationId,
            name,
            created_at: now,
            updated_at: now,
          })
          .execute();
      },
    );
    return { id, name, memberIds: [], createdAt: now, updatedAt: now };
  }

  async rename(actor: Account, id: string, name: string, meta: RequestMeta): Promise<void> {
    await this.requireTeam(actor, id);
    await this.write(
      actor,
      meta,
      'account-change',
      id,
      { change: 'team-rename', name },
      async (trx) => {
        await trx
          .updateTable('teams')
          .set({ name, updated_at: this.deps.clock.now().toISOString() })
          .where('id', '=', id)
          .execute();
      },
    );
  }

  async remove(actor: Account, id: string, meta: RequestMeta): Promise<void> {
    await this.requireTeam(actor, id);
    await this.write(actor, meta, 'account-change', id, { change: 'team-delete' }, async (trx) => {
      await trx.deleteFrom('team_members').where('team_id', '=', id).execute();
      await trx.deleteFrom('teams').where('id', '=', id).execute();
    });
  }

  async setMember(
    actor: Account,
    id: string,
    accountId: string,
    member: boolean,
    meta: RequestMeta,
  ): Promise<void> {
    await this.requireTeam(actor, id);
    const { db } = this.deps.database;
    const account = await db
      .selectFrom('accounts')
      .select(['id', 'kind'])
      .where('id', '=', accountId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (account?.kind !== 'staff') throw notFound('auth.account.not-found', 'staff account');
    await this.write(
      actor,
      meta,
      'permission-change',
      id,
      { change: member ? 'team-member-add' : 'team-member-remove', accountId },
      async (trx) => {
        if (member) {
          await trx
            .insertInto('team_members')
            .values({
              team_id: id,
              account_id: accountId,
              created_at: this.deps.clock.now().toISOString(),
            })
            .onConflict((oc) => oc.columns(['team_id', 'account_id']).doNothing())
            .execute();
        } else {
          await trx
            .deleteFrom('team_members')
            .where('team_id', '=', id)
            .where('account_id', '=', accountId)
            .execute();
        }
      },
    );
  }

  private async requireTeam(actor: Account, id: string): Promise<void> {
    const t = await this.deps.database.db
      .selectFrom('teams')
      .select('id')
      .where('id', '=', id)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!t) throw notFound('admin.team.not-found', 'team');
  }

  private async write(
    actor: Account,
    meta: RequestMeta,
    action: 'account-change' | 'permission-change',
    teamId: string,
    detail: Record<string, unknown>,
    work: (trx: Db) => Promise<void>,
  ): Promise<void> {
    try {
      await this.deps.database.db.transaction().execute(async (trx) => {
        await work(trx);
        await audit(this.deps, trx, {
          ...eventBase(this.deps, this.deps.clock.now(), meta),
          actor: actorOf(actor),
          organizationId: actor.organizationId,
          action,
          outcome: 'success',
          resourceType: 'Team',
          resourceId: teamId,
          detail,
        });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }
}
