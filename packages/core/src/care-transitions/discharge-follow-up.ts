import { isExpiredDisposition, isTransferDisposition, TABLE_0112 } from './discharge-disposition';

/** What an A03 discharge tells a follow-up program (standards brief §3, trigger rule). */
export interface DischargeFacts {
  /** PID-30 = Y or a PID-29 death time. */
  patientDeceased: boolean;
  /** PV1-36 read as table 0112, null when absent or unrecognised. */
  dispositionCode: string | null;
  /** PV1-37 (discharged-to location), as sent. */
  destination: string | null;
}

export type FollowUpReason =
  | 'routine'
  | 'patient-deceased'
  | 'disposition-expired'
  | 'transferred'
  | 'still-in-care'
  | 'against-medical-advice';

export interface FollowUpDecision {
  action: 'follow-up' | 'suppress';
  reason: FollowUpReason;
  /** `high` when outreach should come first (AMA); `routine` otherwise. */
  priority: 'routine' | 'high';
  /** Why, for the people who review it. */
  detail: string;
}

/**
 * Whether a discharge should start post-discharge outreach (standards brief §3, trigger
 * rule 2): never to a deceased patient (PID-30 = Y, PV1-36 20/40–42); not by this
 * program when the patient went on to another hospital or is still in care (02, 05, 09,
 * 30: the receiving provider follows up); first, when the patient left against medical
 * advice (07). Plans and tasks are built from this decision elsewhere.
 */
export function dischargeFollowUp(facts: DischargeFacts): FollowUpDecision {
  const code = facts.dispositionCode;
  const meaning = code ? (TABLE_0112[code] ?? code) : '';
  if (facts.patientDeceased) {
    return suppress('patient-deceased', 'The patient is recorded as deceased (PID-30).');
  }
  if (isExpiredDisposition(code)) {
    return suppress('disposition-expired', `Discharge disposition ${code}: ${meaning}.`);
  }
  if (code === '30' || code === '09') {
    return suppress('still-in-care', `Discharge disposition ${code}: ${meaning}.`);
  }
  if (isTransferDisposition(code)) {
    const to = facts.destination ? ` to ${facts.destination}` : '';
    return suppress('transferred', `Discharge disposition ${code}: ${meaning}${to}.`);
  }
  if (code === '07') {
    return {
      action: 'follow-up',
      reason: 'against-medical-advice',
      priority: 'high',
      detail: 'The patient left against medical advice (PV1-36 07).',
    };
  }
  return {
    action: 'follow-up',
    reason: 'routine',
    priority: 'routine',
    detail: code ? `Discharge disposition ${code}: ${meaning}.` : 'No discharge disposition sent.',
  };
}

function suppress(reason: FollowUpReason, detail: string): FollowUpDecision {
  return { action: 'suppress', reason, priority: 'routine', detail };
}
