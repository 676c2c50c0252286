import type { Consent, DataCategory } from '@caredesk/core/consent';
import type { RelatedPerson, Relationship } from '@caredesk/core/patients';
import { api } from '../../api/client';

/** What the patient fills in to invite a caregiver (POST /api/patients/{id}/caregiver-invitations). */
export interface CaregiverInvitationInput {
  givenName: string;
  familyName: string;
  email: string;
  relationship: Relationship;
  permit: DataCategory[];
  /** The instant sharing ends (exclusive); null: until the patient stops it. */
  until: string | null;
}

/** `invited`: a new sign-in was offered by e-mail; `linked`: they already had one. */
export interface CaregiverInvitation {
  relatedPerson: RelatedPerson;
  consent: Consent;
  caregiver: 'invited' | 'linked';
}

export const inviteCaregiver = (patientId: string, input: CaregiverInvitationInput) =>
  api<CaregiverInvitation>(
    'POST',
    `/api/patients/${encodeURIComponent(patientId)}/caregiver-invitations`,
    input,
  );

/**
 * The last moment of a chosen last day, where the patient is: sharing "until 31 May"
 * includes all of 31 May, and every page that shows the end date shows 31 May.
 */
export function endOfDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
}

/** Today as the browser's date input writes it (local calendar day). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
