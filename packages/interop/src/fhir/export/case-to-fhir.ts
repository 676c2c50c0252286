/**
 * A service-desk case as FHIR R4: the case is a Task (https://hl7.org/fhir/R4/task.html)
 * and each message a Communication based on it (https://hl7.org/fhir/R4/communication.html),
 * in a collection Bundle.
 */

export interface CaseForFhir {
  id: string;
  reference: string;
  patientId: string | null;
  status: string;
  priority: string;
  category: string;
  subject: string;
  createdAt: string;
  updatedAt: string;
  ownerName: string | null;
  resolvedAt: string | null;
}

export interface CaseMessageForFhir {
  id: string;
  at: string;
  authorKind: string;
  authorName: string | null;
  visibility: 'public' | 'internal';
  body: string;
}

export const CASE_IDENTIFIER_SYSTEM = 'urn:caredesk:case';
export const CASE_STATUS_SYSTEM = 'urn:caredesk:case-status';
export const CASE_CATEGORY_SYSTEM = 'urn:caredesk:case-category';

/** CareDesk's statuses onto the Task state machine; the exact one rides in businessStatus. */
const TASK_STATUS: Record<string, string> = {
  new: 'requested',
  open: 'in-progress',
  'pending-patient': 'on-hold',
  'pending-third-party': 'on-hold',
  resolved: 'completed',
  closed: 'completed',
};

export function caseToTask(c: CaseForFhir): Record<string, unknown> {
  return {
    resourceType: 'Task',
    id: c.id,
    identifier: [{ system: CASE_IDENTIFIER_SYSTEM, value: c.reference }],
    status: TASK_STATUS[c.status] ?? 'requested',
    businessStatus: { coding: [{ system: CASE_STATUS_SYSTEM, code: c.status }], text: c.status },
    intent: 'order',
    // CareDesk's priorities are the FHIR request-priority codes themselves.
    priority: c.priority,
    code: { coding: [{ system: CASE_CATEGORY_SYSTEM, code: c.category }], text: c.category },
    description: c.subject,
    ...(c.patientId ? { for: { reference: `Patient/${c.patientId}` } } : {}),
    authoredOn: c.createdAt,
    lastModified: c.updatedAt,
    ...(c.ownerName ? { owner: { display: c.ownerName } } : {}),
    ...(c.resolvedAt ? { executionPeriod: { start: c.createdAt, end: c.resolvedAt } } : {}),
  };
}

export function caseMessageToCommunication(
  c: CaseForFhir,
  m: CaseMessageForFhir,
): Record<string, unknown> {
  const fromPatient = m.authorKind === 'patient' || m.authorKind === 'caregiver';
  return {
    resourceType: 'Communication',
    id: m.id,
    basedOn: [{ reference: `Task/${c.id}` }],
    status: 'completed',
    // Internal notes are staff-only: marked so a receiving system does not show them.
    ...(m.visibility === 'internal'
      ? {
          category: [{ coding: [{ system: 'urn:caredesk:visibility', code: 'internal-note' }] }],
        }
      : {}),
    ...(c.patientId ? { subject: { reference: `Patient/${c.patientId}` } } : {}),
    sent: m.at,
    ...(m.authorName ? { sender: { display: m.authorName } } : {}),
    ...(fromPatient && c.patientId ? { sender: { reference: `Patient/${c.patientId}` } } : {}),
    payload: [{ contentString: m.body }],
  };
}

export function caseBundle(
  c: CaseForFhir,
  messages: readonly CaseMessageForFhir[],
  baseUrl: string,
): Record<string, unknown> {
  const task = caseToTask(c);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: c.updatedAt,
    entry: [
      { fullUrl: `${baseUrl}/Task/${c.id}`, resource: task },
      ...messages.map((m) => ({
        fullUrl: `${baseUrl}/Communication/${m.id}`,
        resource: caseMessageToCommunication(c, m),
      })),
    ],
  };
}
