/**
 * PV1 and EVN → the facts of a visit (standards brief §3, "Fields to use", which follows
 * the HL7 v2-to-FHIR PV1[Encounter] map): class PV1-2 (table 0004), location PV1-3,
 * admission type PV1-4 (table 0007), attending PV1-7, service PV1-10, visit number PV1-19,
 * disposition PV1-36 (table 0112), destination PV1-37, admit PV1-44, discharge PV1-45,
 * event times EVN-6 / EVN-2.
 */
import { readDisposition, type VisitFacts, type VisitLocation } from '@caredesk/core';
import type { Hl7Message } from '@caredesk/interop/hl7v2';
import { firstInstant, hl7Instant, identifiersOfType, part, type Cx } from './hl7-values';

function location(message: Hl7Message): VisitLocation | null {
  const rep = message.getField('PV1-3')[0];
  const loc: VisitLocation = {
    pointOfCare: part(rep, 1),
    room: part(rep, 2),
    bed: part(rep, 3),
    facility: part(rep, 4),
    building: part(rep, 7),
    floor: part(rep, 8),
  };
  return Object.values(loc).some(Boolean) ? loc : null;
}

/** "Ward 4E, room 12, bed B" for people; the structured parts stay on the record. */
export function locationText(loc: VisitLocation | null): string | null {
  if (!loc) return null;
  const parts = [
    loc.facility,
    loc.building,
    loc.floor,
    loc.pointOfCare,
    loc.room && `room ${loc.room}`,
    loc.bed && `bed ${loc.bed}`,
  ];
  return parts.filter(Boolean).join(', ');
}

function attending(message: Hl7Message): VisitFacts['attending'] {
  const rep = message.getField('PV1-7')[0];
  const name = [part(rep, 6), part(rep, 3), part(rep, 4), part(rep, 2)].filter(Boolean).join(' ');
  const id = part(rep, 1);
  return name || id ? { id: id || null, name } : null;
}

function text(message: Hl7Message, path: string): string | null {
  return message.get(path).trim() || null;
}

/**
 * Everything PV1/EVN say about the visit; times that are not HL7 times are AE. Times sent
 * without an offset are read in `zone` (the organization's).
 */
export function readVisit(message: Hl7Message, zone: string): VisitFacts {
  const disposition = message.getField('PV1-36')[0];
  // PV1-37 is a DLD whose first component is a CWE in subcomponents (code&text&system).
  const destination = message.getField('PV1-37')[0];
  const destinationCode = part(destination, 1, 1);
  const destinationText = part(destination, 1, 2);
  return {
    patientClass: text(message, 'PV1-2'),
    location: location(message),
    admitType: text(message, 'PV1-4'),
    attending: attending(message),
    service: text(message, 'PV1-10'),
    admittedAt: hl7Instant(message.get('PV1-44'), 'PV1-44', zone),
    dischargedAt: hl7Instant(message.get('PV1-45'), 'PV1-45', zone),
    eventAt: firstInstant(message, ['EVN-6', 'EVN-2'], zone),
    disposition: readDisposition({ code: part(disposition, 1), text: part(disposition, 2) }),
    destination:
      destinationCode || destinationText
        ? { code: destinationCode || destinationText, display: destinationText || null }
        : null,
  };
}

/** PV1-19, the visit number (VN), with its authority; null when the sender left it out. */
export function visitNumber(message: Hl7Message): Cx | null {
  const rep = message.getField('PV1-19')[0];
  if (!part(rep, 1)) return null;
  // The type (CX.5) is often missing or AM/VN; any PV1-19 is a visit number by position.
  const typed = identifiersOfType(message, 'PV1-19', part(rep, 5).toUpperCase());
  return typed[0] ?? null;
}
