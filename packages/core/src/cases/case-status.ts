import { DomainError } from '../shared/domain-error';
import type { CaseStatus } from './case';

/**
 * Where staff may move a case from each status (issue #5 §1: new → open →
 * pending-patient / pending-third-party → resolved → closed). Closed is final: a patient
 * who writes after that gets a new case linked to the old one.
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open', 'pending-patient', 'pending-third-party', 'resolved'],
  open: ['pending-patient', 'pending-third-party', 'resolved'],
  'pending-patient': ['open', 'pending-third-party', 'resolved'],
  'pending-third-party': ['open', 'pending-patient', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function requireMove(from: CaseStatus, to: CaseStatus): void {
  if (!canMove(from, to))
    throw new DomainError(
      'conflict',
      'case.status.not-allowed',
      `A ${from} case cannot become ${to}.`,
    );
}

/** What a patient's reply does to their case. */
export type PatientReplyEffect =
  { kind: 'keep' } | { kind: 'reopen'; to: 'open' } | { kind: 'follow-up-case' };

/**
 * A patient's reply wakes a case waiting on them; one on a case resolved or closed within
 * the reopen window reopens it; later, it starts a new case that links back, so a
 * months-old thread is not silently revived in someone's queue.
 */
export function patientReplyEffect(
  status: CaseStatus,
  resolvedAt: string | null,
  now: Date,
  reopenWindowDays: number,
): PatientReplyEffect {
  switch (status) {
    case 'new':
    case 'open':
    case 'pending-third-party':
      return { kind: 'keep' };
    case 'pending-patient':
      return { kind: 'reopen', to: 'open' };
    case 'resolved':
    case 'closed': {
      const since = resolvedAt ? now.getTime() - Date.parse(resolvedAt) : Infinity;
      return since <= reopenWindowDays * 86_400_000
        ? { kind: 'reopen', to: 'open' }
        : { kind: 'follow-up-case' };
    }
  }
}
