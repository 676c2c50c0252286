import type {
  BusinessCalendar,
  CasePriority,
  OpeningHours,
  SlaBreachAction,
  SlaPolicy,
  SlaPolicyInput,
} from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import { parseDoc } from '../../storage/json';
import type { Schema } from '../../storage/schema';
import type {
  BusinessCalendarsTable,
  SlaPoliciesTable,
} from '../../storage/service-desk/sla-tables';

/** Storage of SLA policies and business calendars; the rules live in core/service-desk. */

type Db = Kysely<Schema>;

export function policyOfRow(row: Selectable<SlaPoliciesTable>): SlaPolicy {
  return {
    id: row.id,
    category: row.category,
    priority: row.priority as CasePriority | '*',
    firstResponseMinutes: Number(row.first_response_minutes),
    resolutionMinutes: Number(row.resolution_minutes),
    warnAtShare: Number(row.warn_at_share),
    onBreach: parseDoc<SlaBreachAction[]>(row.on_breach),
  };
}

export function calendarOfRow(row: Selectable<BusinessCalendarsTable>): BusinessCalendar {
  return {
    timeZone: row.time_zone,
    hours: parseDoc<OpeningHours[]>(row.hours),
    holidays: parseDoc<string[]>(row.holidays),
  };
}

export function selectPolicies(db: Db, organizationId: string) {
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
}

/**
 * Inserts or replaces the policy for its (category, priority), keeping the id of the one
 * it replaces; answers the stored id. One statement, so two supervisors saving the same
 * cell at once both succeed and the last one wins.
 */
export async function upsertPolicy(
  db: Db,
  organizationId: string,
  newId: string,
  input: SlaPolicyInput,
  now: string,
): Promise<string> {
  const values = {
    first_response_minutes: input.firstResponseMinutes,
    resolution_minutes: input.resolutionMinutes,
    warn_at_share: input.warnAtShare,
    on_breach: JSON.stringify(input.onBreach),
    updated_at: now,
  };
  const row = await db
    .insertInto('sla_policies')
    .values({
      organization_id: organizationId,
      id: newId,
      category: input.category,
      priority: input.priority,
      ...values,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'category', 'priority']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds policies for the cells that have none; leaves configured cells alone. */
export async function insertMissingPolicies(
  db: Db,
  organizationId: string,
  policies: SlaPolicy[],
  now: string,
): Promise<void> {
  if (policies.length === 0) return;
  await db
    .insertInto('sla_policies')
    .values(
      policies.map((p) => ({
        organization_id: organizationId,
        id: p.id,
        category: p.category,
        priority: p.priority,
        first_response_minutes: p.firstResponseMinutes,
        resolution_minutes: p.resolutionMinutes,
        warn_at_share: p.warnAtShare,
        on_breach: JSON.stringify(p.onBreach),
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function selectCalendars(db: Db, organizationId: string) {
  return db
    .selectFrom('business_calendars')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
}

/** The calendar of a team, or the organization's default when `teamId` is null. */
export function selectCalendar(db: Db, organizationId: string, teamId: string | null) {
  return db
    .selectFrom('business_calendars')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where((eb) => (teamId === null ? eb('team_id', 'is', null) : eb('team_id', '=', teamId)))
    .executeTakeFirst();
}

/** Replaces (or creates) the calendar of a team or the organization's default. */
export async function writeCalendar(
  db: Db,
  organizationId: string,
  teamId: string | null,
  cal: BusinessCalendar,
  now: string,
): Promise<void> {
  const values = {
    time_zone: cal.timeZone,
    hours: JSON.stringify(cal.hours),
    holidays: JSON.stringify(cal.holidays),
    updated_at: now,
  };
  const updated = await db
    .updateTable('business_calendars')
    .set(values)
    .where('organization_id', '=', organizationId)
    .where((eb) => (teamId === null ? eb('team_id', 'is', null) : eb('team_id', '=', teamId)))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('business_calendars')
    .values({ organization_id: organizationId, team_id: teamId, ...values })
    .execute();
}
