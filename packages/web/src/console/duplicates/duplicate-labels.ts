import type { DuplicateReason } from '@caredesk/core/patients';
import type { MessageKey } from '../../i18n/languages';

/** Why a pair was flagged (core/src/patients/duplicates.ts), as a reviewer reads it. */
const REASON: Record<DuplicateReason, MessageKey> = {
  'same-birth-date': 'web.duplicates.reason.same-birth-date',
  'similar-name': 'web.duplicates.reason.similar-name',
  'same-phone': 'web.duplicates.reason.same-phone',
  'same-email': 'web.duplicates.reason.same-email',
};

// A reason added on the server before the console knows its words still reads sensibly.
export const reasonKey = (r: DuplicateReason): MessageKey =>
  (REASON as Partial<Record<string, MessageKey>>)[r] ?? 'web.duplicates.reason.other';

/** The two records of a pair are called A and B throughout the page and the dialog. */
export const LETTERS = ['A', 'B'] as const;
export type Letter = (typeof LETTERS)[number];
