/**
 * FHIR date and dateTime checks (https://hl7.org/fhir/R4/datatypes.html#date,
 * #dateTime). The R4 regexes accept 2024-02-31, so the calendar is checked as well.
 */

const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(?:\.\d{1,9})?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarOk(year: string, month?: string, day?: string): boolean {
  if (Number(year) < 1) return false;
  if (month === undefined || day === undefined) return true;
  return Number(day) <= daysInMonth(Number(year), Number(month));
}

/** A FHIR `date` (YYYY, YYYY-MM or YYYY-MM-DD) that exists on the calendar. */
export function isFhirDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && calendarOk(m[1]!, m[2], m[3]);
}

/**
 * A FHIR `dateTime`: a date, or a full date with time and a mandatory zone. The time-zone
 * offset needs its colon (`+01:10`, not the v2-style `+0110`).
 */
export function isFhirDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !calendarOk(m[1]!, m[2], m[3])) return false;
  // A time needs a zone: the regex makes the zone optional only when no time is given.
  return !value.includes('T') || /(Z|[+-]\d\d:\d\d)$/.test(value);
}

/**
 * CareDesk keeps birth dates only at day precision (core Patient.birthDate is YYYY-MM-DD
 * or null). A partial date such as `1963` is not an error in FHIR, so it maps to null
 * rather than being invented as 1963-01-01.
 */
export function fullDateOrNull(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isFhirDate(value) ? value : null;
}
