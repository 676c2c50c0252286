import { RELATIONSHIPS } from '@caredesk/core/patients';
import type { MessageKey } from '../i18n/languages';

/** Codes the registry stores, as the words staff read (one message key per code). */

export function relationshipKey(code: string): MessageKey {
  return (RELATIONSHIPS as readonly string[]).includes(code)
    ? (`web.relationship.${code}` as MessageKey)
    : 'web.relationship.O';
}

const SEX: Record<string, MessageKey> = {
  male: 'web.patient.sex.male',
  female: 'web.patient.sex.female',
  other: 'web.patient.sex.other',
  unknown: 'web.patient.sex.unknown',
};
export const sexKey = (code: string): MessageKey => SEX[code] ?? 'web.patient.sex.unknown';

const CHANNEL: Record<string, MessageKey> = {
  portal: 'web.patient.channel.portal',
  email: 'web.patient.channel.email',
  sms: 'web.patient.channel.sms',
  phone: 'web.patient.channel.phone',
  letter: 'web.patient.channel.letter',
};
export const channelKey = (code: string): MessageKey =>
  CHANNEL[code] ?? 'web.patient.channel.portal';

const CONTACT: Record<string, MessageKey> = {
  phone: 'web.patient.contact.phone',
  sms: 'web.patient.contact.sms',
  email: 'web.patient.contact.email',
};
export const contactKey = (code: string): MessageKey =>
  CONTACT[code] ?? 'web.patient.contact.phone';

const CATEGORY: Record<string, MessageKey> = {
  profile: 'web.category.profile',
  appointments: 'web.category.appointments',
  medications: 'web.category.medications',
  billing: 'web.category.billing',
  messages: 'web.category.messages',
  'clinical-notes': 'web.category.clinical-notes',
  'care-plans': 'web.category.care-plans',
};
export const categoryKey = (code: string): MessageKey => CATEGORY[code] ?? 'web.category.profile';

/** Roles (staff, and the patient or caregiver acting for themselves) as people say them (core/src/access/roles.ts); undefined for an unknown code. */
const ROLE: Record<string, MessageKey> = {
  agent: 'web.role.agent',
  nurse: 'web.role.nurse',
  physician: 'web.role.physician',
  billing: 'web.role.billing',
  'social-worker': 'web.role.social-worker',
  supervisor: 'web.role.supervisor',
  'privacy-officer': 'web.role.privacy-officer',
  admin: 'web.role.admin',
  caregiver: 'web.role.caregiver',
  patient: 'web.role.patient',
};

export const roleKey = (code: string): MessageKey | undefined => ROLE[code];
