/**
 * A case: one question or request from a patient (or an unidentified caller), owned by
 * someone until it is done. Exported to FHIR as a Task (https://hl7.org/fhir/R4/task.html)
 * with its messages as Communications.
 */

/** Where the request came in. */
export const CASE_CHANNELS = [
  'portal',
  'email',
  'phone',
  'sms',
  'walk-in',
  'nurse-line',
  'hl7',
  'api',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/**
 * Built-in categories. Administrators may add more (case_categories table), so a
 * category on a case is a code string; these are the ones every organization starts with.
 */
export const BUILT_IN_CASE_CATEGORIES = [
  'claim-help',
  'reimbursement-form',
  'refill',
  'test-arrangement',
  'procedure-scheduling',
  'device-help',
  'billing-question',
  'billing-dispute',
  'financial-assistance',
  'discharge-follow-up',
  'complaint',
  'general',
] as const;
export type BuiltInCaseCategory = (typeof BUILT_IN_CASE_CATEGORIES)[number];

/** FHIR request-priority codes, most to least urgent last (http://hl7.org/fhir/request-priority). */
export const CASE_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const CASE_STATUSES = [
  'new',
  'open',
  'pending-patient',
  'pending-third-party',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case still needs work from staff or someone else. */
export const ACTIVE_CASE_STATUSES: readonly CaseStatus[] = [
  'new',
  'open',
  'pending-patient',
  'pending-third-party',
];

/** The SLA clock stops while the case waits on the patient (issue #5 §2). */
export function slaPaused(status: CaseStatus): boolean {
  return status === 'pending-patient';
}

/** The higher of two priorities (stat > asap > urgent > routine). */
export function morePressing(a: CasePriority, b: CasePriority): CasePriority {
  return CASE_PRIORITIES.indexOf(a) >= CASE_PRIORITIES.indexOf(b) ? a : b;
}

/** The next priority up, for breach escalation; stat stays stat. */
export function raisedPriority(p: CasePriority): CasePriority {
  return CASE_PRIORITIES[Math.min(CASE_PRIORITIES.indexOf(p) + 1, CASE_PRIORITIES.length - 1)]!;
}
