import type { ImportBatch, PersonName, SourceRef } from '@caredesk/core';
import type { NameSex } from './demo-names';
import type { ReferenceData } from './demo-reference';
import type { DemoLanguage } from './demo-types';
import type { PatientIdAllocator } from './ids';
import type { Rng } from './random';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

/** What every part of one patient's generation shares. */
export interface PatientContext {
  rng: Rng;
  ids: PatientIdAllocator;
  /** 0-based position of the patient in the demo; sourceKeys use it. */
  index: number;
  nowMs: number;
  organizationId: string;
  ref: ReferenceData;
  batch: ImportBatch;
  patientId: string;
  language: DemoLanguage;
  sex: NameSex;
  /** Whole years at `now`. */
  age: number;
  birthMs: number;
  /** Death instant, or null for the living. */
  deathMs: number | null;
  name: PersonName;
  /** The family name's parts (two for Spanish speakers). */
  familyParts: string[];
  /** Phone reachable for this patient (their own, or a parent's for children). */
  phone: string | null;
  /** Sequence for the sourceKeys of this patient's records. */
  recordSeq: number;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Formatted days, shared: a demo spans about a century of days, and equal dates share one string. */
const DAY_STRINGS = new Map<number, string>();

export function isoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = DAY_STRINGS.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DAY_STRINGS.set(day, text);
  }
  return text;
}

/** `demo/Encounter/12.3`: the patient's number and the record's ordinal within that patient. */
export function recordSource(ctx: PatientContext, resourceType: string): SourceRef {
  ctx.recordSeq += 1;
  return { entryIndex: -1, sourceKey: `demo/${resourceType}/${ctx.index + 1}.${ctx.recordSeq}` };
}
