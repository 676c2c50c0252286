import {
  BUILT_IN_CASE_CATEGORIES,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
} from '@caredesk/core/cases';
import type { MessageKey } from '../../i18n/languages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Staff words for a case's category: ours for the built-in ones; for one an organization
 * added, the name it gave in the reader's language, else in English, else its code.
 */
export function categoryName(
  t: T,
  code: string,
  custom?: { labels?: Record<string, Record<string, string>>; language: string },
): string {
  if ((BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(code))
    return t(`web.cases.category.${code}` as MessageKey);
  const names = custom?.labels?.[code];
  return names?.[custom?.language ?? 'en'] ?? names?.en ?? code;
}

export const priorityName = (t: T, code: CasePriority) => t(`web.cases.priority.${code}`);
export const statusName = (t: T, code: CaseStatus) => t(`web.cases.status.${code}`);
export const channelName = (t: T, code: CaseChannel) => t(`web.cases.channel.${code}`);
