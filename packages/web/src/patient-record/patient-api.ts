import { api } from '../api/client';

/** The patient record as GET /api/patients/{id} answers it (core/src/patients/patient.ts). */
export interface PersonName {
  use: string;
  given: string[];
  family: string;
  prefix: string[];
  suffix: string[];
}

export interface ContactPoint {
  system: 'phone' | 'email' | 'sms';
  value: string;
  use?: string;
  rank?: number;
}

export interface Patient {
  id: string;
  names: PersonName[];
  birthDate: string | null;
  administrativeSex: 'male' | 'female' | 'other' | 'unknown';
  genderIdentity: string | null;
  identifiers: Array<{ system: string; value: string; type?: string }>;
  telecom: ContactPoint[];
  addresses: Array<{
    use?: string;
    lines: string[];
    city: string;
    state?: string;
    postalCode?: string;
    country?: string;
  }>;
  preferredLanguage: string;
  preferredChannel: 'portal' | 'email' | 'sms' | 'phone' | 'letter';
  quietHours: { start: string; end: string; timeZone: string } | null;
  deceased: boolean;
  version: number;
}

export interface RelatedPerson {
  id: string;
  names: PersonName[];
  relationship: string;
  telecom: ContactPoint[];
  isCaregiver: boolean;
  active: boolean;
}

export interface Coverage {
  id: string;
  status: string;
  payerName: string;
  planName: string | null;
  memberId: string | null;
  subscriberName: string | null;
  relationship: string;
  periodStart: string | null;
  periodEnd: string | null;
  order: number;
}

export interface CareTeamMember {
  id: string;
  practitionerId: string;
  role: string;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface Consent {
  id: string;
  relatedPersonId: string;
  status: string;
  permit: string[];
  deny: string[];
  periodStart: string;
  periodEnd: string | null;
  revokedAt: string | null;
}

const base = (id: string) => `/api/patients/${encodeURIComponent(id)}`;
const items = <T>(path: string) => api<{ items: T[] }>('GET', path).then((r) => r.items);

export const fetchPatient = (id: string) => api<Patient>('GET', base(id));
export const fetchRelatedPersons = (id: string) =>
  items<RelatedPerson>(`${base(id)}/related-persons`);
export const fetchCoverages = (id: string) => items<Coverage>(`${base(id)}/coverages`);
export const fetchCareTeam = (id: string) => items<CareTeamMember>(`${base(id)}/care-team`);
export const fetchConsents = (id: string) => items<Consent>(`${base(id)}/consents`);

/** "Given Family", from the official name when there is one. */
export function displayName(names: PersonName[]): string {
  const name = names.find((n) => n.use === 'official') ?? names[0];
  if (!name) return '';
  return [...name.prefix, ...name.given, name.family, ...name.suffix].filter(Boolean).join(' ');
}

/** Ends a consent now (the patient's own right, FHIR Consent status → inactive). */
export const revokeConsent = (patientId: string, consentId: string) =>
  api<unknown>('POST', `${base(patientId)}/consents/${encodeURIComponent(consentId)}/revoke`);

/** In force at `now`: active, begun, not ended, not revoked. */
export function consentInForce(c: Consent, now: string): boolean {
  return (
    c.status === 'active' &&
    !c.revokedAt &&
    c.periodStart <= now &&
    (!c.periodEnd || c.periodEnd > now)
  );
}

export interface BreakGlassGrant {
  id: string;
  expiresAt: string;
}

/** Emergency access to a record outside the staff member's reach, with the reason given. */
export const openBreakGlass = (patientId: string, reason: string) =>
  api<BreakGlassGrant>('POST', `${base(patientId)}/break-glass`, { reason });
