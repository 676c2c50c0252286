import {
  CONTACT_STEP_KINDS,
  decide,
  displayName,
  type AccessContext,
  type FollowUpProgram,
  type FollowUpStepKind,
  type PersonName,
  type ProgramStep,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { loadPatientFacts } from '../../storage/access/patient-facts';
import {
  planContacts,
  planTasks,
  programVersion,
  storedProgram,
  type ContactRow,
  type PlanRow,
  type TaskRow,
} from '../../storage/care-transitions/follow-up-store';
import { decodeCursor, encodeCursor } from '../../storage/cursor';
import { parseDoc } from '../../storage/json';
import type { Page } from '../../storage/patients/patient-search';
import type { Schema } from '../../storage/schema';

/** A task as staff see it: its state, and the step's words (every language; the UI picks). */
export function taskJson(t: TaskRow, step: ProgramStep | undefined) {
  return {
    id: t.id,
    stepKey: t.step_key,
    occurrence: Number(t.occurrence),
    kind: t.kind as FollowUpStepKind,
    required: Number(t.required) === 1,
    status: t.status,
    statusReason: t.status_reason,
    dueAt: t.due_at,
    assigneeId: t.assignee_id,
    unansweredAttempts: Number(t.unanswered_attempts),
    escalatedAt: t.escalated_at,
    referral: t.referral ? parseDoc<Record<string, unknown>>(t.referral) : null,
    completedAt: t.completed_at,
    version: Number(t.version),
    callable: CONTACT_STEP_KINDS.includes(t.kind as FollowUpStepKind),
    title: step?.title ?? null,
    script: step?.script ?? null,
    checklist: step?.checklist ?? [],
    needsCaregiverConsent: step?.needsCaregiverConsent ?? false,
    articleId: step?.articleId ?? null,
  };
}

function contactJson(c: ContactRow) {
  return {
    id: c.id,
    taskId: c.task_id,
    at: c.at,
    channel: c.channel,
    party: c.party,
    relatedPersonId: c.related_person_id,
    outcome: c.outcome,
    note: c.note,
    byName: c.by_name,
  };
}

export async function programOfPlan(db: Kysely<Schema>, plan: PlanRow): Promise<FollowUpProgram> {
  const row = await programVersion(
    db,
    plan.organization_id,
    plan.program_code,
    Number(plan.program_version),
  );
  if (!row)
    throw new Error(
      `plan ${plan.id}: program ${plan.program_code} v${plan.program_version} is missing`,
    );
  return storedProgram(row).definition;
}

/** The plan page: the plan, its tasks in due order, every contact attempt. */
export async function planJson(db: Kysely<Schema>, plan: PlanRow) {
  const [program, tasks, contacts] = await Promise.all([
    programOfPlan(db, plan),
    planTasks(db, plan.id),
    planContacts(db, plan.id),
  ]);
  const steps = new Map(program.steps.map((s) => [s.key, s]));
  return {
    id: plan.id,
    patientId: plan.patient_id,
    caseId: plan.case_id,
    encounterId: plan.encounter_id,
    programCode: plan.program_code,
    programVersion: Number(plan.program_version),
    programName: program.name,
    status: plan.status,
    statusReason: plan.status_reason,
    priority: plan.priority,
    startedAt: plan.started_at,
    contactDueAt: plan.contact_due_at,
    firstContactAt: plan.first_contact_at,
    endedAt: plan.ended_at,
    version: Number(plan.version),
    tasks: tasks.map((t) => taskJson(t, steps.get(t.step_key))),
    contacts: contacts.map(contactJson),
  };
}

export type PlanJson = Awaited<ReturnType<typeof planJson>>;

/**
 * What the patient sees of their plan in the portal (issue #6 point 7): the program, the
 * steps still to come with their dates, and those done — not staff scripts, call notes or
 * who made the calls.
 */
export function patientPlanJson(plan: PlanJson) {
  return {
    id: plan.id,
    caseId: plan.caseId,
    programName: plan.programName,
    status: plan.status,
    startedAt: plan.startedAt,
    steps: plan.tasks
      .filter((t) => t.status !== 'cancelled')
      .map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.title,
        dueAt: t.dueAt,
        done: t.status === 'completed',
        completedAt: t.completedAt,
        contact: t.callable,
      })),
  };
}

export interface WorklistFilter {
  organizationId: string;
  /** One person's tasks, or everyone's. */
  assigneeId?: string;
  /** Only tasks due before this instant (overdue, due today...). */
  dueBefore?: string;
  kind?: FollowUpStepKind;
}

/**
 * Open follow-up tasks by due time, soonest (most overdue) first (issue #6 point 5), keyset
 * paginated on (due_at, id). A task of a patient this member of staff may not reach keeps
 * its place but shows no name: it is there to be reassigned, not read (decide.ts).
 */
export async function worklist(
  db: Kysely<Schema>,
  filter: WorklistFilter,
  limit: number,
  cursor: string | undefined,
  ctx: AccessContext,
): Promise<Page<WorklistItem>> {
  let q = db
    .selectFrom('follow_up_tasks as t')
    .innerJoin('follow_up_plans as p', 'p.id', 't.plan_id')
    // Whose work it is follows the case: reassigning the case reassigns its plan.
    .leftJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      't.id',
      't.plan_id',
      't.step_key',
      't.occurrence',
      't.kind',
      't.status',
      't.due_at',
      'c.assignee_id',
      't.unanswered_attempts',
      't.escalated_at',
      't.version',
      'p.program_code',
      'p.program_version',
      'p.organization_id',
      'p.patient_id',
      'p.case_id',
      'p.priority',
    ])
    .where('t.organization_id', '=', filter.organizationId)
    .where('t.is_open', '=', 1);
  if (filter.assigneeId) q = q.where('c.assignee_id', '=', filter.assigneeId);
  if (filter.dueBefore) q = q.where('t.due_at', '<', filter.dueBefore);
  if (filter.kind) q = q.where('t.kind', '=', filter.kind);
  if (cursor) {
    const [due, id] = decodeCursor(cursor, 2) as [string, string];
    q = q.where((eb) =>
      eb.or([eb('t.due_at', '>', due), eb.and([eb('t.due_at', '=', due), eb('t.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('t.due_at')
    .orderBy('t.id')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const names = await patientNames(db, [...new Set(page.map((r) => r.patient_id))], ctx);
  const programs = await programsOf(db, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const program = programs.get(`${r.program_code}|${r.program_version}`);
      return {
        ...worklistItem(r, names.get(r.patient_id) ?? null),
        programName: program?.name ?? null,
        title: program?.steps.find((s) => s.key === r.step_key)?.title ?? null,
      };
    }),
    nextCursor: more && last ? encodeCursor([last.due_at, last.id]) : null,
  };
}

function worklistItem(
  r: {
    id: string;
    plan_id: string;
    step_key: string;
    occurrence: number;
    kind: string;
    status: string;
    due_at: string;
    assignee_id: string | null;
    unanswered_attempts: number;
    escalated_at: string | null;
    version: number;
    program_code: string;
    patient_id: string;
    case_id: string | null;
    priority: string;
  },
  patientName: string | null,
) {
  return {
    id: r.id,
    planId: r.plan_id,
    caseId: r.case_id,
    programCode: r.program_code,
    stepKey: r.step_key,
    occurrence: Number(r.occurrence),
    kind: r.kind,
    status: r.status,
    dueAt: r.due_at,
    assigneeId: r.assignee_id,
    unansweredAttempts: Number(r.unanswered_attempts),
    escalatedAt: r.escalated_at,
    priority: r.priority,
    version: Number(r.version),
    patientId: patientName === null ? null : r.patient_id,
    patientName,
    restricted: patientName === null,
  };
}

export type WorklistItem = ReturnType<typeof worklistItem> & {
  programName: FollowUpProgram['name'] | null;
  title: ProgramStep['title'] | null;
};

/** The program versions a page's tasks were planned under, read once each. */
async function programsOf(
  db: Kysely<Schema>,
  rows: ReadonlyArray<{ organization_id: string; program_code: string; program_version: number }>,
): Promise<Map<string, FollowUpProgram>> {
  const programs = new Map<string, FollowUpProgram>();
  for (const r of rows) {
    const key = `${r.program_code}|${r.program_version}`;
    if (programs.has(key)) continue;
    const row = await programVersion(
      db,
      r.organization_id,
      r.program_code,
      Number(r.program_version),
    );
    if (row) programs.set(key, storedProgram(row).definition);
  }
  return programs;
}

/** Names of the patients this member of staff may work on; the others are left out. */
async function patientNames(
  db: Kysely<Schema>,
  ids: string[],
  ctx: AccessContext,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const rows = await db
    .selectFrom('patients')
    .select(['id', 'summary', 'data'])
    .where('id', 'in', ids)
    .execute();
  for (const r of rows) {
    const facts = await loadPatientFacts(db, r.id);
    if (
      !facts ||
      !decide(ctx, { permission: 'case.work', patient: facts, category: 'care-plans' }).allow
    )
      continue;
    names.set(
      r.id,
      r.summary
        ? parseDoc<{ displayName: string }>(r.summary).displayName
        : displayName(parseDoc<{ names?: PersonName[] }>(r.data).names ?? []),
    );
  }
  return names;
}
