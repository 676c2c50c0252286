/**
 * What ADT events do to follow-up plans (issue #6 points 3–4; standards brief §3 trigger
 * rules 1–3 and 5), inside the transaction of the HL7 message, so its AA covers the plan:
 * - A03 starts the discharge programs the visit matches (and, for an outpatient visit, the
 *   visit-end ones), unless the discharge decision suppressed outreach (death, transfer,
 *   still in care); left against medical advice raises the priority.
 * - A13 (cancel discharge) and A11 (cancel admit) cancel the visit's plans; a later A03
 *   starts them again, once: one active plan per visit and program.
 * - A patient recorded as deceased has every active plan cancelled: no outreach.
 * - A40 moves active plans to the surviving patient.
 */
import type { Patient, PlanStartEvent, VisitEvent } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { systemAudit } from '../../access/request-audit';
import type { AuditSink } from '../../audit/audit-sink';
import { activePlansOf } from '../../storage/care-transitions/follow-up-store';
import type { Schema } from '../../storage/schema';
import type { AdtEncounter } from '../adt/adt-encounters';
import type { Hl7Context } from '../hl7-inbox';
import type { FollowUpPlans } from './follow-up-plans';
import type { FollowUpPrograms } from './follow-up-programs';

export interface AdtFollowUp {
  afterEvent(
    trx: Kysely<Schema>,
    ctx: Hl7Context,
    e: {
      trigger: string;
      patient: Patient;
      visit: VisitEvent | null;
      encounter: AdtEncounter | null;
    },
  ): Promise<void>;
  afterMerge(trx: Kysely<Schema>, ctx: Hl7Context, fromId: string, intoId: string): Promise<void>;
}

/** PV1-2 classes whose A03 ends an outpatient visit (table 0004: O outpatient, R recurring). */
const OUTPATIENT = new Set(['O', 'R']);

export function adtFollowUp(deps: {
  plans: FollowUpPlans;
  programs: FollowUpPrograms;
  audit: AuditSink;
}): AdtFollowUp {
  const auditOf = (ctx: Hl7Context) =>
    systemAudit(deps.audit, {
      name: 'HL7 ADT feed',
      organizationId: ctx.organizationId,
      now: ctx.receivedAt,
    });

  return {
    async afterEvent(trx, ctx, { trigger, patient, visit, encounter }) {
      const org = ctx.organizationId;
      if (patient.deceased) {
        const plans = await activePlansOf(trx, org, { patientId: patient.id });
        if (plans.length) await deps.plans.cancelIn(trx, plans, 'patient-deceased', auditOf(ctx));
        return;
      }
      if (!encounter) return;
      if (visit === 'cancel-discharge' || visit === 'cancel-admit') {
        const plans = await activePlansOf(trx, org, { encounterId: encounter.id });
        const reason = visit === 'cancel-discharge' ? 'discharge-cancelled' : 'admission-cancelled';
        if (plans.length) await deps.plans.cancelIn(trx, plans, reason, auditOf(ctx));
        return;
      }
      const decision = encounter.hl7.followUp;
      if (visit !== 'discharge' || encounter.status !== 'finished' || !decision) return;
      if (decision.action === 'suppress') return; // the reason is on the encounter
      const patientClass = encounter.hl7.patientClass?.trim().toUpperCase() ?? null;
      const events: PlanStartEvent[] = [
        {
          kind: 'discharge',
          patientClass,
          dispositionCode: encounter.hl7.disposition?.code ?? null,
        },
      ];
      if (patientClass && OUTPATIENT.has(patientClass))
        events.push({ kind: 'visit-end', patientClass });
      const audit = auditOf(ctx);
      const startedAt = new Date(encounter.periodEnd ?? ctx.receivedAt.toISOString());
      for (const event of events)
        for (const program of await deps.programs.startedBy(trx, org, event))
          await deps.plans.startIn(trx, {
            organizationId: org,
            patientId: patient.id,
            program,
            encounterId: encounter.id,
            origin: {
              event: `ADT^${trigger}`,
              hl7MessageId: ctx.messageId,
              reason: decision.reason,
            },
            priority: decision.priority === 'high' ? 'urgent' : 'routine',
            startedAt,
            channel: 'hl7',
            audit,
          });
    },

    async afterMerge(trx, ctx, fromId, intoId) {
      const org = ctx.organizationId;
      const moving = await activePlansOf(trx, org, { patientId: fromId });
      if (moving.length === 0) return;
      const kept = await activePlansOf(trx, org, { patientId: intoId });
      // An enrolment the survivor already has would be a second active one: end it instead.
      const twice = moving.filter(
        (p) =>
          !p.encounter_id && kept.some((k) => !k.encounter_id && k.program_code === p.program_code),
      );
      if (twice.length) await deps.plans.cancelIn(trx, twice, 'patient-merged', auditOf(ctx));
      await trx
        .updateTable('follow_up_plans')
        .set({ patient_id: intoId })
        .where('organization_id', '=', org)
        .where('patient_id', '=', fromId)
        .where('status', '=', 'active')
        .execute();
    },
  };
}
