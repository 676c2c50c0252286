import {
  catalogLanguage,
  CONTACT_STEP_KINDS,
  DomainError,
  scheduleTasks,
  type CaseChannel,
  type CasePriority,
  type Clock,
  type FollowUpStepKind,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { RequestAudit } from '../../access/request-audit';
import type { CaseService } from '../../service-desk/cases/case-service';
import { actorOf } from '../../service-desk/cases/case-views';
import type { SlaConfiguration } from '../../service-desk/sla/sla-configuration';
import {
  activePlansOf,
  updatePlanRow,
  type PlanRow,
  type StoredProgram,
} from '../../storage/care-transitions/follow-up-store';
import type { Database } from '../../storage/database';
import { isUniqueViolation } from '../../storage/unique-violation';
import type { Schema } from '../../storage/schema';
import { timeOrderedId } from '../../storage/time-ordered-id';
import type { FollowUpPrograms } from './follow-up-programs';

export interface PlanStart {
  organizationId: string;
  patientId: string;
  program: StoredProgram & { code: string };
  encounterId: string | null;
  /** What started it, kept with the plan (the event and HL7 message, or who enrolled). */
  origin: Record<string, unknown>;
  priority: CasePriority;
  /** The discharge (or enrolment) time: due dates count from here. */
  startedAt: Date;
  channel: CaseChannel;
  audit: RequestAudit;
}

/**
 * Turns programs into plans (issue #6 point 4): one case in the service desk, routed and
 * with its SLA, and one task per step (per occurrence of a periodic step), due on the
 * organization's business calendar and assigned with the case.
 */
export class FollowUpPlans {
  constructor(
    private readonly deps: {
      database: Database;
      clock: Clock;
      cases: CaseService;
      sla: SlaConfiguration;
      programs: FollowUpPrograms;
    },
  ) {}

  /** Starts a plan in the caller's transaction; null when one is already active for it. */
  async startIn(trx: Kysely<Schema>, s: PlanStart): Promise<PlanRow | null> {
    const existing = await activePlansOf(
      trx,
      s.organizationId,
      s.encounterId ? { encounterId: s.encounterId } : { patientId: s.patientId },
    );
    if (existing.some((p) => p.program_code === s.program.code)) return null;
    const patient = await trx
      .selectFrom('patients')
      .select(['organization_id', 'preferred_language', 'merged_into'])
      .where('id', '=', s.patientId)
      .executeTakeFirst();
    if (!patient || patient.organization_id !== s.organizationId || patient.merged_into)
      throw new DomainError('not-found', 'problem.not-found', 'No such patient.');
    const program = s.program.definition;
    const language = catalogLanguage(patient.preferred_language);
    const planId = timeOrderedId();
    const links = [{ type: 'care-plan', id: planId }];
    if (s.encounterId) links.push({ type: 'encounter', id: s.encounterId });
    const opened = await this.deps.cases.openInTransaction(
      trx,
      s.organizationId,
      {
        patientId: s.patientId,
        channel: s.channel,
        category: program.caseCategory,
        priority: s.priority,
        subject: program.name[language],
        language,
        links,
      },
      s.audit,
    );
    const calendar = await this.deps.sla.calendarFor(s.organizationId, opened.teamId, trx);
    const tasks = scheduleTasks(program, s.startedAt, calendar);
    const firstContact = tasks.find((t) => CONTACT_STEP_KINDS.includes(t.kind));
    const now = this.deps.clock.now().toISOString();
    const plan: PlanRow = {
      id: planId,
      organization_id: s.organizationId,
      patient_id: s.patientId,
      program_code: s.program.code,
      program_version: s.program.version,
      encounter_id: s.encounterId,
      case_id: opened.id,
      origin: JSON.stringify(s.origin),
      status: 'active',
      status_reason: null,
      priority: s.priority,
      started_at: s.startedAt.toISOString(),
      contact_due_at: firstContact?.dueAt ?? null,
      first_contact_at: null,
      ended_at: null,
      version: 1,
    };
    await trx.insertInto('follow_up_plans').values(plan).execute();
    if (tasks.length)
      await trx
        .insertInto('follow_up_tasks')
        .values(
          tasks.map((t) => ({
            id: timeOrderedId(),
            plan_id: planId,
            organization_id: s.organizationId,
            step_key: t.stepKey,
            occurrence: t.occurrence,
            kind: t.kind satisfies FollowUpStepKind,
            required: t.required ? 1 : 0,
            status: 'ready' as const,
            status_reason: null,
            is_open: 1,
            due_at: t.dueAt,
            assignee_id: opened.assigneeId,
            unanswered_attempts: 0,
            escalated_at: null,
            referral: null,
            completed_at: null,
            updated_at: now,
            version: 1,
          })),
        )
        .execute();
    await s.audit.inTransaction(trx, {
      action: 'create',
      patientId: s.patientId,
      resourceType: 'CarePlan',
      resourceId: planId,
      detail: JSON.stringify({
        program: s.program.code,
        version: s.program.version,
        tasks: tasks.length,
      }),
    });
    return plan;
  }

  /**
   * Cancels plans with their open tasks and resolves their cases: a cancelled discharge or
   * admission (A13, A11; standards brief §3 trigger rule 3), or a death (rule 2).
   */
  async cancelIn(
    trx: Kysely<Schema>,
    plans: readonly PlanRow[],
    reason: string,
    audit: RequestAudit,
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    for (const plan of plans) {
      await updatePlanRow(trx, plan, { status: 'cancelled', status_reason: reason, ended_at: now });
      await trx
        .updateTable('follow_up_tasks')
        .set({ status: 'cancelled', status_reason: reason, is_open: 0, updated_at: now })
        .where('plan_id', '=', plan.id)
        .where('is_open', '=', 1)
        .execute();
      if (plan.case_id)
        await this.deps.cases.recordInTransaction(
          trx,
          plan.organization_id,
          plan.case_id,
          {
            event: { kind: 'follow-up-cancelled', data: { planId: plan.id, reason } },
            status: 'resolved',
          },
          audit,
        );
      await audit.inTransaction(trx, {
        action: 'update',
        patientId: plan.patient_id,
        resourceType: 'CarePlan',
        resourceId: plan.id,
        detail: JSON.stringify({ status: 'cancelled', reason }),
      });
    }
  }

  /** Enrols a patient in a program by hand (chronic care, or any program staff choose). */
  async enrol(
    organizationId: string,
    patientId: string,
    code: string,
    audit: RequestAudit,
  ): Promise<PlanRow> {
    const { db } = this.deps.database;
    const program = await this.deps.programs.get(organizationId, code);
    if (!program.active)
      throw new DomainError('conflict', 'followUp.program.retired', 'The program is retired.');
    const startedAt = this.deps.clock.now();
    try {
      const plan = await db.transaction().execute((trx) =>
        this.startIn(trx, {
          organizationId,
          patientId,
          program: { ...program, code },
          encounterId: null,
          origin: { kind: 'manual', by: actorOf(audit.ctx).id },
          priority: 'routine',
          startedAt,
          channel: 'phone',
          audit,
        }),
      );
      if (plan) return plan;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    throw new DomainError(
      'conflict',
      'followUp.plan.alreadyActive',
      'The patient already has an active plan in this program.',
    );
  }
}
