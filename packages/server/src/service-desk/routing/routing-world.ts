import type { Queue } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema';
import {
  activeQueues,
  staffAgents,
  type StaffAgent,
} from '../../storage/service-desk/routing-store';
import { canWorkCases } from './case-workers';

export interface OrganizationWorld {
  organizationId: string;
  queues: Queue[];
  /** Staff who can work cases, by team ('' for a queue without a team). */
  staffByTeam: Map<string, StaffAgent[]>;
}

/**
 * What routing decides on that changes only when someone configures the desk: active
 * queues, and staff with their skills, capacity and availability. Kept in memory while
 * the routing stamp (migration 0022) stands; triggers replace the stamp on every such
 * change, whoever makes it, so routing reads one small row per case instead of the
 * queues and every agent's profile (a quarter of a case creation's server time at 50
 * agents, `npm run bench`, issue #5 point 11). What changes with every case — loads and
 * last assignment times — is still read fresh, in the case's transaction.
 *
 * Everything is read through the caller's transaction: a stamp read first, then the
 * facts, so the facts are never older than the stamp they are kept under.
 */
export class RoutingWorld {
  private kept: { stamp: string; organizations: Map<string, OrganizationWorld> } | null = null;

  /** The organization's desk as of the stamp read now: read it once per routing. */
  async of(trx: Kysely<Schema>, organizationId: string): Promise<OrganizationWorld> {
    const row = await trx
      .selectFrom('routing_stamp')
      .select('stamp')
      .where('id', '=', 1)
      .executeTakeFirst();
    const stamp = String(row?.stamp ?? '');
    // No stamp row (a database mid-migration): nothing is kept past this routing.
    if (!this.kept || this.kept.stamp !== stamp || !row)
      this.kept = { stamp, organizations: new Map() };
    let world = this.kept.organizations.get(organizationId);
    if (!world) {
      world = {
        organizationId,
        queues: await activeQueues(trx, organizationId),
        staffByTeam: new Map(),
      };
      this.kept.organizations.set(organizationId, world);
    }
    return world;
  }

  /** Staff who can work cases in `teamId`'s queues (every team's when null). */
  async staff(
    trx: Kysely<Schema>,
    world: OrganizationWorld,
    teamId: string | null,
  ): Promise<StaffAgent[]> {
    const key = teamId ?? '';
    let staff = world.staffByTeam.get(key);
    if (!staff) {
      staff = (await staffAgents(trx, world.organizationId, { activeOnly: true, teamId })).filter(
        canWorkCases,
      );
      world.staffByTeam.set(key, staff);
    }
    return staff;
  }
}
