import type { PlanStatus } from './task-progress';

/**
 * Follow-up metrics for supervisors (issue #6 point 6): of the discharges in a period, how
 * many were contacted within 2 business days, how many plans were completed, how long the
 * first contact took, and how many patients came back within 30 days — overall, by program
 * and by team. Pure: the server gathers the facts, this counts them.
 *
 * Cancelled plans are counted (`cancelled`) but left out of every denominator: a plan is
 * cancelled when the discharge was undone (A13), the admission cancelled (A11), the patient
 * died or the record was merged away (see server adt-follow-up). None of those is a
 * discharge the team owed a call, so counting them would punish the team for events it
 * had no part in (and a death is excluded from readmission measures as well).
 */

/** One plan started by a discharge, with what the metrics need of it. */
export interface PlanFacts {
  programCode: string;
  /** The team of the plan's case; null when the case has none (or there is no case). */
  teamId: string | null;
  status: PlanStatus;
  /** The discharge time the plan counts from (ISO). */
  startedAt: string;
  /** Due time of the first contact step: 2 business days after discharge for discharges. */
  contactDueAt: string | null;
  /** When the patient (or caregiver) was first reached or declined. */
  firstContactAt: string | null;
  /**
   * Readmission facts, or null when the discharged visit was not an inpatient or
   * emergency stay (an outpatient visit ending is not an index stay for readmissions).
   */
  stay: { dischargedAt: string; readmittedAt: string | null } | null;
}

export interface FollowUpMetrics {
  /** Plans started by a discharge in the period, cancelled ones excluded. */
  discharges: number;
  /** Cancelled plans in the period (in no denominator). */
  cancelled: number;
  contact: {
    /** Discharges whose contact due time has passed, or that were contacted already. */
    due: number;
    /** Of those, first contacted at or before the due time. */
    within: number;
    share: number | null;
  };
  completion: { completed: number; share: number | null };
  timeToFirstContact: {
    /** Discharges with a first contact: the sample the hours are taken over. */
    contacted: number;
    medianHours: number | null;
    p90Hours: number | null;
  };
  readmission: {
    /** Inpatient or emergency stays whose 30 days are over, or that were readmitted. */
    indexStays: number;
    readmitted: number;
    rate: number | null;
  };
}

export const READMISSION_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Encounter classes (v3 ActCode) a stay or readmission counts for: inpatient (IMP, and its
 * ACUTE / NONAC specialisations a FHIR import may carry) and emergency (EMER). ADT maps
 * PV1-2 I and B to IMP and E to EMER (visit-events encounterClassFor).
 */
export const READMISSION_CLASSES: readonly string[] = ['IMP', 'ACUTE', 'NONAC', 'EMER'];

/** An encounter of the same patient, as the readmission search sees it. */
export interface LaterEncounter {
  id: string;
  classCode: string;
  status: string;
  periodStart: string | null;
}

/**
 * The first inpatient or emergency admission after a discharge, within 30 days of it
 * (an A01 after an A03): admitted strictly after the discharge instant and no later than
 * 30 × 24 hours after it. The discharged visit itself, cancelled admissions (A11) and
 * records entered in error do not count.
 */
export function readmissionAfter(
  discharge: { encounterId: string; dischargedAt: string },
  encounters: readonly LaterEncounter[],
): string | null {
  const from = Date.parse(discharge.dischargedAt);
  const until = from + READMISSION_DAYS * DAY_MS;
  let first: number | null = null;
  for (const e of encounters) {
    if (e.id === discharge.encounterId || !e.periodStart) continue;
    if (e.status === 'cancelled' || e.status === 'entered-in-error') continue;
    if (!READMISSION_CLASSES.includes(e.classCode)) continue;
    const at = Date.parse(e.periodStart);
    if (at > from && at <= until && (first === null || at < first)) first = at;
  }
  return first === null ? null : new Date(first).toISOString();
}

/**
 * The p-quantile (0 < p ≤ 1) of sorted values by nearest rank: a value someone really
 * waited, never an interpolation between two patients. The median is the mean of the two
 * middle values for an even count, as people expect a median to be.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p === 0.5 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * The metrics over a set of plans as of `now`. A plan whose contact is not due yet and
 * has not happened is undecided and left out of the contact share (it may still be made
 * in time); likewise a stay whose 30 days are not over and that has no readmission yet.
 * Completion is over every discharge: an active plan is not (yet) completed.
 */
export function followUpMetrics(plans: readonly PlanFacts[], now: Date): FollowUpMetrics {
  const t = now.getTime();
  let discharges = 0;
  let cancelled = 0;
  let due = 0;
  let within = 0;
  let completed = 0;
  let indexStays = 0;
  let readmitted = 0;
  const hours: number[] = [];
  for (const p of plans) {
    if (p.status === 'cancelled') {
      cancelled++;
      continue;
    }
    discharges++;
    if (p.status === 'completed') completed++;
    if (p.contactDueAt) {
      const dueAt = Date.parse(p.contactDueAt);
      const contactAt = p.firstContactAt ? Date.parse(p.firstContactAt) : null;
      if (contactAt !== null || dueAt <= t) {
        due++;
        // Exactly at the due instant is in time: the step is due "by" then.
        if (contactAt !== null && contactAt <= dueAt) within++;
      }
    }
    if (p.firstContactAt)
      hours.push((Date.parse(p.firstContactAt) - Date.parse(p.startedAt)) / HOUR_MS);
    if (p.stay) {
      const over = Date.parse(p.stay.dischargedAt) + READMISSION_DAYS * DAY_MS <= t;
      if (p.stay.readmittedAt || over) {
        indexStays++;
        if (p.stay.readmittedAt) readmitted++;
      }
    }
  }
  hours.sort((a, b) => a - b);
  return {
    discharges,
    cancelled,
    contact: { due, within, share: ratio(within, due) },
    completion: { completed, share: ratio(completed, discharges) },
    timeToFirstContact: {
      contacted: hours.length,
      medianHours: tenth(quantile(hours, 0.5)),
      p90Hours: tenth(quantile(hours, 0.9)),
    },
    readmission: { indexStays, readmitted, rate: ratio(readmitted, indexStays) },
  };
}

export interface MetricsGroup extends FollowUpMetrics {
  /** The program code or team id; null: plans whose case has no team. */
  key: string | null;
}

/** The metrics per value of `keyOf`, largest group first, then by key. */
export function followUpMetricsBy(
  plans: readonly PlanFacts[],
  keyOf: (p: PlanFacts) => string | null,
  now: Date,
): MetricsGroup[] {
  const groups = new Map<string | null, PlanFacts[]>();
  for (const p of plans) {
    const key = keyOf(p);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups]
    .map(([key, list]) => ({ key, ...followUpMetrics(list, now) }))
    .sort(
      (a, b) =>
        b.discharges + b.cancelled - (a.discharges + a.cancelled) ||
        (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
    );
}
