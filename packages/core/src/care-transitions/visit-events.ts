import type { EncounterStatus } from '../clinical/clinical';
import type { Disposition } from './discharge-disposition';

/**
 * A visit as HL7 v2 ADT events shape it (standards brief §3): what the encounter record
 * holds after each event. Pure: the server reads PV1/EVN into `VisitFacts` and stores the
 * resulting `VisitState`; this file decides how one event changes a visit.
 */

/** PV1-3 (PL): where the patient is. */
export interface VisitLocation {
  pointOfCare: string;
  room: string;
  bed: string;
  facility: string;
  building: string;
  floor: string;
}

export interface CodedText {
  code: string;
  display: string | null;
}

export interface VisitPractitioner {
  id: string | null;
  name: string;
}

/** What one ADT message says about the visit; null where the message is silent. */
export interface VisitFacts {
  /** PV1-2, HL7 table 0004 (I, O, E, P, R, B, ...). */
  patientClass: string | null;
  location: VisitLocation | null;
  /** PV1-4, table 0007. */
  admitType: string | null;
  attending: VisitPractitioner | null;
  /** PV1-10. */
  service: string | null;
  /** PV1-44 as an ISO instant. */
  admittedAt: string | null;
  /** PV1-45 as an ISO instant. */
  dischargedAt: string | null;
  /** EVN-6 (event occurred), else EVN-2 (recorded), as an ISO instant. */
  eventAt: string | null;
  disposition: Disposition | null;
  /** PV1-37 (DLD): the discharged-to location. */
  destination: CodedText | null;
}

export interface VisitState {
  status: EncounterStatus;
  /** HL7 v3 ActCode class (encounterClass), from table 0004. */
  classCode: string;
  patientClass: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  location: VisitLocation | null;
  admitType: string | null;
  attending: VisitPractitioner | null;
  service: string | null;
  disposition: Disposition | null;
  destination: CodedText | null;
}

export type VisitEvent =
  | 'admit'
  | 'register'
  | 'transfer'
  | 'discharge'
  | 'cancel-admit'
  | 'cancel-discharge'
  | 'change-class'
  | 'update';

/**
 * Table 0004 patient class → v3 ActCode, as the HL7 v2-to-FHIR PV1[Encounter] map does:
 * E emergency, I inpatient, O outpatient (ambulatory), P preadmit, R recurring (ambulatory),
 * B obstetrics (inpatient). Anything else is unknown (UNK null flavour).
 */
export function encounterClassFor(patientClass: string | null): string {
  const map: Record<string, string> = {
    E: 'EMER',
    I: 'IMP',
    O: 'AMB',
    P: 'PRENC',
    R: 'AMB',
    B: 'IMP',
  };
  return map[(patientClass ?? '').trim().toUpperCase()] ?? 'UNK';
}

function fresh(facts: VisitFacts, status: EncounterStatus): VisitState {
  return {
    status,
    classCode: encounterClassFor(facts.patientClass),
    patientClass: facts.patientClass,
    periodStart: facts.admittedAt,
    periodEnd: null,
    location: facts.location,
    admitType: facts.admitType,
    attending: facts.attending,
    service: facts.service,
    disposition: null,
    destination: null,
  };
}

/** The descriptive fields a message restates; a silent field keeps what was known. */
function restated(current: VisitState, facts: VisitFacts): VisitState {
  const patientClass = facts.patientClass ?? current.patientClass;
  return {
    ...current,
    patientClass,
    classCode: facts.patientClass ? encounterClassFor(patientClass) : current.classCode,
    location: facts.location ?? current.location,
    admitType: facts.admitType ?? current.admitType,
    attending: facts.attending ?? current.attending,
    service: facts.service ?? current.service,
    periodStart: current.periodStart ?? facts.admittedAt,
  };
}

/**
 * The visit after one ADT event, or null when there is no visit to record (a cancel or
 * update for a visit never seen). Rules (standards brief §3):
 * - A01/A04 open the visit (in-progress / arrived) and never reopen a finished or cancelled
 *   one: a late or repeated admit must not undo a discharge.
 * - A02 moves the patient; A06/A07 change the class; A08 restates details but its PV1-45 is
 *   not a discharge (real feeds fill PV1-45 on A04/A08).
 * - A03 finishes it: end = PV1-45, else EVN-6, else EVN-2; disposition PV1-36, destination
 *   PV1-37. A13 undoes that (in-progress, no end); A11 cancels the visit.
 */
export function applyVisitEvent(
  current: VisitState | null,
  event: VisitEvent,
  facts: VisitFacts,
): VisitState | null {
  switch (event) {
    case 'admit':
    case 'register': {
      const opened = event === 'admit' ? 'in-progress' : 'arrived';
      if (!current) return fresh(facts, opened);
      const next = restated(current, facts);
      const reopen = current.status === 'planned' || current.status === 'arrived';
      return { ...next, status: reopen ? opened : current.status };
    }
    case 'transfer':
    case 'change-class':
      return current ? restated(current, facts) : fresh(facts, 'in-progress');
    case 'update':
      return current ? restated(current, facts) : null;
    case 'discharge': {
      const base = current ? restated(current, facts) : fresh(facts, 'in-progress');
      return {
        ...base,
        status: 'finished',
        periodEnd: facts.dischargedAt ?? facts.eventAt ?? base.periodEnd,
        disposition: facts.disposition,
        destination: facts.destination,
      };
    }
    case 'cancel-discharge':
      return current
        ? {
            ...current,
            status: 'in-progress',
            periodEnd: null,
            disposition: null,
            destination: null,
          }
        : null;
    case 'cancel-admit':
      return current ? { ...current, status: 'cancelled' } : null;
  }
}
