import {
  afterCall,
  DomainError,
  isTaskOpen,
  planComplete,
  REFERRAL_STEP_KINDS,
  type CallOutcome,
  type Clock,
  type FollowUpProgram,
  type FollowUpStepKind,
  type ProgramStep,
  type ReferralState,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import type { CaseService } from '../../service-desk/cases/case-service';
import { actorOf } from '../../service-desk/cases/case-views';
import {
  findPlan,
  findTask,
  planTasks,
  updatePlanRow,
  updateTaskRow,
  type PlanRow,
  type TaskRow,
} from '../../storage/care-transitions/follow-up-store';
import type { Database } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import { timeOrderedId } from '../../storage/time-ordered-id';
import { articleMessage, escalate, requireConsent } from './follow-up-outreach';
import { planJson, programOfPlan, type PlanJson } from './follow-up-views';

export interface CallInput {
  outcome: CallOutcome;
  party: 'patient' | 'caregiver';
  relatedPersonId?: string | undefined;
  note?: string | undefined;
  version: number;
}

export interface ReferralInput {
  state: ReferralState;
  provider: string;
  reference?: string | undefined;
  note?: string | undefined;
  version: number;
}

export interface Working {
  trx: Kysely<Schema>;
  plan: PlanRow;
  task: TaskRow;
  step: ProgramStep;
  program: FollowUpProgram;
  now: string;
}

const conflict = (key: string, detail: string) => new DomainError('conflict', key, detail);

/**
 * Working a follow-up plan (issue #6 point 5): calls and their outcomes, each recorded as a
 * communication; the caregiver reached only within the patient's consent; referrals tracked
 * to the provider's confirmation; escalation after unanswered attempts; the plan completed
 * (and its case resolved) when no required task is left open. Every change names the case,
 * whose access decision the route has already made.
 */
export class FollowUpWork {
  constructor(
    private readonly deps: {
      database: Database;
      clock: Clock;
      cases: CaseService;
      /** Where the portal is, for links to knowledge-base articles. */
      baseUrl: string;
    },
  ) {}

  async plan(organizationId: string, caseId: string): Promise<PlanJson> {
    const { db } = this.deps.database;
    const plan = await db
      .selectFrom('follow_up_plans')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!plan) throw new DomainError('not-found', 'problem.not-found', 'No follow-up plan.');
    return planJson(db, plan);
  }

  async recordCall(
    organizationId: string,
    caseId: string,
    taskId: string,
    input: CallInput,
    audit: RequestAudit,
  ): Promise<PlanJson> {
    return this.work(organizationId, caseId, taskId, input.version, audit, async (w) => {
      if (w.step.needsCaregiverConsent && input.party !== 'caregiver')
        throw conflict('followUp.call.caregiverStep', 'This step is with the caregiver.');
      if (input.party === 'caregiver') await requireConsent(w, input.relatedPersonId);
      let effect;
      try {
        effect = afterCall(
          {
            kind: w.task.kind as FollowUpStepKind,
            unansweredAttempts: Number(w.task.unanswered_attempts),
            escalatedAt: w.task.escalated_at,
          },
          input.outcome,
          w.step.escalation,
        );
      } catch {
        throw conflict('followUp.call.notACallStep', 'Calls are not recorded on this step.');
      }
      const actor = actorOf(audit.ctx);
      const contactId = timeOrderedId();
      await w.trx
        .insertInto('follow_up_contacts')
        .values({
          id: contactId,
          plan_id: w.plan.id,
          task_id: w.task.id,
          organization_id: organizationId,
          at: w.now,
          channel: 'phone',
          party: input.party,
          related_person_id: input.party === 'caregiver' ? (input.relatedPersonId ?? null) : null,
          outcome: input.outcome,
          note: input.note?.trim() || null,
          by_id: actor.id,
          by_name: actor.name,
        })
        .execute();
      await this.setTask(w, {
        status: effect.status,
        status_reason: effect.statusReason,
        unanswered_attempts: effect.unansweredAttempts,
        ...(effect.escalate ? { escalated_at: w.now } : {}),
      });
      if (effect.interactiveContact && !w.plan.first_contact_at)
        await updatePlanRow(w.trx, w.plan, { first_contact_at: w.now });
      await this.deps.cases.recordInTransaction(
        w.trx,
        organizationId,
        caseId,
        {
          event: {
            kind: 'follow-up-call',
            data: {
              taskId: w.task.id,
              step: w.step.key,
              outcome: input.outcome,
              party: input.party,
            },
          },
        },
        audit,
      );
      if (effect.escalate) await escalate(this.deps.cases, w, caseId, audit);
      await audit.inTransaction(w.trx, {
        action: 'create',
        patientId: w.plan.patient_id,
        resourceType: 'Communication',
        resourceId: contactId,
        detail: JSON.stringify({ taskId: w.task.id, outcome: input.outcome, party: input.party }),
      });
    });
  }

  /** Marks a step done; an education step sends its article to the patient as it does. */
  async complete(
    organizationId: string,
    caseId: string,
    taskId: string,
    input: { note?: string | undefined; articleId?: string | undefined; version: number },
    audit: RequestAudit,
  ): Promise<PlanJson> {
    return this.work(organizationId, caseId, taskId, input.version, audit, async (w) => {
      if (REFERRAL_STEP_KINDS.includes(w.step.kind))
        throw conflict(
          'followUp.referral.notConfirmed',
          'A referral step is done when the provider confirms it.',
        );
      const message =
        w.step.kind === 'education'
          ? await articleMessage(this.deps.baseUrl, w, caseId, input.articleId ?? w.step.articleId)
          : null;
      await this.setTask(w, { status: 'completed' });
      await this.deps.cases.recordInTransaction(
        w.trx,
        organizationId,
        caseId,
        {
          event: { kind: 'follow-up-task-done', data: { taskId: w.task.id, step: w.step.key } },
          ...(message ? { message: { body: message, visibility: 'public' as const } } : {}),
          ...(!message && input.note?.trim()
            ? { message: { body: input.note.trim(), visibility: 'internal' as const } }
            : {}),
        },
        audit,
      );
    });
  }

  /** A step that is not needed (no home health was ordered...), or done elsewhere. */
  async cancel(
    organizationId: string,
    caseId: string,
    taskId: string,
    input: { reason: string; version: number },
    audit: RequestAudit,
  ): Promise<PlanJson> {
    return this.work(organizationId, caseId, taskId, input.version, audit, async (w) => {
      await this.setTask(w, { status: 'cancelled', status_reason: input.reason });
      await this.deps.cases.recordInTransaction(
        w.trx,
        organizationId,
        caseId,
        {
          event: {
            kind: 'follow-up-task-cancelled',
            data: { taskId: w.task.id, step: w.step.key, reason: input.reason },
          },
        },
        audit,
      );
    });
  }

  /** A referral's progress; confirmed by the provider completes the step. */
  async referral(
    organizationId: string,
    caseId: string,
    taskId: string,
    input: ReferralInput,
    audit: RequestAudit,
  ): Promise<PlanJson> {
    return this.work(organizationId, caseId, taskId, input.version, audit, async (w) => {
      if (!REFERRAL_STEP_KINDS.includes(w.step.kind))
        throw conflict('followUp.referral.notAReferral', 'This step is not a referral.');
      const referral = {
        state: input.state,
        provider: input.provider.trim(),
        reference: input.reference?.trim() || null,
        at: w.now,
      };
      await this.setTask(w, {
        status: input.state === 'confirmed' ? 'completed' : 'in-progress',
        referral: JSON.stringify(referral),
      });
      await this.deps.cases.recordInTransaction(
        w.trx,
        organizationId,
        caseId,
        {
          event: {
            kind: 'follow-up-referral',
            data: { taskId: w.task.id, step: w.step.key, ...referral },
          },
          ...(input.note?.trim()
            ? { message: { body: input.note.trim(), visibility: 'internal' as const } }
            : {}),
        },
        audit,
      );
    });
  }

  /**
   * Loads the task of the case's plan, refuses a closed task or a stale version, runs the
   * change, and completes the plan (resolving its case) once no required task is open.
   */
  private async work(
    organizationId: string,
    caseId: string,
    taskId: string,
    version: number,
    audit: RequestAudit,
    change: (w: Working) => Promise<void>,
  ): Promise<PlanJson> {
    return this.deps.database.db.transaction().execute(async (trx) => {
      const task = await findTask(trx, taskId);
      const plan = task ? await findPlan(trx, task.plan_id) : undefined;
      if (!task || !plan || plan.organization_id !== organizationId || plan.case_id !== caseId)
        throw new DomainError('not-found', 'problem.not-found', 'No such follow-up task.');
      if (!isTaskOpen(task.status) || plan.status !== 'active')
        throw conflict('followUp.task.closed', 'This task is already closed.');
      if (Number(task.version) !== version)
        throw conflict('followUp.task.versionConflict', 'The task changed; reload it.');
      const program = await programOfPlan(trx, plan);
      const step = program.steps.find((s) => s.key === task.step_key);
      if (!step) throw new Error(`task ${task.id}: step ${task.step_key} is not in its program`);
      const w: Working = {
        trx,
        plan,
        task,
        step,
        program,
        now: this.deps.clock.now().toISOString(),
      };
      await change(w);
      const fresh = (await findPlan(trx, plan.id)) ?? plan;
      const tasks = await planTasks(trx, plan.id);
      if (
        planComplete(tasks.map((t) => ({ required: Number(t.required) === 1, status: t.status })))
      ) {
        await updatePlanRow(trx, fresh, { status: 'completed', ended_at: w.now });
        await trx
          .updateTable('follow_up_tasks')
          .set({
            status: 'cancelled',
            status_reason: 'plan-completed',
            is_open: 0,
            updated_at: w.now,
          })
          .where('plan_id', '=', plan.id)
          .where('is_open', '=', 1)
          .execute();
        await this.deps.cases.recordInTransaction(
          trx,
          organizationId,
          caseId,
          { event: { kind: 'follow-up-completed', data: { planId: plan.id } }, status: 'resolved' },
          audit,
        );
      }
      return planJson(trx, (await findPlan(trx, plan.id)) ?? fresh);
    });
  }

  private async setTask(
    w: Working,
    changes: Partial<
      Pick<
        TaskRow,
        'status' | 'status_reason' | 'unanswered_attempts' | 'escalated_at' | 'referral'
      >
    >,
  ): Promise<void> {
    const status = changes.status ?? w.task.status;
    const open = isTaskOpen(status);
    const ok = await updateTaskRow(w.trx, w.task, {
      ...changes,
      is_open: open ? 1 : 0,
      completed_at: status === 'completed' ? w.now : w.task.completed_at,
      updated_at: w.now,
    });
    if (!ok) throw conflict('followUp.task.versionConflict', 'The task changed; reload it.');
  }
}
