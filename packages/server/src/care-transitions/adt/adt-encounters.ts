/**
 * Encounters as ADT events keep them: one record per visit, keyed by the visit number
 * PV1-19 with its authority, or, when the sender has none, by the patient and the admit
 * time PV1-44 (standards brief §3, trigger rule 6: the same PV1-19 with the same PV1-45
 * changes nothing). The record says which HL7 message last changed it.
 */
import { randomUUID } from 'node:crypto';
import {
  applyVisitEvent,
  DomainError,
  dischargeFollowUp,
  TABLE_0112_SYSTEM,
  type Encounter,
  type FollowUpDecision,
  type Patient,
  type VisitEvent,
  type VisitFacts,
  type VisitState,
} from '@caredesk/core';
import type { Kysely } from 'kysely';
import { clinicalListColumns } from '../../storage/clinical/clinical-lists';
import { contentHash, parseDoc } from '../../storage/json';
import { writeDocuments } from '../../storage/registry-import/document-writer';
import type { Schema } from '../../storage/schema';
import type { Cx } from './hl7-values';
import { invalid } from './hl7-values';
import { locationText } from './pv1';

/** What CareDesk's Encounter has no field for, kept beside it on the same document. */
export interface Hl7VisitDoc {
  visitNumberSystem: string | null;
  patientClass: string | null;
  location: VisitState['location'];
  locationText: string | null;
  admitType: string | null;
  attending: VisitState['attending'];
  service: string | null;
  disposition: VisitState['disposition'];
  destination: VisitState['destination'];
  /** Set on discharge: what a follow-up program should do (standards brief §3 rule 2). */
  followUp: FollowUpDecision | null;
  lastEvent: string;
  /** The stored HL7 message (hl7_messages.id) that last changed this record. */
  lastMessageId: string;
}

export type AdtEncounter = Encounter & { hl7: Hl7VisitDoc };

function stateOf(doc: AdtEncounter): VisitState {
  return {
    status: doc.status,
    classCode: doc.classCode,
    patientClass: doc.hl7.patientClass,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    location: doc.hl7.location,
    admitType: doc.hl7.admitType,
    attending: doc.hl7.attending,
    service: doc.hl7.service,
    disposition: doc.hl7.disposition,
    destination: doc.hl7.destination,
  };
}

interface StoredVisit {
  id: string;
  /** The column, which a merge moves; the document's copy may name the merged record. */
  patientId: string;
  doc: AdtEncounter;
  hash: string;
}

/**
 * The stored visit: by visit number; else by the patient and admit time; else (a discharge
 * or transfer that names neither) the patient's latest visit that was keyed by admit time.
 */
async function findVisit(
  trx: Kysely<Schema>,
  organizationId: string,
  sourceKey: string | null,
  patientId: string,
  admittedAt: string | null,
): Promise<StoredVisit | null> {
  let q = trx.selectFrom('encounters').select(['id', 'patient_id', 'data', 'content_hash']);
  if (sourceKey) q = q.where('source_key', '=', sourceKey);
  else {
    q = q
      .where('patient_id', '=', patientId)
      .where('source_key', 'like', `hl7v2:${organizationId}:admit:%`);
    q = admittedAt
      ? q.where('period_start', '=', admittedAt)
      : q.orderBy('period_start', 'desc').orderBy('id', 'desc').limit(1);
  }
  const row = await q.executeTakeFirst();
  return row
    ? {
        id: row.id,
        patientId: row.patient_id,
        doc: parseDoc<AdtEncounter>(row.data),
        hash: row.content_hash,
      }
    : null;
}

export interface VisitChange {
  encounter: AdtEncounter | null;
  change: 'created' | 'updated' | 'unchanged' | 'none';
}

/**
 * Applies one ADT event to the patient's visit and stores the result. A visit that cannot
 * be identified (no PV1-19, no PV1-44) is AE for events that would create one.
 */
export async function recordVisitEvent(
  trx: Kysely<Schema>,
  input: {
    organizationId: string;
    patient: Patient;
    event: VisitEvent;
    facts: VisitFacts;
    visitNumber: Cx | null;
    messageId: string;
    trigger: string;
    now: string;
  },
): Promise<VisitChange> {
  const { organizationId, patient, visitNumber } = input;
  // An admit without PV1-44 began when the event happened (EVN-6, else EVN-2).
  const opening = input.event === 'admit' || input.event === 'register';
  const facts = {
    ...input.facts,
    admittedAt: input.facts.admittedAt ?? (opening ? input.facts.eventAt : null),
  };
  const sourceKey = visitNumber
    ? `hl7v2:${organizationId}:visit:${visitNumber.system}|${visitNumber.value}`
    : null;
  const found = await findVisit(trx, organizationId, sourceKey, patient.id, facts.admittedAt);
  if (found && found.patientId !== patient.id) {
    // Another patient's visit (a reused number, or a merge CareDesk has not been sent yet):
    // moving it silently could put one person's discharge on another's record.
    throw new DomainError(
      'conflict',
      'hl7.adt.visitOfAnotherPatient',
      `PV1-19: visit ${visitNumber?.value ?? ''} belongs to another patient in CareDesk; send the A40 merge first or correct the visit number, then replay.`,
    );
  }
  const next = applyVisitEvent(found ? stateOf(found.doc) : null, input.event, facts);
  if (!next) return { encounter: null, change: 'none' };
  if (!found && !sourceKey && !next.periodStart) {
    throw invalid(
      'noVisit',
      'PV1-19 holds no visit number, PV1-44 no admit time, and no earlier visit of the patient is on file; the visit cannot be identified.',
    );
  }
  const finished = next.status === 'finished';
  const disposition = next.disposition;
  const doc: AdtEncounter = {
    id: found?.id ?? randomUUID(),
    patientId: patient.id,
    status: next.status,
    classCode: next.classCode,
    types: found?.doc.types ?? [],
    reasons: found?.doc.reasons ?? [],
    periodStart: next.periodStart,
    periodEnd: next.periodEnd,
    practitionerId: found?.doc.practitionerId ?? null,
    locationId: found?.doc.locationId ?? null,
    serviceProviderId: found?.doc.serviceProviderId ?? null,
    dischargeDisposition: disposition
      ? {
          system: disposition.code ? TABLE_0112_SYSTEM : null,
          code: disposition.code ?? disposition.text,
          display: disposition.text,
        }
      : null,
    visitNumber: visitNumber?.value ?? found?.doc.visitNumber ?? null,
    hl7: {
      visitNumberSystem: visitNumber?.system ?? found?.doc.hl7.visitNumberSystem ?? null,
      patientClass: next.patientClass,
      location: next.location,
      locationText: locationText(next.location),
      admitType: next.admitType,
      attending: next.attending,
      service: next.service,
      disposition,
      destination: next.destination,
      followUp: finished
        ? dischargeFollowUp({
            patientDeceased: patient.deceased,
            dispositionCode: disposition?.code ?? null,
            destination: next.destination?.display ?? next.destination?.code ?? null,
          })
        : null,
      // Compared with what is stored before the message is named, so a re-delivery is a no-op.
      lastEvent: found?.doc.hl7.lastEvent ?? input.trigger,
      lastMessageId: found?.doc.hl7.lastMessageId ?? input.messageId,
    },
  };
  if (found && contentHash(doc) === found.hash)
    return { encounter: found.doc, change: 'unchanged' };
  doc.hl7.lastEvent = input.trigger;
  doc.hl7.lastMessageId = input.messageId;
  const key = sourceKey ?? `hl7v2:${organizationId}:admit:${patient.id}@${next.periodStart}`;
  await writeDocuments(
    trx,
    'encounters',
    [{ ...doc, source: { entryIndex: -1, sourceKey: key } }],
    input.now,
    (e) => ({ patient_id: e.patientId, ...clinicalListColumns.encounter(e) }),
  );
  return { encounter: doc, change: found ? 'updated' : 'created' };
}
