import type { FirstClassLanguage } from '../../patients/language';

/**
 * A follow-up program as data (issue #6 point 4): what starts it, the steps staff work
 * with their due times in business days, what each step's script and checklist say in
 * every language, when unanswered calls escalate, and which steps must be done before the
 * plan is complete. Programs are versioned: a plan keeps the version it started under, so
 * editing a program never changes work already under way.
 */

/** Text in every language CareDesk ships (product brief §11). */
export type Localized = Record<FirstClassLanguage, string>;

export const FOLLOW_UP_STEP_KINDS = [
  'call',
  'check-in',
  'medication-review',
  'adherence-check',
  'home-health',
  'transport',
  'physical-therapy',
  'claim-check',
  'lab-reminder',
  'device-refresher',
  'survey',
  'education',
  'caregiver-guidance',
] as const;
export type FollowUpStepKind = (typeof FOLLOW_UP_STEP_KINDS)[number];

/** Steps worked by reaching the patient (or, within consent, their caregiver): call outcomes apply. */
export const CONTACT_STEP_KINDS: readonly FollowUpStepKind[] = [
  'call',
  'check-in',
  'medication-review',
  'adherence-check',
  'device-refresher',
  'caregiver-guidance',
];

/** Steps that arrange a service elsewhere: tracked from request to the provider's confirmation. */
export const REFERRAL_STEP_KINDS: readonly FollowUpStepKind[] = [
  'home-health',
  'transport',
  'physical-therapy',
];

/**
 * What starts a plan. Discharge: an A03 whose PV1-2 patient class is listed (empty: any)
 * and whose disposition (table 0112) is not excluded (standards brief §3, trigger rule 1);
 * visit-end: the end of an outpatient visit; enrolment: a patient enrolled in a chronic
 * program; manual: staff start it for a patient.
 */
export type ProgramTrigger =
  | { kind: 'discharge'; patientClasses: string[]; excludeDispositions: string[] }
  | { kind: 'visit-end'; patientClasses: string[] }
  | { kind: 'enrolment' }
  | { kind: 'manual' };

export type EscalationLetterKind = 'portal-message' | 'letter';

/**
 * After this many unanswered attempts (no answer, left message, wrong number), the
 * supervisors are told and the patient is written to in their language, through the
 * portal or by a letter staff print and post.
 */
export interface StepEscalation {
  afterUnansweredAttempts: number;
  notifySupervisor: boolean;
  send: EscalationLetterKind | null;
  message: Localized | null;
}

export interface ProgramStep {
  /** Stable within the program: [a-z0-9-], unique. */
  key: string;
  kind: FollowUpStepKind;
  title: Localized;
  /** What staff say or do. */
  script: Localized;
  checklist: Localized[];
  /** Due at the close of this many business days after the plan starts (0 = the same day). */
  dueBusinessDays: number;
  /** Periodic steps (check-ins, A1c reminders): repeated every `everyDays` calendar days. */
  repeat: { everyDays: number; times: number } | null;
  /** The plan completes when every required step is completed or cancelled. */
  required: boolean;
  escalation: StepEscalation | null;
  /** Caregiver guidance happens only with the patient's consent for care plans. */
  needsCaregiverConsent: boolean;
  /** Education: the knowledge-base article to send; null lets staff choose one when sending. */
  articleId: string | null;
}

export interface FollowUpProgram {
  /** [a-z0-9-], stable across versions. */
  code: string;
  name: Localized;
  description: Localized;
  trigger: ProgramTrigger;
  /** The service-desk category of the case the plan opens. */
  caseCategory: string;
  steps: ProgramStep[];
}

export const MAX_PROGRAM_STEPS = 30;
export const MAX_CHECKLIST_ITEMS = 15;
export const MAX_REPEATS = 24;
export const MAX_LOCALIZED_LENGTH = 4000;
export const MAX_DUE_BUSINESS_DAYS = 260;

/** Call outcomes (issue #6 point 5), recorded as communications. */
export const CALL_OUTCOMES = [
  'reached',
  'no-answer',
  'left-message',
  'wrong-number',
  'declined',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Outcomes that count as an unanswered attempt towards a step's escalation. */
export function isUnanswered(outcome: CallOutcome): boolean {
  return outcome === 'no-answer' || outcome === 'left-message' || outcome === 'wrong-number';
}
