import {
  BUILT_IN_CASE_CATEGORIES,
  type CaseChannel,
  type CasePriority,
} from '@caredesk/core/cases';
import type { AgentAvailability, QueueStrategy } from '@caredesk/core/service-desk';
import type { MessageKey } from '../../i18n/languages';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Names of codes a supervisor chooses from. Categories administrators add have no message
 * yet and show as their code.
 */
export function categoryName(t: T, code: string): string {
  return (BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(code)
    ? t(`web.routing.category.${code}` as MessageKey)
    : code;
}

export const priorityName = (t: T, code: CasePriority) => t(`web.routing.priority.${code}`);
export const channelName = (t: T, code: CaseChannel) => t(`web.routing.channel.${code}`);
export const strategyName = (t: T, code: QueueStrategy) => t(`web.routing.strategy.${code}`);
export const availabilityName = (t: T, code: AgentAvailability) =>
  t(`web.routing.availability.${code}`);

/** A language's name in the reader's language (the browser's CLDR data), else its code. */
export function languageName(uiLanguage: string, tag: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A list of names, or the given word for an empty list ("Any", "None"). */
export function listOr(names: string[], empty: string): string {
  return names.length > 0 ? names.join(', ') : empty;
}
