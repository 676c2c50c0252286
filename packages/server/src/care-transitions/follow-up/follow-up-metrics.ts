/**
 * Follow-up metrics for supervisors (issue #6 point 6): the discharges of a period and what
 * became of them, overall, by program and by team. This gathers the plan facts from storage
 * (plans, their cases' teams, the discharged visit and the patient's later admissions) and
 * core's followUpMetrics counts them, so the definitions live in one place.
 *
 * Which plans: those started by an ADT discharge (A03) — the ones with a visit — whose
 * start, the discharge time, falls in the period. Enrolments and manual plans have no
 * discharge and are not counted. Every plan of the period is read: the median and 90th
 * percentile need the whole distribution, and the period is bounded (MAX_PERIOD_DAYS).
 */
import {
  DomainError,
  followUpMetrics,
  followUpMetricsBy,
  instantOfWallTime,
  readmissionAfter,
  READMISSION_CLASSES,
  READMISSION_DAYS,
  type Clock,
  type Encounter,
  type FollowUpMetrics,
  type Localized,
  type PlanFacts,
  type PlanStatus,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { programRows, storedProgram } from '../../storage/care-transitions/follow-up-store';
import type { Database } from '../../storage/database';
import { parseDoc } from '../../storage/json';
import type { Schema } from '../../storage/schema';
import type { SlaConfiguration } from '../../service-desk/sla/sla-configuration';

/** A year and a day: a leap year's whole year fits, and no request reads more. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

export interface MetricsQuery {
  /** YYYY-MM-DD, the first day counted, in the organization's time zone. */
  from: string;
  /** YYYY-MM-DD, the last day counted (whole). */
  to: string;
  programCode?: string | undefined;
  teamId?: string | undefined;
}

export interface FollowUpMetricsReport {
  from: string;
  to: string;
  timeZone: string;
  /** The half-open instant range [start, end) the dates mean in that zone. */
  start: string;
  end: string;
  /** The instant the report was counted at: what "due has passed" is measured against. */
  asOf: string;
  totals: FollowUpMetrics;
  byProgram: (FollowUpMetrics & { key: string; name: Localized | null })[];
  byTeam: (FollowUpMetrics & { key: string | null; name: string | null })[];
}

const badPeriod = (detail: string) =>
  new DomainError('validation', 'problem.validation', 'The period is not valid.', [
    { path: 'from', messageKey: 'validation.field.invalid', detail },
  ]);

/** A calendar date as days since 1970-01-01, or null when it is no real date. */
function dayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  return ms / DAY_MS;
}

/** The period's instants in `zone`: from the first day's midnight to the midnight after the last. */
export function periodInstants(from: string, to: string, zone: string): { start: Date; end: Date } {
  const first = dayOf(from);
  const last = dayOf(to);
  if (first === null || last === null) throw badPeriod('dates are YYYY-MM-DD');
  if (last < first) throw badPeriod('the period ends before it starts');
  if (last - first + 1 > MAX_PERIOD_DAYS)
    throw badPeriod(`at most ${MAX_PERIOD_DAYS} days at a time`);
  return {
    start: new Date(instantOfWallTime(zone, first * DAY_MS)),
    end: new Date(instantOfWallTime(zone, (last + 1) * DAY_MS)),
  };
}

interface PlanFactRow {
  program_code: string;
  status: string;
  started_at: string;
  contact_due_at: string | null;
  first_contact_at: string | null;
  patient_id: string;
  encounter_id: string | null;
  team_id: string | null;
  encounter_data: string | null;
  period_end: string | null;
}

function plansOfPeriod(
  db: Kysely<Schema>,
  organizationId: string,
  q: MetricsQuery,
  start: Date,
  end: Date,
) {
  let query = db
    .selectFrom('follow_up_plans as p')
    .leftJoin('cases as c', 'c.id', 'p.case_id')
    .where('p.organization_id', '=', organizationId)
    .where('p.encounter_id', 'is not', null)
    .where('p.started_at', '>=', start.toISOString())
    .where('p.started_at', '<', end.toISOString());
  if (q.programCode) query = query.where('p.program_code', '=', q.programCode);
  if (q.teamId) query = query.where('c.team_id', '=', q.teamId);
  return query;
}

/** The patient's encounters that could be a readmission after one of the period's discharges. */
async function laterEncounters(
  db: Kysely<Schema>,
  organizationId: string,
  q: MetricsQuery,
  start: Date,
  end: Date,
) {
  const patients = plansOfPeriod(db, organizationId, q, start, end).select('p.patient_id');
  // A day's slack either side: the exact comparison is made on parsed instants in core,
  // as visits imported from FHIR may write their times with an offset rather than Z.
  const rows = await db
    .selectFrom('encounters')
    .select(['id', 'patient_id', 'status', 'period_start', 'data'])
    .where('patient_id', 'in', patients)
    .where('period_start', '>=', new Date(start.getTime() - DAY_MS).toISOString())
    .where(
      'period_start',
      '<=',
      new Date(end.getTime() + (READMISSION_DAYS + 1) * DAY_MS).toISOString(),
    )
    .execute();
  const byPatient = new Map<
    string,
    { id: string; classCode: string; status: string; periodStart: string | null }[]
  >();
  for (const r of rows) {
    const e = {
      id: r.id,
      classCode: parseDoc<Encounter>(r.data).classCode,
      status: r.status,
      periodStart: r.period_start,
    };
    const list = byPatient.get(r.patient_id);
    if (list) list.push(e);
    else byPatient.set(r.patient_id, [e]);
  }
  return byPatient;
}

/** The plan facts of a period, as core's metrics take them. */
export async function planFactsOfPeriod(
  db: Kysely<Schema>,
  organizationId: string,
  q: MetricsQuery,
  start: Date,
  end: Date,
): Promise<PlanFacts[]> {
  const rows: PlanFactRow[] = await plansOfPeriod(db, organizationId, q, start, end)
    .leftJoin('encounters as e', 'e.id', 'p.encounter_id')
    .select([
      'p.program_code',
      'p.status',
      'p.started_at',
      'p.contact_due_at',
      'p.first_contact_at',
      'p.patient_id',
      'p.encounter_id',
      'c.team_id',
      'e.data as encounter_data',
      'e.period_end',
    ])
    .execute();
  const later = await laterEncounters(db, organizationId, q, start, end);
  return rows.map((r) => {
    const cls = r.encounter_data ? parseDoc<Encounter>(r.encounter_data).classCode : null;
    const dischargedAt = r.period_end ?? r.started_at;
    const stay =
      cls && READMISSION_CLASSES.includes(cls)
        ? {
            dischargedAt,
            readmittedAt: readmissionAfter(
              { encounterId: r.encounter_id ?? '', dischargedAt },
              later.get(r.patient_id) ?? [],
            ),
          }
        : null;
    return {
      programCode: r.program_code,
      teamId: r.team_id,
      status: r.status as PlanStatus,
      startedAt: r.started_at,
      contactDueAt: r.contact_due_at,
      firstContactAt: r.first_contact_at,
      stay,
    };
  });
}

/** The report GET /api/follow-up/metrics returns. */
export class FollowUpMetricsService {
  constructor(private readonly deps: { database: Database; clock: Clock; sla: SlaConfiguration }) {}

  async report(organizationId: string, q: MetricsQuery): Promise<FollowUpMetricsReport> {
    const { db } = this.deps.database;
    // Whole days in the zone the desk's business days are counted in (the default calendar).
    const { timeZone } = await this.deps.sla.calendarFor(organizationId, null);
    const { start, end } = periodInstants(q.from, q.to, timeZone);
    const now = this.deps.clock.now();
    const facts = await planFactsOfPeriod(db, organizationId, q, start, end);
    const [programs, teams] = await Promise.all([
      programRows(db, organizationId),
      db
        .selectFrom('teams')
        .select(['id', 'name'])
        .where('organization_id', '=', organizationId)
        .execute(),
    ]);
    // Rows are newest version first per code: the first seen is the name staff know now.
    const programNames = new Map<string, Localized>();
    for (const row of programs)
      if (!programNames.has(row.code))
        programNames.set(row.code, storedProgram(row).definition.name);
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    return {
      from: q.from,
      to: q.to,
      timeZone,
      start: start.toISOString(),
      end: end.toISOString(),
      asOf: now.toISOString(),
      totals: followUpMetrics(facts, now),
      byProgram: followUpMetricsBy(facts, (p) => p.programCode, now).map((g) => ({
        ...g,
        key: g.key ?? '',
        name: programNames.get(g.key ?? '') ?? null,
      })),
      byTeam: followUpMetricsBy(facts, (p) => p.teamId, now).map((g) => ({
        ...g,
        name: g.key === null ? null : (teamNames.get(g.key) ?? null),
      })),
    };
  }
}
