import { emptyImportBatch } from '@caredesk/core';
import type { ImportBatch } from '@caredesk/core';
import { makeClaims, makeCoverages } from './demo-billing';
import {
  drawConditions,
  makeCarePlans,
  makeConditions,
  makeEncounters,
  makeMedicationRequests,
} from './demo-clinical';
import type { PatientContext } from './demo-context';
import { officialName } from './demo-names';
import { drawBasics, makePatient, makeRelatedPersons, patientRng } from './demo-person';
import { buildReferenceData } from './demo-reference';
import type { ReferenceData } from './demo-reference';
import type { DemoData, DemoOptions, DemoStreamOptions } from './demo-types';
import { PatientIdAllocator } from './ids';

export const DEFAULT_DEMO_PATIENT_COUNT = 300;
export const DEFAULT_CHUNK_SIZE = 1_000;

function validate(opts: DemoOptions): void {
  if (!Number.isInteger(opts.seed)) throw new RangeError('demo seed must be an integer');
  if (!Number.isInteger(opts.patientCount) || opts.patientCount < 0) {
    throw new RangeError('demo patientCount must be a non-negative integer');
  }
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('demo now must be a valid date');
  if (opts.organizationId.length === 0) throw new RangeError('demo organizationId is required');
}

/**
 * Appends patient `index` and everything about them to `batch`. The result depends only on
 * the seed, `now`, the organization and the index, so chunking never changes the data.
 */
export function appendDemoPatient(
  batch: ImportBatch,
  ref: ReferenceData,
  opts: DemoOptions,
  index: number,
): void {
  const rng = patientRng(opts.seed, index);
  const ids = new PatientIdAllocator(opts.seed, index);
  const nowMs = opts.now.getTime();
  const basics = drawBasics(rng, nowMs);
  const ctx: PatientContext = {
    rng,
    ids,
    index,
    nowMs,
    organizationId: opts.organizationId,
    ref,
    batch,
    patientId: ids.id(),
    language: basics.language,
    sex: basics.sex,
    age: basics.age,
    birthMs: basics.birthMs,
    deathMs: basics.deathMs,
    name: officialName([], ''),
    familyParts: [],
    phone: null,
    recordSeq: 0,
  };
  batch.patients.push(makePatient(ctx, basics, opts.seed));
  makeRelatedPersons(ctx);
  const conditions = drawConditions(ctx);
  const encounters = makeEncounters(ctx, conditions);
  makeConditions(ctx, conditions, encounters);
  makeMedicationRequests(ctx, conditions, encounters);
  makeCarePlans(ctx, conditions, encounters);
  const coverages = makeCoverages(ctx);
  makeClaims(ctx, encounters, coverages, conditions);
}

function addReferenceData(batch: ImportBatch, ref: ReferenceData): void {
  batch.organizations.push(...Object.values(ref.payers).map((p) => p.organization));
  batch.practitioners.push(...ref.practitioners);
  batch.locations.push(...ref.locations);
}

/**
 * The demo clinic, its staff, and one import batch holding payers, practitioners,
 * locations and `patientCount` patients with their records. Pure: same options, same data.
 */
export function generateDemo(opts: DemoOptions): DemoData {
  validate(opts);
  const ref = buildReferenceData(opts.seed, opts.organizationId);
  const batch = emptyImportBatch();
  addReferenceData(batch, ref);
  for (let i = 0; i < opts.patientCount; i++) appendDemoPatient(batch, ref, opts, i);
  return { organization: ref.organization, staff: ref.staff, batch };
}

/**
 * The same patients as generateDemo, one ImportBatch per `chunkSize` patients, for writing
 * large volumes (benchmarks: 100,000 patients) without holding them all. The first batch
 * also carries payers, practitioners and locations (unless includeReferenceData is false);
 * with no patients that batch is yielded alone.
 */
export function* generatePatientsStream(
  opts: DemoStreamOptions,
): Generator<ImportBatch, void, undefined> {
  validate(opts);
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError('chunkSize must be a positive integer');
  const ref = buildReferenceData(opts.seed, opts.organizationId);
  const withReference = opts.includeReferenceData ?? true;
  if (opts.patientCount === 0) {
    if (withReference) {
      const batch = emptyImportBatch();
      addReferenceData(batch, ref);
      yield batch;
    }
    return;
  }
  for (let start = 0; start < opts.patientCount; start += chunkSize) {
    const batch = emptyImportBatch();
    if (start === 0 && withReference) addReferenceData(batch, ref);
    const end = Math.min(start + chunkSize, opts.patientCount);
    for (let i = start; i < end; i++) appendDemoPatient(batch, ref, opts, i);
    yield batch;
  }
}

/** The clinic and staff alone (what a store seeds before streaming patients). */
export function generateDemoReference(
  opts: Pick<DemoOptions, 'seed' | 'organizationId'>,
): Omit<DemoData, 'batch'> {
  const ref = buildReferenceData(opts.seed, opts.organizationId);
  return { organization: ref.organization, staff: ref.staff };
}
