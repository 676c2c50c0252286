import type { IntlShape } from 'react-intl';
import type { MessageKey } from '../i18n/languages';
import type { CodedValue } from './clinical-api';

/**
 * Clinical codes as the words staff read. Statuses and classes are FHIR value sets and
 * are translated (one message key per code, per list: Spanish and Latvian adjectives agree
 * with the noun). What a code means clinically (a SNOMED CT or RxNorm display) comes from
 * the data as received and is never translated here.
 */

/** https://hl7.org/fhir/R4/valueset-encounter-status.html */
const ENCOUNTER_STATUS: Record<string, MessageKey> = {
  planned: 'web.clinical.encounter.status.planned',
  arrived: 'web.clinical.encounter.status.arrived',
  triaged: 'web.clinical.encounter.status.triaged',
  'in-progress': 'web.clinical.encounter.status.in-progress',
  onleave: 'web.clinical.encounter.status.onleave',
  finished: 'web.clinical.encounter.status.finished',
  cancelled: 'web.clinical.encounter.status.cancelled',
  'entered-in-error': 'web.clinical.encounter.status.entered-in-error',
  unknown: 'web.clinical.encounter.status.unknown',
};
export const encounterStatusKey = (code: string): MessageKey =>
  ENCOUNTER_STATUS[code] ?? 'web.clinical.encounter.status.unknown';

/** v3 ActCode encounter classes (https://terminology.hl7.org/ValueSet-v3-ActEncounterCode.html). */
const ENCOUNTER_CLASS: Record<string, MessageKey> = {
  AMB: 'web.clinical.encounter.class.AMB',
  IMP: 'web.clinical.encounter.class.IMP',
  EMER: 'web.clinical.encounter.class.EMER',
  VR: 'web.clinical.encounter.class.VR',
  HH: 'web.clinical.encounter.class.HH',
  OBSENC: 'web.clinical.encounter.class.OBSENC',
  SS: 'web.clinical.encounter.class.SS',
};
/** Undefined for a class outside the common ones: the code itself is shown. */
export const encounterClassKey = (code: string): MessageKey | undefined => ENCOUNTER_CLASS[code];

/** https://hl7.org/fhir/R4/valueset-condition-clinical.html */
const CONDITION_STATUS: Record<string, MessageKey> = {
  active: 'web.clinical.condition.status.active',
  recurrence: 'web.clinical.condition.status.recurrence',
  relapse: 'web.clinical.condition.status.relapse',
  inactive: 'web.clinical.condition.status.inactive',
  remission: 'web.clinical.condition.status.remission',
  resolved: 'web.clinical.condition.status.resolved',
};
export const conditionStatusKey = (code: string | null): MessageKey =>
  (code && CONDITION_STATUS[code]) || 'web.clinical.condition.status.unknown';

/** https://hl7.org/fhir/R4/valueset-medicationrequest-status.html */
const MEDICATION_STATUS: Record<string, MessageKey> = {
  active: 'web.clinical.medication.status.active',
  'on-hold': 'web.clinical.medication.status.on-hold',
  cancelled: 'web.clinical.medication.status.cancelled',
  completed: 'web.clinical.medication.status.completed',
  'entered-in-error': 'web.clinical.medication.status.entered-in-error',
  stopped: 'web.clinical.medication.status.stopped',
  draft: 'web.clinical.medication.status.draft',
  unknown: 'web.clinical.medication.status.unknown',
};
export const medicationStatusKey = (code: string): MessageKey =>
  MEDICATION_STATUS[code] ?? 'web.clinical.medication.status.unknown';

/** CarePlan.status is request-status (https://hl7.org/fhir/R4/valueset-request-status.html). */
const CARE_PLAN_STATUS: Record<string, MessageKey> = {
  draft: 'web.clinical.care-plan.status.draft',
  active: 'web.clinical.care-plan.status.active',
  'on-hold': 'web.clinical.care-plan.status.on-hold',
  revoked: 'web.clinical.care-plan.status.revoked',
  completed: 'web.clinical.care-plan.status.completed',
  'entered-in-error': 'web.clinical.care-plan.status.entered-in-error',
  unknown: 'web.clinical.care-plan.status.unknown',
};
export const carePlanStatusKey = (code: string): MessageKey =>
  CARE_PLAN_STATUS[code] ?? 'web.clinical.care-plan.status.unknown';

/** What a code says, as the sender wrote it; the bare code when it came without text. */
export const codedText = (c: CodedValue | null | undefined): string | null =>
  c ? (c.display ?? c.code) : null;

/**
 * A FHIR date or dateTime in the reader's language. A year or a month alone stays that
 * precise; a calendar date is shown as written (in UTC, so that it never moves a day);
 * an instant is shown in the reader's own time zone.
 * https://hl7.org/fhir/R4/datatypes.html#dateTime
 */
export function clinicalDate(intl: IntlShape, value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}$/.test(value))
    return intl.formatDate(`${value}-07-01T00:00:00Z`, { year: 'numeric', timeZone: 'UTC' });
  if (/^\d{4}-\d{2}$/.test(value))
    return intl.formatDate(`${value}-15T00:00:00Z`, {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return intl.formatDate(`${value}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : intl.formatDate(at, { dateStyle: 'medium' });
}

/**
 * A visit's dates: one day when it began and ended on the same day (the locale's own
 * range format collapses it), a range for a stay, the start alone while it goes on.
 */
export function clinicalPeriod(
  intl: IntlShape,
  start: string | null,
  end: string | null,
): string | null {
  const instant = (v: string | null) => (v && v.length > 10 ? new Date(v) : null);
  const [from, to] = [instant(start), instant(end)];
  if (from && to && !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from <= to)
    return intl.formatDateTimeRange(from, to, { dateStyle: 'medium' });
  return clinicalDate(intl, start);
}
