/**
 * Coverage (https://hl7.org/fhir/R4/coverage.html), Claim (https://hl7.org/fhir/R4/claim.html)
 * and ExplanationOfBenefit (https://hl7.org/fhir/R4/explanationofbenefit.html) -> what
 * insurance help and billing questions are answered from. Amounts become minor units.
 */
import type {
  Claim,
  ClaimLine,
  CodedValue,
  Coverage,
  ExplanationOfBenefit,
  Money,
  Sourced,
  SubscriberRelationship,
} from '@caredesk/core';
import type { IndexedResource } from './bundle-index';
import type { ImportContext, RefTarget } from './import-context';
import type { JsonNode } from './json-node';
import { codedValue, dateTime, money, period, UNKNOWN_CODE } from './map-datatypes';
import { statusCode } from './map-clinical';

/** https://hl7.org/fhir/R4/valueset-fm-status.html */
const FM_STATUSES = new Set(['active', 'cancelled', 'draft', 'entered-in-error']);

/** https://hl7.org/fhir/R4/valueset-subscriber-relationship.html */
const RELATIONSHIPS: ReadonlySet<string> = new Set<SubscriberRelationship>([
  'self',
  'spouse',
  'child',
  'parent',
  'common',
  'other',
  'injured',
]);

/** The name a payer/insurer reference shows: its display, else the resolved Organization's name. */
function partyName(ref: JsonNode | undefined, target: RefTarget | null): string | null {
  const display = ref?.string('display');
  if (display) return display;
  const name = target?.resource?.node.string('name');
  if (name) return name;
  return ref?.object('identifier')?.string('value') ?? null;
}

/** Coverage.class value by class type (https://hl7.org/fhir/R4/valueset-coverage-class.html). */
function classOf(n: JsonNode, type: string): JsonNode | undefined {
  return n.list('class').find((c) => c.object('type')?.list('coding')[0]?.string('code') === type);
}

export function mapCoverage(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  const beneficiary = ctx.ref(n, 'beneficiary', res, ['Patient'], true);
  const payorNode = n.list('payor')[0];
  const payor = payorNode
    ? ctx.refNode(payorNode, res, ['Organization', 'Patient', 'RelatedPerson'], false)
    : null;
  const status = n.string('status');
  if (status !== undefined && !FM_STATUSES.has(status)) {
    n.get('status').issue('code-invalid', `status "${status.slice(0, 32)}" is not in fm-status`);
  }
  const relCode = n.object('relationship')?.list('coding')[0]?.string('code');
  const subscriber = ctx.ref(n, 'subscriber', res, ['Patient', 'RelatedPerson']);
  const subscriberName = subscriber?.resource?.node.list('name')[0];
  const p = period(n, 'period');
  const plan = classOf(n, 'plan');
  const order = n.integer('order');
  const coverage = {
    id: res.id,
    patientId: beneficiary?.id ?? '',
    status:
      status !== undefined && FM_STATUSES.has(status) ? (status as Coverage['status']) : 'active',
    payerName: partyName(payorNode, payor) ?? '',
    // X12 NM1*PR payer id: only known when the payor is given by identifier.
    payerId: payorNode?.object('identifier')?.string('value') ?? null,
    planName: plan?.string('name') ?? plan?.string('value') ?? null,
    // Coverage.identifier is "often referred to as a Member Id" (R4 definition).
    memberId: n.list('identifier')[0]?.string('value') ?? n.string('subscriberId') ?? null,
    groupNumber: classOf(n, 'group')?.string('value') ?? null,
    subscriberName: subscriberName
      ? [...subscriberName.strings('given'), subscriberName.string('family') ?? '']
          .join(' ')
          .trim() || null
      : null,
    subscriberId: n.string('subscriberId') ?? null,
    // Absent relationship: the beneficiary is taken as the subscriber (Synthea omits it).
    relationship:
      relCode !== undefined && RELATIONSHIPS.has(relCode)
        ? (relCode as SubscriberRelationship)
        : 'self',
    periodStart: p.start,
    periodEnd: p.end,
    order: order !== undefined && order > 0 ? order : 1,
    source: ctx.source(res),
  } satisfies Sourced<Coverage>;
  if (beneficiary) ctx.batch.coverages.push(coverage);
}

/** Contained Coverage is how Synthea ships it (only inside EOBs): map every one of them. */
function hoistContainedCoverages(ctx: ImportContext, res: IndexedResource): void {
  for (const c of ctx.index.contained(res).values()) {
    if (c.resourceType === 'Coverage') ctx.hoist(c);
  }
}

function lineOf(ctx: ImportContext, item: JsonNode, withAdjudication: boolean): ClaimLine {
  const serviced =
    item.string('servicedDate') !== undefined ? dateTime(item, 'servicedDate') : null;
  return {
    sequence: item.integer('sequence') ?? 0,
    productOrService: codedValue(item.object('productOrService')) ?? UNKNOWN_CODE,
    quantity: item.object('quantity')?.record?.value === undefined ? null : quantityOf(item),
    net: money(item.object('net'), ctx.opts),
    servicedDate: serviced ?? period(item, 'servicedPeriod').start,
    adjudication: withAdjudication
      ? item.list('adjudication').map((a) => ({
          category: codedValue(a.object('category'))?.code ?? 'unknown',
          amount: money(a.object('amount'), ctx.opts),
          reason: codedValue(a.object('reason')),
        }))
      : [],
  };
}

function quantityOf(item: JsonNode): number | null {
  const value = item.object('quantity')?.decimal('value');
  if (value === undefined) return null;
  const num = Number(value);
  return Number.isFinite(num) ? num : null;
}

/** diagnosis[].diagnosisCodeableConcept, or the code of the referenced Condition. */
function diagnoses(ctx: ImportContext, res: IndexedResource): CodedValue[] {
  return res.node.list('diagnosis').flatMap((d) => {
    const concept = codedValue(d.object('diagnosisCodeableConcept'));
    if (concept) return [concept];
    const ref = d.object('diagnosisReference');
    const target = ref ? ctx.refNode(ref, res, ['Condition'], false) : null;
    const code = codedValue(target?.resource?.node.object('code'));
    return code ? [code] : [];
  });
}

/** The encounter a claim is for: the first item.encounter that resolves. */
function claimEncounter(ctx: ImportContext, res: IndexedResource): string | null {
  for (const item of res.node.list('item')) {
    for (const e of item.list('encounter')) {
      const target = ctx.refNode(e, res, ['Encounter'], false);
      if (target) return target.id;
    }
  }
  return null;
}

/** Insurer name: insurer, else the focal insurance's coverage display (Synthea: "private"). */
function insurerName(ctx: ImportContext, res: IndexedResource): string | null {
  const n = res.node;
  const insurer = ctx.ref(n, 'insurer', res, ['Organization']);
  const name = partyName(n.object('insurer'), insurer);
  if (name) return name;
  const insurance = n.list('insurance');
  const focal = insurance.find((i) => i.boolean('focal') === true) ?? insurance[0];
  return focal?.object('coverage')?.string('display') ?? null;
}

export function mapClaim(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  hoistContainedCoverages(ctx, res);
  const patient = ctx.ref(n, 'patient', res, ['Patient'], true);
  const bp = period(n, 'billablePeriod');
  const provider = ctx.ref(n, 'provider', res, [
    'Practitioner',
    'PractitionerRole',
    'Organization',
  ]);
  const claim = {
    id: res.id,
    patientId: patient?.id ?? '',
    encounterId: claimEncounter(ctx, res),
    status: statusCode(n, 'status', FM_STATUSES, 'fm-status'),
    type: codedValue(n.object('type'))?.code ?? 'unknown',
    use: n.string('use') ?? 'claim',
    created: dateTime(n, 'created'),
    billablePeriodStart: bp.start,
    billablePeriodEnd: bp.end,
    providerRef: provider?.id ?? null,
    insurerName: insurerName(ctx, res),
    total: money(n.object('total'), ctx.opts),
    diagnoses: diagnoses(ctx, res),
    lines: n.list('item').map((item) => lineOf(ctx, item, false)),
    source: ctx.source(res),
  } satisfies Sourced<Claim>;
  if (patient) ctx.batch.claims.push(claim);
}

/** https://hl7.org/fhir/R4/valueset-explanationofbenefit-status.html */
const EOB_STATUSES = new Set(['active', 'cancelled', 'draft', 'entered-in-error']);
/** https://hl7.org/fhir/R4/valueset-remittance-outcome.html */
const OUTCOMES = new Set(['queued', 'complete', 'error', 'partial']);

export function mapExplanationOfBenefit(ctx: ImportContext, res: IndexedResource): void {
  const n = res.node;
  hoistContainedCoverages(ctx, res);
  const patient = ctx.ref(n, 'patient', res, ['Patient'], true);
  const bp = period(n, 'billablePeriod');
  const insurance = n.list('insurance');
  const focal = insurance.find((i) => i.boolean('focal') === true) ?? insurance[0];
  const coverage = focal ? ctx.ref(focal, 'coverage', res, ['Coverage']) : null;
  const totals = n.list('total').flatMap((t): Array<{ category: string; amount: Money }> => {
    const amount = money(t.object('amount'), ctx.opts);
    const category = codedValue(t.object('category'))?.code;
    return amount && category ? [{ category, amount }] : [];
  });
  const eob = {
    id: res.id,
    patientId: patient?.id ?? '',
    claimId: ctx.ref(n, 'claim', res, ['Claim'])?.id ?? null,
    status: statusCode(n, 'status', EOB_STATUSES, 'explanationofbenefit-status'),
    type: codedValue(n.object('type'))?.code ?? 'unknown',
    use: n.string('use') ?? 'claim',
    outcome: statusCode(n, 'outcome', OUTCOMES, 'remittance-outcome'),
    created: dateTime(n, 'created'),
    billablePeriodStart: bp.start,
    billablePeriodEnd: bp.end,
    insurerName: insurerName(ctx, res),
    coverageId: coverage?.id ?? null,
    total: totals,
    payment: money(n.object('payment')?.object('amount'), ctx.opts),
    lines: n.list('item').map((item) => lineOf(ctx, item, true)),
    source: ctx.source(res),
  } satisfies Sourced<ExplanationOfBenefit>;
  if (patient) ctx.batch.explanationsOfBenefit.push(eob);
}
