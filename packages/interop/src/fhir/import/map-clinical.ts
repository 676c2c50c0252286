/**
 * Encounter, Condition, MedicationRequest and CarePlan -> the clinical context CareDesk
 * serves patients with. Each needs its patient: a resource whose subject is missing or
 * unresolvable is rejected, since a visit nobody had cannot be followed up.
 */
import type {
  CarePlan,
  CarePlanActivity,
  CodedValue,
  Condition,
  Encounter,
  EncounterStatus,
  MedicationRequest,
  Sourced,
} from '@caredesk/core';
import type { IndexedResource } from './bundle-index';
import type { ImportContext } from './import-context';
import type { JsonNode } from './json-node';
import { codedValue, codedValues, dateTime, period, UNKNOWN_CODE } from './map-datatypes';

/** https://hl7.org/fhir/R4/valueset-encounter-status.html */
const ENCOUNTER_STATUSES: ReadonlySet<string> = new Set<EncounterStatus>([
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

/** A required code: reported when it is not in the value set, `unknown` when absent. */
export function statusCode(
  n: JsonNode,
  key: string,
  allowed: ReadonlySet<string> | undefined,
  valueSet: string,
): string {
  const value = n.string(key);
  if (value === undefined) return 'unknown';
  if (allowed && !allowed.has(value)) {
    n.get(key).issue('code-invalid', `${key} "${value.slice(0, 32)}" is not in ${valueSet}`);
    return 'unknown';
  }
  return value;
}

/** First x[] entry's CareDesk id when it resolves to one of `types`. */
function firstRef(
  ctx: ImportContext,
  res: IndexedResource,
  nodes: Array<JsonNode | undefined>,
  types: readonly string[],
): string | null {
  for (const node of nodes) {
    if (!node?.record) continue;
    const target = ctx.refNode(node, res, types, false);
    if (target) return target.id;
  }
  return null;
}

export function mapEncounter(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient = ctx.ref(n, 'subject', res, ['Patient'], true);
  const status = statusCode(n, 'status', ENCOUNTER_STATUSES, 'encounter-status');
  const p = period(n, 'period');
  const idents = n.list('identifier');
  // PV1-19 visit number is identifier type VN (standards §3); otherwise the first one.
  const visit =
    idents.find((i) => i.object('type')?.list('coding')[0]?.string('code') === 'VN') ?? idents[0];
  const hospitalization = n.object('hospitalization');
  const practitionerId = firstRef(
    ctx,
    res,
    n.list('participant').map((pt) => pt.object('individual')),
    ['Practitioner'],
  );
  const locationId = firstRef(
    ctx,
    res,
    n.list('location').map((l) => l.object('location')),
    ['Location'],
  );
  const serviceProvider = ctx.ref(n, 'serviceProvider', res, ['Organization']);
  if (!patient) return;
  ctx.batch.encounters.push({
    id: res.id,
    patientId: patient.id,
    status: status as EncounterStatus,
    // Encounter.class is a single Coding in R4 (v3 ActCode: AMB, IMP, EMER...).
    classCode: n.object('class')?.string('code') ?? '',
    types: codedValues(n, 'type'),
    reasons: codedValues(n, 'reasonCode'),
    periodStart: p.start,
    periodEnd: p.end,
    practitionerId,
    locationId,
    serviceProviderId: serviceProvider?.id ?? null,
    dischargeDisposition: codedValue(hospitalization?.object('dischargeDisposition')),
    visitNumber: visit?.string('value') ?? null,
    source: ctx.source(res),
  } satisfies Sourced<Encounter>);
}

/** onset[x]/abatement[x]: the dateTime, or the start of a Period; other forms are not dates. */
function whenOf(n: JsonNode, prefix: string): string | null {
  const dt = dateTime(n, `${prefix}DateTime`);
  if (dt !== null) return dt;
  return period(n, `${prefix}Period`).start;
}

export function mapCondition(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient = ctx.ref(n, 'subject', res, ['Patient'], true);
  const encounter = ctx.ref(n, 'encounter', res, ['Encounter']);
  const condition = {
    id: res.id,
    patientId: patient?.id ?? '',
    encounterId: encounter?.id ?? null,
    clinicalStatus: codedValue(n.object('clinicalStatus'))?.code ?? null,
    verificationStatus: codedValue(n.object('verificationStatus'))?.code ?? null,
    code: codedValue(n.object('code')) ?? UNKNOWN_CODE,
    onset: whenOf(n, 'onset'),
    abatement: whenOf(n, 'abatement'),
    recordedDate: dateTime(n, 'recordedDate'),
    source: ctx.source(res),
  } satisfies Sourced<Condition>;
  if (patient) ctx.batch.conditions.push(condition);
}

/** https://hl7.org/fhir/R4/valueset-medicationrequest-status.html */
const MEDREQ_STATUSES = new Set([
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'unknown',
]);

/** https://hl7.org/fhir/R4/valueset-medicationrequest-intent.html */
const MEDREQ_INTENTS = new Set([
  'proposal',
  'plan',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
]);

/**
 * medication[x]: the concept, or the code of the referenced Medication when it is
 * contained or in the unit. A Medication elsewhere is kept as its reference text, since
 * core has no medication-by-reference field (reported as a gap).
 */
function medication(ctx: ImportContext, res: IndexedResource): CodedValue {
  const n = res.node;
  const concept = codedValue(n.object('medicationCodeableConcept'));
  if (concept) return concept;
  const refNode = n.object('medicationReference');
  if (!refNode) return UNKNOWN_CODE;
  const target = ctx.refNode(refNode, res, ['Medication'], false);
  const fromResource = codedValue(target?.resource?.node.object('code'));
  if (fromResource) return fromResource;
  const display = refNode.string('display') ?? null;
  const reference = refNode.string('reference');
  if (reference) return { system: null, code: reference, display };
  return display ? { system: null, code: display, display } : UNKNOWN_CODE;
}

export function mapMedicationRequest(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient = ctx.ref(n, 'subject', res, ['Patient'], true);
  const dispense = n.object('dispenseRequest');
  const refills = dispense?.integer('numberOfRepeatsAllowed');
  const request = {
    id: res.id,
    patientId: patient?.id ?? '',
    encounterId: ctx.ref(n, 'encounter', res, ['Encounter'])?.id ?? null,
    status: statusCode(n, 'status', MEDREQ_STATUSES, 'medicationrequest-status'),
    intent: statusCode(n, 'intent', MEDREQ_INTENTS, 'medicationrequest-intent'),
    medication: medication(ctx, res),
    authoredOn: dateTime(n, 'authoredOn'),
    requesterId: ctx.ref(n, 'requester', res, ['Practitioner'])?.id ?? null,
    dosageText: n.list('dosageInstruction')[0]?.string('text') ?? null,
    refillsAllowed: refills !== undefined && refills >= 0 ? refills : null,
    validUntil: dispense ? period(dispense, 'validityPeriod').end : null,
    priorPrescriptionId: ctx.ref(n, 'priorPrescription', res, ['MedicationRequest'])?.id ?? null,
    source: ctx.source(res),
  } satisfies Sourced<MedicationRequest>;
  if (patient) ctx.batch.medicationRequests.push(request);
}

/**
 * CarePlan.activity: an inline detail, or a reference (cpl-3: never both). For a
 * reference the kind is the referenced type and the status is `unknown`, as the status
 * lives on that resource.
 */
function activity(ctx: ImportContext, res: IndexedResource, a: JsonNode): CarePlanActivity {
  const detail = a.object('detail');
  const reference = a.object('reference');
  if (detail) {
    const location = detail.object('location');
    return {
      code: codedValue(detail.object('code')),
      status: detail.string('status') ?? 'unknown',
      detailKind: detail.string('kind') ?? null,
      location: location?.string('display') ?? location?.string('reference') ?? null,
    };
  }
  const type = reference?.string('reference')?.split(/[/?]/)[0];
  return {
    code: null,
    status: 'unknown',
    detailKind: type && /^[A-Z][A-Za-z]+$/.test(type) ? type : (reference?.string('type') ?? null),
    location: null,
  };
}

/** CarePlan.addresses -> the code of each Condition that resolves (contained or in the unit). */
function addressedConditions(ctx: ImportContext, res: IndexedResource): CodedValue[] {
  return res.node.list('addresses').flatMap((ref) => {
    const target = ctx.refNode(ref, res, ['Condition'], false);
    const code = codedValue(target?.resource?.node.object('code'));
    return code ? [code] : [];
  });
}

export function mapCarePlan(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const patient = ctx.ref(n, 'subject', res, ['Patient'], true);
  const p = period(n, 'period');
  const plan = {
    id: res.id,
    patientId: patient?.id ?? '',
    encounterId: ctx.ref(n, 'encounter', res, ['Encounter'])?.id ?? null,
    status: n.string('status') ?? 'unknown',
    intent: n.string('intent') ?? 'plan',
    categories: codedValues(n, 'category'),
    title: n.string('title') ?? null,
    periodStart: p.start,
    periodEnd: p.end,
    addresses: addressedConditions(ctx, res),
    activities: n.list('activity').map((a) => activity(ctx, res, a)),
    source: ctx.source(res),
  } satisfies Sourced<CarePlan>;
  if (patient) ctx.batch.carePlans.push(plan);
}
