import {
  CONTACT_STEP_KINDS,
  isUnanswered,
  type CallOutcome,
  type FollowUpStepKind,
  type StepEscalation,
} from './program';

/** FHIR Task statuses a follow-up task moves through (https://hl7.org/fhir/R4/valueset-task-status.html). */
export const FOLLOW_UP_TASK_STATUSES = ['ready', 'in-progress', 'completed', 'cancelled'] as const;
export type FollowUpTaskStatus = (typeof FOLLOW_UP_TASK_STATUSES)[number];

export const PLAN_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export function isTaskOpen(status: FollowUpTaskStatus): boolean {
  return status === 'ready' || status === 'in-progress';
}

export interface CallEffect {
  status: FollowUpTaskStatus;
  /** Why a task ended without being done, as FHIR Task.statusReason. */
  statusReason: string | null;
  unansweredAttempts: number;
  /** This call reached the escalation threshold: tell supervisors, write to the patient. */
  escalate: boolean;
  /** Someone was reached and spoke with staff: an interactive contact (TCM). */
  interactiveContact: boolean;
}

/**
 * What one recorded call does to its task (issue #6 point 5). Reached completes the step;
 * declined ends it (the patient said no: that is an answer, and a contact); no answer,
 * left message and wrong number count towards the step's escalation, which fires once,
 * on the attempt that reaches its threshold. The task stays open for more attempts.
 */
export function afterCall(
  task: { kind: FollowUpStepKind; unansweredAttempts: number; escalatedAt: string | null },
  outcome: CallOutcome,
  escalation: StepEscalation | null,
): CallEffect {
  if (!CONTACT_STEP_KINDS.includes(task.kind))
    throw new RangeError(`calls are not recorded on ${task.kind} steps`);
  if (outcome === 'reached')
    return {
      status: 'completed',
      statusReason: null,
      unansweredAttempts: task.unansweredAttempts,
      escalate: false,
      interactiveContact: true,
    };
  if (outcome === 'declined')
    return {
      status: 'cancelled',
      statusReason: 'patient-declined',
      unansweredAttempts: task.unansweredAttempts,
      escalate: false,
      interactiveContact: true,
    };
  const attempts = task.unansweredAttempts + (isUnanswered(outcome) ? 1 : 0);
  return {
    status: 'in-progress',
    statusReason: null,
    unansweredAttempts: attempts,
    escalate:
      escalation !== null &&
      task.escalatedAt === null &&
      attempts >= escalation.afterUnansweredAttempts,
    interactiveContact: false,
  };
}

/** A plan is complete when none of its required tasks is still open. */
export function planComplete(
  tasks: ReadonlyArray<{ required: boolean; status: FollowUpTaskStatus }>,
) {
  return !tasks.some((t) => t.required && isTaskOpen(t.status));
}

/** Referral states, request to the provider's confirmation (issue #6 point 5). */
export const REFERRAL_STATES = ['requested', 'sent', 'accepted', 'confirmed', 'declined'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
