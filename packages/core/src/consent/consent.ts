/**
 * A patient's permission for a caregiver (proxy) to see parts of their record, modelled
 * on FHIR Consent (scope patient-privacy; https://hl7.org/fhir/R4/consent.html): an outer
 * permit for data categories over a period, with nested denies that carve sensitive
 * categories out. Evaluated at request time, deny by default.
 */
export const DATA_CATEGORIES = [
  'profile',
  'appointments',
  'medications',
  'billing',
  'messages',
  'clinical-notes',
  'care-plans',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export type ConsentStatus =
  'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';

export interface Consent {
  id: string;
  patientId: string;
  /** The caregiver this consent is for (a RelatedPerson of the patient). */
  relatedPersonId: string;
  status: ConsentStatus;
  /** Categories permitted (outer provision, type permit). */
  permit: DataCategory[];
  /** Categories denied even if permitted (nested provision, type deny). */
  deny: DataCategory[];
  /** Inclusive start, exclusive end, ISO instants; null end = until revoked. */
  periodStart: string;
  periodEnd: string | null;
  /** Who granted it: the patient's account, or staff recording a paper form. */
  grantedBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** True when the consent is in force at `now` (active, started, not ended, not revoked). */
export function consentInForce(c: Consent, now: string): boolean {
  return (
    c.status === 'active' &&
    c.revokedAt === null &&
    c.periodStart <= now &&
    (c.periodEnd === null || now < c.periodEnd)
  );
}

/**
 * Whether the consents let `relatedPersonId` see `category` of the patient's record at
 * `now`. Any in-force consent that denies the category wins over every permit.
 */
export function consentAllows(
  consents: readonly Consent[],
  relatedPersonId: string,
  patientId: string,
  category: DataCategory,
  now: string,
): boolean {
  const inForce = consents.filter(
    (c) =>
      c.relatedPersonId === relatedPersonId && c.patientId === patientId && consentInForce(c, now),
  );
  if (inForce.some((c) => c.deny.includes(category))) return false;
  return inForce.some((c) => c.permit.includes(category));
}
