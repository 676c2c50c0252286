import type { BuiltInCaseCategory, CaseStatus } from '@caredesk/core/cases';
import {
  isMacroPlaceholder,
  type MacroAudience,
  type MacroLanguage,
  type MacroPlaceholder,
} from '@caredesk/core/service-desk';
import type { MessageKey } from '../../i18n/languages';

/** Each language named in itself, as the language picker names it. */
export const LANGUAGE_NAME: Record<MacroLanguage, MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

export const PLACEHOLDER_LABEL: Record<MacroPlaceholder, MessageKey> = {
  'patient.firstName': 'web.macros.placeholder.patient-first-name',
  'patient.fullName': 'web.macros.placeholder.patient-full-name',
  'case.number': 'web.macros.placeholder.case-number',
  'case.subject': 'web.macros.placeholder.case-subject',
  'case.dueDate': 'web.macros.placeholder.case-due-date',
  'agent.firstName': 'web.macros.placeholder.agent-first-name',
  'organization.name': 'web.macros.placeholder.organization-name',
  'portal.link': 'web.macros.placeholder.portal-link',
};

export const STATUS_LABEL: Record<CaseStatus, MessageKey> = {
  new: 'web.macros.status.new',
  open: 'web.macros.status.open',
  'pending-patient': 'web.macros.status.pending-patient',
  'pending-third-party': 'web.macros.status.pending-third-party',
  resolved: 'web.macros.status.resolved',
  closed: 'web.macros.status.closed',
};

export const CATEGORY_LABEL: Record<BuiltInCaseCategory, MessageKey> = {
  'claim-help': 'web.macros.category.claim-help',
  'reimbursement-form': 'web.macros.category.reimbursement-form',
  refill: 'web.macros.category.refill',
  'test-arrangement': 'web.macros.category.test-arrangement',
  'procedure-scheduling': 'web.macros.category.procedure-scheduling',
  'device-help': 'web.macros.category.device-help',
  'billing-question': 'web.macros.category.billing-question',
  'billing-dispute': 'web.macros.category.billing-dispute',
  'financial-assistance': 'web.macros.category.financial-assistance',
  'discharge-follow-up': 'web.macros.category.discharge-follow-up',
  complaint: 'web.macros.category.complaint',
  general: 'web.macros.category.general',
};

export const AUDIENCE_LABEL: Record<MacroAudience, MessageKey> = {
  'public-reply': 'web.macros.audience.public-reply',
  'internal-note': 'web.macros.audience.internal-note',
};

/** A category code as a person reads it; one an administrator added shows as its code. */
export const categoryLabel = (t: (key: MessageKey) => string, code: string): string =>
  code in CATEGORY_LABEL ? t(CATEGORY_LABEL[code as BuiltInCaseCategory]) : code;

/** The placeholders a rendering had no value for, as a person reads them. */
export const missingList = (t: (key: MessageKey) => string, missing: readonly string[]): string =>
  missing.map((m) => (isMacroPlaceholder(m) ? t(PLACEHOLDER_LABEL[m]) : m)).join(', ');
