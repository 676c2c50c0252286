import type {
  ClaimLine,
  CodedValue,
  Coverage,
  ExplanationOfBenefit,
  Money,
  Sourced,
} from '@caredesk/core';
import {
  ANCILLARY_SERVICES,
  CARC_BUNDLED,
  CARC_FEE_SCHEDULE,
  CARC_NOT_COVERED,
  CHECKUP_DIAGNOSIS,
  CHILD_CHECKUP_DIAGNOSIS,
  DIABETES,
  DIABETES_EDUCATION,
  HBA1C,
  VISIT_SERVICES,
} from './demo-catalog';
import type { ConditionDef, ServiceDef } from './demo-catalog';
import type { DemoEncounter } from './demo-clinical';
import { DAY_MS, YEAR_MS, isoDate, isoInstant, recordSource } from './demo-context';
import type { PatientContext } from './demo-context';
import { displayName, pickFamily, pickGiven } from './demo-names';
import type { DemoPayer, PayerKey } from './demo-reference';
import type { Rng } from './random';

/** A coverage with the payer terms its claims are adjudicated under. */
export interface DemoCoverage {
  record: Sourced<Coverage>;
  payer: DemoPayer;
}

const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const MBI_ALNUM = `${MBI_LETTERS}0123456789`;

/** Shaped like a Medicare Beneficiary Identifier (11 characters, no S L O I B Z). */
function mbiLike(rng: Rng): string {
  const pattern = ['1-9', 'A', 'AN', 'N', 'A', 'AN', 'N', 'A', 'A', 'N', 'N'];
  return pattern
    .map((p) =>
      p === '1-9'
        ? String(rng.int(1, 9))
        : p === 'N'
          ? String(rng.int(0, 9))
          : rng.pick([...(p === 'A' ? MBI_LETTERS : MBI_ALNUM)]),
    )
    .join('');
}

function memberIdFor(rng: Rng, key: PayerKey): string {
  switch (key) {
    case 'medicare':
      return mbiLike(rng);
    case 'commercial':
      return `PMH${rng.digits(9)}`;
    case 'medicaid':
      return `LSF${rng.digits(8)}`;
    case 'lv-state':
      return `VVF${rng.digits(8)}`;
    case 'no-state':
      return `NFT${rng.digits(9)}`;
  }
}

interface CoveragePlan {
  key: PayerKey;
  relationship: Coverage['relationship'];
}

function planCoverages(ctx: PatientContext): CoveragePlan[] {
  const { rng, age, language } = ctx;
  if (language === 'lv') return rng.chance(0.94) ? [{ key: 'lv-state', relationship: 'self' }] : [];
  if (language === 'nb') return rng.chance(0.99) ? [{ key: 'no-state', relationship: 'self' }] : [];
  if (rng.chance(0.1)) return []; // uninsured: self-pay, estimates, financial assistance
  if (age >= 65) {
    const plans: CoveragePlan[] = [{ key: 'medicare', relationship: 'self' }];
    const r = rng.next();
    if (r < 0.2) plans.push({ key: 'medicaid', relationship: 'self' });
    else if (r < 0.45)
      plans.push({ key: 'commercial', relationship: rng.chance(0.7) ? 'self' : 'spouse' });
    return plans;
  }
  if (age < 18) {
    if (rng.chance(0.45)) return [{ key: 'medicaid', relationship: 'self' }];
    const plans: CoveragePlan[] = [{ key: 'commercial', relationship: 'child' }];
    if (rng.chance(0.08)) plans.push({ key: 'commercial', relationship: 'child' });
    return plans;
  }
  if (rng.chance(0.35)) return [{ key: 'medicaid', relationship: 'self' }];
  const plans: CoveragePlan[] = [
    { key: 'commercial', relationship: rng.chance(0.8) ? 'self' : 'spouse' },
  ];
  if (rng.chance(0.05)) plans.push({ key: 'commercial', relationship: 'spouse' });
  return plans;
}

/** 0-2 coverages in coordination-of-benefits order; about 8% of patients have none. */
export function makeCoverages(ctx: PatientContext): DemoCoverage[] {
  const { rng } = ctx;
  const result: DemoCoverage[] = [];
  planCoverages(ctx).forEach((plan, i) => {
    const payer = ctx.ref.payers[plan.key];
    const own = plan.relationship === 'self';
    const subscriberId = memberIdFor(rng, plan.key);
    let subscriberName = displayName(ctx.name);
    if (!own) {
      const sex = rng.chance(0.5) ? 'male' : 'female';
      const family =
        plan.relationship === 'child' ? ctx.name.family : pickFamily(rng, ctx.language, sex);
      subscriberName = `${pickGiven(rng, ctx.language, sex)} ${family}`;
    }
    // Coverage began before the three years of visits (or at birth), so every claim falls in it.
    const startMs = Math.max(ctx.nowMs - rng.int(3, 8) * YEAR_MS, ctx.birthMs);
    const periodStart =
      startMs === ctx.birthMs
        ? isoDate(ctx.birthMs)
        : `${new Date(startMs).getUTCFullYear()}-01-01`;
    const record: Sourced<Coverage> = {
      id: ctx.ids.id(),
      patientId: ctx.patientId,
      status: ctx.deathMs === null ? 'active' : 'cancelled',
      payerName: payer.organization.name,
      payerId: payer.payerId,
      planName: payer.planName,
      memberId: own ? subscriberId : `${subscriberId}0${rng.int(2, 4)}`,
      groupNumber: plan.key === 'commercial' ? `GRP${rng.digits(5)}` : null,
      subscriberName,
      subscriberId,
      relationship: plan.relationship,
      periodStart,
      periodEnd: ctx.deathMs === null ? null : isoDate(ctx.deathMs),
      order: i + 1,
      source: recordSource(ctx, 'Coverage'),
    };
    ctx.batch.coverages.push(record);
    result.push({ record, payer });
  });
  return result;
}

function money(amountMinor: number, currency: string): Money {
  return { amountMinor, currency };
}

function servicesFor(
  ctx: PatientContext,
  enc: DemoEncounter,
  conditions: readonly ConditionDef[],
): ServiceDef[] {
  const { rng } = ctx;
  const visit = VISIT_SERVICES[enc.classCode];
  const services = enc.classCode === 'IMP' ? [...visit] : [rng.pick(visit)];
  if (enc.classCode === 'VR') return services;
  const ancillaryCount = rng.int(0, enc.classCode === 'AMB' ? 2 : 3);
  for (let i = 0; i < ancillaryCount; i++) {
    const s = rng.pick(ANCILLARY_SERVICES);
    if (!services.includes(s)) services.push(s);
  }
  if (conditions.includes(DIABETES) && enc.classCode === 'AMB') {
    services.push(HBA1C);
    if (rng.chance(0.2)) services.push(DIABETES_EDUCATION);
  }
  return services;
}

function diagnosesFor(ctx: PatientContext, conditions: readonly ConditionDef[]): CodedValue[] {
  if (conditions.length === 0) return [ctx.age < 18 ? CHILD_CHECKUP_DIAGNOSIS : CHECKUP_DIAGNOSIS];
  return conditions.map((c) => c.icd10);
}

/**
 * Claims for about 70% of finished visits of insured patients, billed to the primary
 * coverage; an ExplanationOfBenefit follows for those created 10-30 days before `now`.
 */
export function makeClaims(
  ctx: PatientContext,
  encounters: readonly DemoEncounter[],
  coverages: readonly DemoCoverage[],
  conditions: readonly ConditionDef[],
): void {
  const primary = coverages[0];
  if (primary === undefined) return;
  const { rng } = ctx;
  const { payer } = primary;
  for (const enc of encounters) {
    if (!enc.finished || !rng.chance(0.7)) continue;
    const createdMs = enc.endMs + rng.int(1, 5) * DAY_MS;
    if (createdMs > ctx.nowMs) continue;
    const services = servicesFor(ctx, enc, conditions);
    const lines: ClaimLine[] = services.map((s, i) => ({
      sequence: i + 1,
      productOrService: { system: null, code: s.code, display: s.display },
      quantity: 1,
      net: money(Math.round(s.priceMinor * payer.priceFactor), payer.currency),
      servicedDate: isoDate(enc.startMs),
      adjudication: [],
    }));
    const totalMinor = lines.reduce((sum, l) => sum + (l.net?.amountMinor ?? 0), 0);
    const claimId = ctx.ids.id();
    ctx.batch.claims.push({
      id: claimId,
      patientId: ctx.patientId,
      encounterId: enc.record.id,
      status: 'active',
      type: enc.classCode === 'AMB' || enc.classCode === 'VR' ? 'professional' : 'institutional',
      use: 'claim',
      created: isoInstant(createdMs),
      billablePeriodStart: enc.record.periodStart,
      billablePeriodEnd: enc.record.periodEnd,
      providerRef: ctx.organizationId,
      insurerName: payer.organization.name,
      total: money(totalMinor, payer.currency),
      diagnoses: diagnosesFor(ctx, conditions),
      lines,
      source: recordSource(ctx, 'Claim'),
    });
    const eobMs = createdMs + rng.int(10, 30) * DAY_MS;
    if (eobMs <= ctx.nowMs) {
      ctx.batch.explanationsOfBenefit.push(makeEob(ctx, enc, claimId, lines, primary, eobMs));
    }
  }
}

function patientShare(
  rng: Rng,
  payer: DemoPayer,
  enc: DemoEncounter,
  eligible: number,
  visitLine: boolean,
) {
  let copay = 0;
  let deductible = 0;
  switch (payer.key) {
    case 'medicare':
      copay = Math.round(eligible * 0.2); // coinsurance, reported with the copay amounts
      if (rng.chance(0.15)) deductible = Math.min(eligible - copay, 25_700);
      break;
    case 'commercial':
      if (visitLine)
        copay = enc.classCode === 'EMER' ? 15_000 : enc.classCode === 'IMP' ? 25_000 : 2_500;
      if (rng.chance(0.3))
        deductible = Math.round((eligible - Math.min(copay, eligible)) * rng.next());
      break;
    case 'medicaid':
      if (visitLine) copay = rng.pick([0, 0, 100, 300]);
      break;
    case 'lv-state':
      if (visitLine) copay = rng.pick([200, 400, 1_000]);
      break;
    case 'no-state':
      if (visitLine) copay = rng.pick([16_000, 37_500]);
      break;
  }
  copay = Math.min(copay, eligible);
  deductible = Math.min(deductible, eligible - copay);
  return { copay, deductible };
}

function makeEob(
  ctx: PatientContext,
  enc: DemoEncounter,
  claimId: string,
  claimLines: readonly ClaimLine[],
  coverage: DemoCoverage,
  createdMs: number,
): Sourced<ExplanationOfBenefit> {
  const { rng } = ctx;
  const { payer } = coverage;
  const cur = payer.currency;
  const totals = { submitted: 0, eligible: 0, deductible: 0, copay: 0, benefit: 0 };
  const lines: ClaimLine[] = claimLines.map((line) => {
    const submitted = line.net?.amountMinor ?? 0;
    const visitLine = line.sequence === 1;
    const denied = !visitLine && rng.chance(0.05);
    const eligible = denied ? 0 : Math.round(submitted * payer.allowedRatio);
    const { copay, deductible } = denied
      ? { copay: 0, deductible: 0 }
      : patientShare(rng, payer, enc, eligible, visitLine);
    const benefit = eligible - copay - deductible;
    totals.submitted += submitted;
    totals.eligible += eligible;
    totals.deductible += deductible;
    totals.copay += copay;
    totals.benefit += benefit;
    const eligibleReason = denied
      ? rng.pick([CARC_BUNDLED, CARC_NOT_COVERED])
      : eligible < submitted
        ? CARC_FEE_SCHEDULE
        : null;
    return {
      ...line,
      adjudication: [
        { category: 'submitted', amount: money(submitted, cur), reason: null },
        { category: 'eligible', amount: money(eligible, cur), reason: eligibleReason },
        { category: 'deductible', amount: money(deductible, cur), reason: null },
        { category: 'copay', amount: money(copay, cur), reason: null },
        { category: 'benefit', amount: money(benefit, cur), reason: null },
      ],
    };
  });
  return {
    id: ctx.ids.id(),
    patientId: ctx.patientId,
    claimId,
    status: 'active',
    type: enc.classCode === 'AMB' || enc.classCode === 'VR' ? 'professional' : 'institutional',
    use: 'claim',
    outcome: 'complete',
    created: isoInstant(createdMs),
    billablePeriodStart: enc.record.periodStart,
    billablePeriodEnd: enc.record.periodEnd,
    insurerName: payer.organization.name,
    coverageId: coverage.record.id,
    total: (Object.keys(totals) as (keyof typeof totals)[]).map((category) => ({
      category,
      amount: money(totals[category], cur),
    })),
    payment: money(totals.benefit, cur),
    lines,
    source: recordSource(ctx, 'ExplanationOfBenefit'),
  };
}
