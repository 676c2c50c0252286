import type { CodedValue, Condition, Encounter, MedicationRequest, Sourced } from '@caredesk/core';
import {
  CONDITIONS,
  DIABETES,
  DIABETES_PLAN_ACTIVITIES,
  DIABETES_PLAN_CATEGORY,
  DISCHARGE_DISPOSITIONS,
  DISCHARGE_EXPIRED,
  ENCOUNTER_TYPES,
  MEDICATIONS,
} from './demo-catalog';
import type { ConditionDef, EncounterClass, MedicationKey } from './demo-catalog';
import { DAY_MS, YEAR_MS, isoDate, isoInstant, recordSource } from './demo-context';
import type { PatientContext } from './demo-context';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** An encounter with the instants the later records need. */
export interface DemoEncounter {
  record: Sourced<Encounter>;
  classCode: EncounterClass;
  startMs: number;
  endMs: number;
  /** False for a stay still under way (no discharge yet). */
  finished: boolean;
}

function diabetesRate(age: number): number {
  if (age < 18) return 0.005;
  if (age < 45) return 0.07;
  if (age < 65) return 0.2;
  return 0.27;
}

/** The patient's conditions (definitions only); diabetes first when present. */
export function drawConditions(ctx: PatientContext): ConditionDef[] {
  const { rng, age } = ctx;
  const diabetic = rng.chance(diabetesRate(age));
  const countWeights: readonly (readonly [number, number])[] =
    age < 18
      ? [
          [0, 50],
          [1, 40],
          [2, 10],
        ]
      : age < 65
        ? [
            [0, 30],
            [1, 35],
            [2, 22],
            [3, 13],
          ]
        : [
            [0, 10],
            [1, 30],
            [2, 30],
            [3, 30],
          ];
  let count = rng.weighted(countWeights);
  const chosen: ConditionDef[] = [];
  if (diabetic) {
    chosen.push(DIABETES);
    count = Math.max(count, 1);
  }
  const eligible = CONDITIONS.filter((c) => age >= c.minAge && age <= c.maxAge);
  while (chosen.length < count && eligible.length > 0) {
    const pick = rng.weighted(eligible.map((c) => [c, c.weight] as const));
    chosen.push(pick);
    eligible.splice(eligible.indexOf(pick), 1);
  }
  return chosen;
}

function drawClass(ctx: PatientContext): EncounterClass {
  const elderly = ctx.age >= 65;
  return ctx.rng.weighted<EncounterClass>([
    ['AMB', 78],
    ['VR', 6],
    ['EMER', 10],
    ['IMP', elderly ? 12 : 5],
  ]);
}

/** 1-4 visits in the past three years (never before birth nor after death), oldest first. */
export function makeEncounters(
  ctx: PatientContext,
  conditions: readonly ConditionDef[],
): DemoEncounter[] {
  const { rng } = ctx;
  const windowEnd = ctx.deathMs ?? ctx.nowMs;
  const windowStart = Math.max(ctx.nowMs - 3 * YEAR_MS, ctx.birthMs + HOUR_MS);
  const latestStart = Math.max(windowStart, windowEnd - HOUR_MS);
  const count = rng.weighted([
    [1, 35],
    [2, 30],
    [3, 20],
    [4, 15],
  ] as const);
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    days.push(Math.floor((windowStart + rng.next() * (latestStart - windowStart)) / DAY_MS));
  }
  days.sort((a, b) => a - b);
  const result: DemoEncounter[] = [];
  days.forEach((day, i) => {
    const dies = i === days.length - 1 && ctx.deathMs !== null;
    const classCode = dies ? 'IMP' : drawClass(ctx);
    // Clinic hours in Chicago are 13:00-22:00 UTC; hospital arrivals come at any hour.
    const clinic = classCode === 'AMB' || classCode === 'VR';
    const timeOfDay = clinic
      ? rng.int(14, 21) * HOUR_MS + rng.pick([0, 15, 30, 45]) * MINUTE_MS
      : rng.int(0, 1439) * MINUTE_MS;
    const startMs = Math.min(Math.max(day * DAY_MS + timeOfDay, windowStart), latestStart);
    let endMs: number;
    if (classCode === 'IMP') endMs = startMs + rng.int(1, 7) * DAY_MS + rng.int(0, 600) * MINUTE_MS;
    else if (classCode === 'EMER') endMs = startMs + rng.int(90, 600) * MINUTE_MS;
    else endMs = startMs + rng.pick([15, 20, 30, 45]) * MINUTE_MS;
    // A stay that would end after `now` is still under way: no discharge yet.
    const inProgress = classCode === 'IMP' && !dies && endMs > windowEnd;
    endMs = dies ? windowEnd : Math.min(endMs, windowEnd);
    const types =
      classCode === 'AMB'
        ? [
            ctx.age < 18 && rng.chance(0.5)
              ? ENCOUNTER_TYPES.AMB[3]
              : rng.pick(ENCOUNTER_TYPES.AMB.slice(0, 3)),
          ]
        : [rng.pick(ENCOUNTER_TYPES[classCode])];
    const reasons: CodedValue[] = [];
    const reason = conditions.length > 0 && rng.chance(0.6) ? rng.pick(conditions) : undefined;
    if (reason !== undefined) reasons.push(reason.snomed);
    const record: Sourced<Encounter> = {
      id: ctx.ids.id(),
      patientId: ctx.patientId,
      status: inProgress ? 'in-progress' : 'finished',
      classCode,
      types: types.filter((t): t is CodedValue => t !== undefined),
      reasons,
      periodStart: isoInstant(startMs),
      periodEnd: inProgress ? null : isoInstant(endMs),
      practitionerId: rng.pick(ctx.ref.practitioners).id,
      locationId: clinic ? ctx.ref.clinicLocationId : ctx.ref.hospitalLocationId,
      serviceProviderId: ctx.organizationId,
      dischargeDisposition:
        classCode !== 'IMP' || inProgress
          ? null
          : dies
            ? DISCHARGE_EXPIRED
            : rng.weighted(DISCHARGE_DISPOSITIONS),
      visitNumber: `V${String(ctx.index + 1).padStart(7, '0')}${i + 1}`,
      source: recordSource(ctx, 'Encounter'),
    };
    ctx.batch.encounters.push(record);
    result.push({ record, classCode, startMs, endMs, finished: !inProgress });
  });
  return result;
}

/** Conditions, each recorded at one of the encounters; about a quarter coded in ICD-10-CM. */
export function makeConditions(
  ctx: PatientContext,
  defs: readonly ConditionDef[],
  encounters: readonly DemoEncounter[],
): void {
  const { rng } = ctx;
  for (const def of defs) {
    const enc = rng.pick(encounters);
    const recordedMs = enc.startMs;
    const onsetMs = def.chronic
      ? Math.max(ctx.birthMs + DAY_MS, recordedMs - rng.int(0, 3650) * DAY_MS)
      : recordedMs - rng.int(1, 5) * DAY_MS;
    const abatementMs = def.chronic
      ? null
      : Math.min(recordedMs + rng.int(7, 21) * DAY_MS, ctx.nowMs);
    const status = !def.chronic
      ? 'resolved'
      : def.key === 'depression' && rng.chance(0.3)
        ? 'remission'
        : 'active';
    const condition: Sourced<Condition> = {
      id: ctx.ids.id(),
      patientId: ctx.patientId,
      encounterId: enc.record.id,
      clinicalStatus: status,
      verificationStatus: 'confirmed',
      code: rng.chance(0.25) ? def.icd10 : def.snomed,
      onset: isoDate(Math.max(onsetMs, ctx.birthMs)),
      abatement: abatementMs === null ? null : isoDate(abatementMs),
      recordedDate: isoDate(recordedMs),
      source: recordSource(ctx, 'Condition'),
    };
    ctx.batch.conditions.push(condition);
  }
}

/** 0-3 prescriptions following the conditions; some chronic ones are a renewal of an older one. */
export function makeMedicationRequests(
  ctx: PatientContext,
  defs: readonly ConditionDef[],
  encounters: readonly DemoEncounter[],
): void {
  const { rng } = ctx;
  const keys: MedicationKey[] = [];
  for (const def of defs) {
    const first = def.meds[0];
    if (first !== undefined && !keys.includes(first) && rng.chance(0.85)) keys.push(first);
    const second = def.meds[1];
    if (second !== undefined && !keys.includes(second) && rng.chance(0.2)) keys.push(second);
  }
  if (keys.length === 0 && rng.chance(0.2))
    keys.push(rng.pick<MedicationKey>(['ibuprofen', 'acetaminophen']));
  let budget = 3;
  for (const key of keys) {
    if (budget === 0) break;
    const med = MEDICATIONS[key];
    // Chronic prescriptions are usually renewed at the latest visit.
    const latest = encounters[encounters.length - 1];
    const enc =
      med.chronic && latest !== undefined && rng.chance(0.7) ? latest : rng.pick(encounters);
    const priorMs = enc.startMs - 365 * DAY_MS;
    const renew = med.chronic && budget >= 2 && priorMs > ctx.birthMs && rng.chance(0.25);
    let priorId: string | null = null;
    if (renew) {
      priorId = pushRequest(ctx, key, enc, priorMs, 'completed', null);
      budget -= 1;
    }
    const validUntilMs = enc.startMs + (med.chronic ? 365 : 30) * DAY_MS;
    const status =
      ctx.deathMs !== null
        ? 'stopped'
        : validUntilMs < ctx.nowMs
          ? 'completed'
          : med.chronic && rng.chance(0.05)
            ? 'stopped'
            : 'active';
    pushRequest(ctx, key, enc, enc.startMs, status, priorId);
    budget -= 1;
  }
}

function pushRequest(
  ctx: PatientContext,
  key: MedicationKey,
  enc: DemoEncounter,
  authoredMs: number,
  status: string,
  priorPrescriptionId: string | null,
): string {
  const med = MEDICATIONS[key];
  const id = ctx.ids.id();
  const request: Sourced<MedicationRequest> = {
    id,
    patientId: ctx.patientId,
    encounterId: authoredMs === enc.startMs ? enc.record.id : null,
    status,
    intent: 'order',
    medication: med.code,
    authoredOn: isoInstant(authoredMs),
    requesterId: enc.record.practitionerId,
    dosageText: med.dosage,
    refillsAllowed: med.chronic ? ctx.rng.int(1, 5) : ctx.rng.chance(0.8) ? 0 : 1,
    validUntil: isoDate(authoredMs + (med.chronic ? 365 : 30) * DAY_MS),
    priorPrescriptionId,
    source: recordSource(ctx, 'MedicationRequest'),
  };
  ctx.batch.medicationRequests.push(request);
  return id;
}

/** A diabetes self-management plan for each diabetic patient. */
export function makeCarePlans(
  ctx: PatientContext,
  defs: readonly ConditionDef[],
  encounters: readonly DemoEncounter[],
): void {
  if (!defs.includes(DIABETES)) return;
  const enc = encounters[0];
  if (enc === undefined) return;
  const active = ctx.deathMs === null;
  ctx.batch.carePlans.push({
    id: ctx.ids.id(),
    patientId: ctx.patientId,
    encounterId: enc.record.id,
    status: active ? 'active' : 'revoked',
    intent: 'plan',
    categories: [DIABETES_PLAN_CATEGORY],
    title: 'Diabetes self-management',
    periodStart: isoDate(enc.startMs),
    periodEnd: active ? null : isoDate(ctx.deathMs ?? enc.endMs),
    addresses: [DIABETES.snomed],
    activities: DIABETES_PLAN_ACTIVITIES.map((code) => ({
      code,
      status: active ? 'in-progress' : 'stopped',
      detailKind: null,
      location: null,
    })),
    source: recordSource(ctx, 'CarePlan'),
  });
}
