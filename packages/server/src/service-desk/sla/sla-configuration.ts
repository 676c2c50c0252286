import { randomUUID } from 'node:crypto';
import {
  ALWAYS_OPEN,
  CASE_PRIORITIES,
  DomainError,
  defaultSlaPolicies,
  validateCalendar,
  validateSlaPolicy,
  type BusinessCalendar,
  type Clock,
  type OpeningHours,
  type SlaPolicy,
  type SlaPolicyInput,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import { loadOrganization } from '../../organizations/home-organization';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import { isUniqueViolation } from '../../storage/unique-violation';
import {
  calendarOfRow,
  insertMissingPolicies,
  policyOfRow,
  selectCalendar,
  selectCalendars,
  selectPolicies,
  upsertPolicy,
  writeCalendar,
} from './sla-rows';

export interface CalendarListing {
  /** The calendar teams without their own use. */
  organizationDefault: {
    calendar: BusinessCalendar;
    source: 'default' | 'organization';
    updatedAt: string | null;
  };
  /** Every team of the organization; calendar null when it uses the default. */
  teams: Array<{
    teamId: string;
    name: string;
    calendar: BusinessCalendar | null;
    updatedAt: string | null;
  }>;
}

const seededKey = (organizationId: string) => `sla_policies_seeded:${organizationId}`;

/** '*' first, then the built-in order (priorities from routine up), then by code. */
function byCell(a: SlaPolicy, b: SlaPolicy): number {
  const cat = (c: string) => (c === '*' ? '' : c);
  const pri = (p: string) => (p === '*' ? -1 : CASE_PRIORITIES.indexOf(p as 'stat'));
  return cat(a.category).localeCompare(cat(b.category)) || pri(a.priority) - pri(b.priority);
}

function invalid(issues: ReturnType<typeof validateCalendar>): DomainError {
  return new DomainError('validation', 'problem.validation', 'Invalid SLA configuration.', issues);
}

/** Weekly hours in day and time order, holidays sorted once each: stored the same way always. */
function canonicalCalendar(cal: BusinessCalendar): BusinessCalendar {
  const hours: OpeningHours[] = cal.hours
    .map((h) => ({ day: h.day, opens: h.opens, closes: h.closes }))
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
  return { timeZone: cal.timeZone, hours, holidays: [...new Set(cal.holidays)].sort() };
}

/**
 * An organization with no usable hours on record is counted around the clock in its own
 * zone: a patient's wait is real time, and an unconfigured desk must not stop every clock.
 */
function calendarOfOrganization(timeZone: string, hours: OpeningHours[]): BusinessCalendar {
  const cal: BusinessCalendar = { timeZone, hours, holidays: [] };
  const issues = validateCalendar(cal);
  if (issues.length === 0) return cal;
  const zone = issues.some((i) => i.path === 'timeZone') ? 'UTC' : timeZone;
  return { ...ALWAYS_OPEN, timeZone: zone };
}

/**
 * The SLA configuration of each organization (issue #5 §2): policies per category ×
 * priority, and business calendars per team with the organization's default. Writes are
 * audited in the same transaction (architecture rule 2).
 */
export class SlaConfiguration {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * The organization's policies; the defaults are put in place the first time it asks.
   * Pass the caller's transaction as `db` to read inside it (a case being saved): on
   * SQLite a read outside it would wait for the one connection the transaction holds.
   */
  async policies(
    organizationId: string,
    db: Kysely<Schema> = this.database.db,
  ): Promise<SlaPolicy[]> {
    await this.seed(organizationId, db);
    const rows = await selectPolicies(db, organizationId);
    return rows.map(policyOfRow).sort(byCell);
  }

  /**
   * Sets the policy for its (category, priority) cell, creating it or replacing the one
   * there (whose id it keeps).
   */
  async replacePolicy(
    organizationId: string,
    input: SlaPolicyInput,
    audit: RequestAudit,
  ): Promise<{ policy: SlaPolicy; created: boolean }> {
    const issues = validateSlaPolicy(input);
    if (issues.length > 0) throw invalid(issues);
    await this.seed(organizationId, this.database.db);
    const newId = randomUUID();
    const now = this.clock.now().toISOString();
    const id = await this.database.db.transaction().execute(async (trx) => {
      const stored = await upsertPolicy(trx, organizationId, newId, input, now);
      await audit.inTransaction(trx, {
        action: 'update',
        resourceType: 'SlaPolicy',
        resourceId: stored,
        detail: JSON.stringify({ change: stored === newId ? 'create' : 'update', ...input }),
      });
      return stored;
    });
    return { policy: { id, ...input }, created: id === newId };
  }

  /** Removes a policy; cases of its cell fall back to the next most specific one. */
  async deletePolicy(organizationId: string, id: string, audit: RequestAudit): Promise<void> {
    await this.seed(organizationId, this.database.db);
    await this.database.db.transaction().execute(async (trx) => {
      const gone = await trx
        .deleteFrom('sla_policies')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!gone) throw new DomainError('not-found', 'problem.not-found', 'No such SLA policy.');
      await audit.inTransaction(trx, {
        action: 'delete',
        resourceType: 'SlaPolicy',
        resourceId: id,
        detail: JSON.stringify({ category: gone.category, priority: gone.priority }),
      });
    });
  }

  /**
   * The calendar a team's SLA clocks count in: the team's own, else the organization's
   * default, else the hours and zone on the organization record (with no holidays).
   * `db` as for policies().
   */
  async calendarFor(
    organizationId: string,
    teamId: string | null,
    db: Kysely<Schema> = this.database.db,
  ): Promise<BusinessCalendar> {
    if (teamId !== null) {
      const own = await selectCalendar(db, organizationId, teamId);
      if (own) return calendarOfRow(own);
    }
    const fallback = await selectCalendar(db, organizationId, null);
    if (fallback) return calendarOfRow(fallback);
    const org = await loadOrganization(db, organizationId);
    return calendarOfOrganization(org?.timeZone ?? 'UTC', org?.businessHours ?? []);
  }

  /** The default calendar and every team's, for the configuration page. */
  async calendars(organizationId: string): Promise<CalendarListing> {
    const { db } = this.database;
    const [rows, teams] = await Promise.all([
      selectCalendars(db, organizationId),
      db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('organization_id', '=', organizationId)
        .orderBy('name')
        .orderBy('id')
        .limit(1000)
        .execute(),
    ]);
    const defaultRow = rows.find((r) => r.team_id === null);
    const byTeam = new Map(rows.filter((r) => r.team_id !== null).map((r) => [r.team_id, r]));
    return {
      organizationDefault: defaultRow
        ? {
            calendar: calendarOfRow(defaultRow),
            source: 'default',
            updatedAt: defaultRow.updated_at,
          }
        : {
            calendar: await this.calendarFor(organizationId, null),
            source: 'organization',
            updatedAt: null,
          },
      teams: teams.map((t) => {
        const row = byTeam.get(t.id);
        return {
          teamId: t.id,
          name: t.name,
          calendar: row ? calendarOfRow(row) : null,
          updatedAt: row?.updated_at ?? null,
        };
      }),
    };
  }

  /** Saves a team's calendar, or the organization's default when `teamId` is null. */
  async saveCalendar(
    organizationId: string,
    teamId: string | null,
    calendar: BusinessCalendar,
    audit: RequestAudit,
  ): Promise<BusinessCalendar> {
    const issues = validateCalendar(calendar);
    if (issues.length > 0) throw invalid(issues);
    const cal = canonicalCalendar(calendar);
    const { db } = this.database;
    if (teamId !== null) {
      const team = await db
        .selectFrom('teams')
        .select('id')
        .where('id', '=', teamId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      if (!team) throw new DomainError('not-found', 'problem.not-found', 'No such team.');
    }
    const write = () =>
      db.transaction().execute(async (trx) => {
        await writeCalendar(trx, organizationId, teamId, cal, this.clock.now().toISOString());
        await audit.inTransaction(trx, {
          action: 'update',
          resourceType: 'BusinessCalendar',
          resourceId: teamId ?? 'default',
          detail: JSON.stringify({
            timeZone: cal.timeZone,
            intervals: cal.hours.length,
            holidays: cal.holidays.length,
          }),
        });
      });
    try {
      await write();
    } catch (e) {
      // Two first saves at once: the loser's insert meets the winner's row; save again over it.
      if (!isUniqueViolation(e)) throw e;
      await write();
    }
    return cal;
  }

  /**
   * Puts the default policies in place once per organization. Afterwards the organization
   * owns its configuration: a policy a supervisor deletes stays deleted.
   */
  private async seed(organizationId: string, db: Kysely<Schema>): Promise<void> {
    const key = seededKey(organizationId);
    const done = await db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', key)
      .executeTakeFirst();
    if (done) return;
    const now = this.clock.now().toISOString();
    const write = async (trx: Kysely<Schema>) => {
      const policies = defaultSlaPolicies().map((p) => ({ id: randomUUID(), ...p }));
      await insertMissingPolicies(trx, organizationId, policies, now);
      await trx
        .insertInto('settings')
        .values({ key, value: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    };
    // Inside the caller's transaction the defaults commit with it; otherwise in their own.
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
  }
}
