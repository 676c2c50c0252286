/**
 * The ADT events CareDesk takes (issue #6 point 3; standards brief §3), as the HL7 inbox's
 * handler map. Each runs in the transaction that stores the message; a DomainError makes
 * the message AE and keeps it for replay, with nothing it wrote left behind.
 *
 * Events not listed are answered AR 201 by the inbox: A09/A10 (patient tracking), A15/A16
 * and A25–A27 (pending transfer/discharge/admit and their cancels) change no record CareDesk
 * keeps; A29 (delete person), A41 (merge account), A45 (move visit), A47 (change identifier)
 * and A60 (allergies) need handling of their own before CareDesk can accept them.
 */
import { isExpiredDisposition, isTimeZone, type VisitEvent } from '@caredesk/core';
import type { Hl7Message } from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import { systemAudit, type AuditFacts } from '../../access/request-audit';
import type { AuditSink } from '../../audit/audit-sink';
import { parseDoc } from '../../storage/json';
import type { Schema } from '../../storage/schema';
import type { Hl7Context, Hl7Handler, Hl7Handlers } from '../hl7-inbox';
import type { AdtFollowUp } from '../follow-up/adt-follow-up';
import { recordVisitEvent, type AdtEncounter } from './adt-encounters';
import { mergeFromA40 } from './adt-merge';
import { upsertPatient, type RefreshMode } from './adt-patients';
import { invalid } from './hl7-values';
import { recordNextOfKin } from './nk1';
import { readPid, type PidFacts } from './pid';
import { readVisit, visitNumber } from './pv1';

interface EventRule {
  /** How much of PID is written to a patient already on file. */
  refresh: RefreshMode;
  /** What the event does to the visit; null: the patient part only. */
  visit: VisitEvent | null;
}

/** Trigger (MSH-9.2) → what it does. A06/A07 change the class of the visit (brief §3). */
const EVENTS: Readonly<Record<string, EventRule>> = {
  A01: { refresh: 'demographics', visit: 'admit' },
  A04: { refresh: 'demographics', visit: 'register' },
  A08: { refresh: 'demographics', visit: 'update' },
  A02: { refresh: 'death', visit: 'transfer' },
  A03: { refresh: 'death', visit: 'discharge' },
  A06: { refresh: 'death', visit: 'change-class' },
  A07: { refresh: 'death', visit: 'change-class' },
  A11: { refresh: 'death', visit: 'cancel-admit' },
  A13: { refresh: 'death', visit: 'cancel-discharge' },
  // Pre-admit / pending admit and person information: the patient is on file before arrival.
  A05: { refresh: 'demographics', visit: null },
  A14: { refresh: 'demographics', visit: null },
  A28: { refresh: 'demographics', visit: null },
  A31: { refresh: 'demographics', visit: null },
};

export interface AdtOptions {
  /** Country for phone numbers sent without a country code. */
  defaultCountry: string;
  /** Every record the feed writes is audited, as the JSON API's writes are (rule 2). */
  audit: AuditSink;
  /** Follow-up plans the events start, cancel and move (issue #6 point 4). */
  followUp?: AdtFollowUp;
}

/**
 * Audit entries for what one message changed, appended last in its transaction (the
 * PostgreSQL chain-head lock is then held only until commit). Detail names the message,
 * never patient data.
 */
export async function auditAdt(
  trx: Kysely<Schema>,
  ctx: Hl7Context,
  sink: AuditSink,
  facts: AuditFacts[],
): Promise<void> {
  if (facts.length === 0) return;
  const audit = systemAudit(sink, {
    name: 'HL7 ADT feed',
    organizationId: ctx.organizationId,
    now: ctx.receivedAt,
  });
  await audit.inTransaction(trx, facts);
}

async function handleEvent(
  trx: Kysely<Schema>,
  message: Hl7Message,
  ctx: Hl7Context,
  trigger: string,
  rule: EventRule,
  opts: AdtOptions,
): Promise<void> {
  const now = ctx.receivedAt.toISOString();
  const zone = await organizationZone(trx, ctx.organizationId);
  const sent = readPid(message, { defaultCountry: opts.defaultCountry, zone });
  // Times are read before anything is written: an impossible PV1/EVN time is AE either way.
  const hasPv1 = message.segment('PV1') !== undefined;
  const facts = rule.visit && hasPv1 ? readVisit(message, zone) : null;
  if (rule.visit && !facts && rule.visit !== 'update') {
    // A08 may come without a visit; every other visit event is about one.
    throw invalid('noPv1', `ADT^${trigger} needs a PV1 segment: it is about a visit.`);
  }
  // A discharge as expired (PV1-36 20/40–42) is a death even when PID-30 is silent: the
  // patient record says so, and every outreach checks it (standards brief §3, rule 2).
  const expired =
    rule.visit === 'discharge' && isExpiredDisposition(facts?.disposition?.code ?? null);
  const pid: PidFacts =
    expired && !sent.deceased?.deceased
      ? { ...sent, deceased: { deceased: true, at: facts?.dischargedAt ?? facts?.eventAt ?? null } }
      : sent;
  const { patient, change } = await upsertPatient(trx, ctx.organizationId, pid, {
    now,
    defaultCountry: opts.defaultCountry,
    refresh: rule.refresh,
  });
  const detail = JSON.stringify({ hl7MessageId: ctx.messageId, event: `ADT^${trigger}` });
  const audited: AuditFacts[] = [];
  const note = (action: 'create' | 'update', resourceType: string, resourceId: string) =>
    audited.push({ action, patientId: patient.id, resourceType, resourceId, detail });
  if (change !== 'unchanged')
    note(change === 'created' ? 'create' : 'update', 'Patient', patient.id);
  for (const kin of await recordNextOfKin(trx, message, patient.id, opts.defaultCountry, now))
    note(kin.change === 'created' ? 'create' : 'update', 'RelatedPerson', kin.id);
  let encounter: AdtEncounter | null = null;
  if (rule.visit && facts) {
    const visit = await recordVisitEvent(trx, {
      organizationId: ctx.organizationId,
      patient,
      event: rule.visit,
      facts,
      visitNumber: visitNumber(message),
      messageId: ctx.messageId,
      trigger: `ADT^${trigger}`,
      now,
    });
    if (visit.encounter && (visit.change === 'created' || visit.change === 'updated'))
      note(visit.change === 'created' ? 'create' : 'update', 'Encounter', visit.encounter.id);
    encounter = visit.encounter;
  }
  await auditAdt(trx, ctx, opts.audit, audited);
  await opts.followUp?.afterEvent(trx, ctx, { trigger, patient, visit: rule.visit, encounter });
}

/** The organization's IANA time zone, for HL7 times sent without an offset; else UTC. */
async function organizationZone(trx: Kysely<Schema>, organizationId: string): Promise<string> {
  const row = await trx
    .selectFrom('organizations')
    .select('data')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  const zone = row ? parseDoc<{ timeZone?: unknown }>(row.data).timeZone : undefined;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : 'UTC';
}

/** The handler map for `createCareDesk` (hl7Handlers). */
export function adtHandlers(opts: AdtOptions): Hl7Handlers {
  const map = new Map<string, Hl7Handler>();
  for (const [trigger, rule] of Object.entries(EVENTS)) {
    map.set(`ADT^${trigger}`, (trx, message, ctx) =>
      handleEvent(trx, message, ctx, trigger, rule, opts),
    );
  }
  map.set('ADT^A40', async (trx, message, ctx) => {
    const zone = await organizationZone(trx, ctx.organizationId);
    const merged = await mergeFromA40(trx, message, ctx, {
      defaultCountry: opts.defaultCountry,
      zone,
      onMerged: (fromId, intoId) => opts.followUp?.afterMerge(trx, ctx, fromId, intoId),
    });
    await auditAdt(trx, ctx, opts.audit, merged);
  });
  return map;
}
