import type { Consent } from '@caredesk/core/consent';
import type {
  CareTeamMember,
  ContactPreferences,
  Coverage,
  Patient,
  RelatedPerson,
} from '@caredesk/core/patients';
import { api } from '../api/client';

/**
 * The API answers with the core's own shapes (core/src/patients, core/src/consent):
 * the types are shared, not copied.
 */
export type {
  CareTeamMember,
  ContactPoint,
  ContactPreferences,
  Coverage,
  Patient,
  PersonName,
  RelatedPerson,
} from '@caredesk/core/patients';
export type { Consent } from '@caredesk/core/consent';
export { displayName } from '@caredesk/core/patients';
export { consentInForce } from '@caredesk/core/consent';

const base = (id: string) => `/api/patients/${encodeURIComponent(id)}`;
const items = <T>(path: string) => api<{ items: T[] }>('GET', path).then((r) => r.items);

export const fetchPatient = (id: string) => api<Patient>('GET', base(id));
export const fetchRelatedPersons = (id: string) =>
  items<RelatedPerson>(`${base(id)}/related-persons`);
export const fetchCoverages = (id: string) => items<Coverage>(`${base(id)}/coverages`);
export const fetchCareTeam = (id: string) => items<CareTeamMember>(`${base(id)}/care-team`);
export const fetchConsents = (id: string) => items<Consent>(`${base(id)}/consents`);

/** Ends a consent now (the patient's own right, FHIR Consent status → inactive). */
export const revokeConsent = (patientId: string, consentId: string) =>
  api<unknown>('POST', `${base(patientId)}/consents/${encodeURIComponent(consentId)}/revoke`);

/**
 * Replaces how to reach the patient (contacts, language, channel, quiet hours) and
 * nothing else; `version` is the one read, so a change made meanwhile is a 409.
 */
export const saveContactPreferences = (id: string, body: ContactPreferences, version: number) =>
  api<Patient>('PUT', `${base(id)}/contact-preferences`, { ...body, version });

export interface BreakGlassGrant {
  id: string;
  expiresAt: string;
}

/** Emergency access to a record outside the staff member's reach, with the reason given. */
export const openBreakGlass = (patientId: string, reason: string) =>
  api<BreakGlassGrant>('POST', `${base(patientId)}/break-glass`, { reason });
