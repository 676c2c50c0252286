import { BUILT_IN_PROGRAMS, type FollowUpProgram } from '@caredesk/core';
import type { Kysely, Selectable } from 'kysely';
import { parseDoc } from '../json';
import type { Schema } from '../schema';
import type {
  FollowUpContactsTable,
  FollowUpPlansTable,
  FollowUpProgramsTable,
  FollowUpTasksTable,
} from './follow-up-tables';

export type ProgramRow = Selectable<FollowUpProgramsTable>;
export type PlanRow = Selectable<FollowUpPlansTable>;
export type TaskRow = Selectable<FollowUpTasksTable>;
export type ContactRow = Selectable<FollowUpContactsTable>;

export interface StoredProgram {
  version: number;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  definition: FollowUpProgram;
}

export function storedProgram(row: ProgramRow): StoredProgram {
  return {
    version: Number(row.version),
    active: Number(row.active) === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    definition: parseDoc<FollowUpProgram>(row.definition),
  };
}

/**
 * Gives an organization the built-in programs as version 1 of each code it does not have
 * yet. Idempotent, and safe when two processes do it at once (insert-or-ignore).
 */
export async function seedBuiltInPrograms(
  db: Kysely<Schema>,
  organizationId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('follow_up_programs')
    .values(
      BUILT_IN_PROGRAMS.map((p) => ({
        organization_id: organizationId,
        code: p.code,
        version: 1,
        definition: JSON.stringify(p),
        active: 1,
        created_at: now,
        created_by: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every version of every program, newest version of each code first. */
export function programRows(db: Kysely<Schema>, organizationId: string): Promise<ProgramRow[]> {
  return db
    .selectFrom('follow_up_programs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
}

/** The active version of each code, without its definition (read by programVersion). */
export function activeProgramVersions(
  db: Kysely<Schema>,
  organizationId: string,
): Promise<Array<Omit<ProgramRow, 'definition' | 'active'>>> {
  return db
    .selectFrom('follow_up_programs')
    .select(['organization_id', 'code', 'version', 'created_at', 'created_by'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .orderBy('code')
    .execute();
}

export function programVersion(
  db: Kysely<Schema>,
  organizationId: string,
  code: string,
  version: number,
): Promise<ProgramRow | undefined> {
  return db
    .selectFrom('follow_up_programs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function latestProgramVersion(
  db: Kysely<Schema>,
  organizationId: string,
  code: string,
): Promise<ProgramRow | undefined> {
  return db
    .selectFrom('follow_up_programs')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findPlan(db: Kysely<Schema>, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('follow_up_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function planTasks(db: Kysely<Schema>, planId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('follow_up_tasks')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

export function planContacts(db: Kysely<Schema>, planId: string): Promise<ContactRow[]> {
  return db
    .selectFrom('follow_up_contacts')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function findTask(db: Kysely<Schema>, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('follow_up_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Active plans of a visit (an A13 or A11 cancels them) or of a patient (death, merge). */
export function activePlansOf(
  db: Kysely<Schema>,
  organizationId: string,
  by: { encounterId: string } | { patientId: string },
): Promise<PlanRow[]> {
  let q = db
    .selectFrom('follow_up_plans')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active');
  q =
    'encounterId' in by
      ? q.where('encounter_id', '=', by.encounterId)
      : q.where('patient_id', '=', by.patientId);
  return q.execute();
}

/**
 * Writes a task's new state if it is still at `version` (optimistic: two staff recording a
 * call on one task at once cannot both win). Returns false when someone else got there first.
 */
export async function updateTaskRow(
  trx: Kysely<Schema>,
  task: TaskRow,
  changes: Partial<Omit<TaskRow, 'id' | 'plan_id' | 'organization_id' | 'version'>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('follow_up_tasks')
    .set({ ...changes, version: Number(task.version) + 1 })
    .where('id', '=', task.id)
    .where('version', '=', Number(task.version))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updatePlanRow(
  trx: Kysely<Schema>,
  plan: PlanRow,
  changes: Partial<Omit<PlanRow, 'id' | 'organization_id' | 'version'>>,
): Promise<void> {
  await trx
    .updateTable('follow_up_plans')
    .set({ ...changes, version: Number(plan.version) + 1 })
    .where('id', '=', plan.id)
    .execute();
}
