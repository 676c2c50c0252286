import {
  BUILT_IN_CASE_CATEGORIES,
  CASE_PRIORITIES,
  type BuiltInCaseCategory,
  type CasePriority,
} from '@caredesk/core/cases';
import { BUSINESS_DAY_MINUTES, type SlaPolicy } from '@caredesk/core/service-desk';
import type { useT } from '../../i18n/i18n-provider';

type T = ReturnType<typeof useT>;

const isBuiltIn = (code: string): code is BuiltInCaseCategory =>
  (BUILT_IN_CASE_CATEGORIES as readonly string[]).includes(code);

/** A category's name; an administrator's own category shows its code. */
export function categoryLabel(t: T, code: string): string {
  if (code === '*') return t('web.sla.any-category');
  return isBuiltIn(code) ? t(`case.category.${code}`) : code;
}

export function priorityLabel(t: T, code: CasePriority | '*'): string {
  return code === '*' ? t('web.sla.any-priority') : t(`case.priority.${code}`);
}

/** The units a target is entered in; a business day is BUSINESS_DAY_MINUTES (8 h). */
export const DURATION_UNITS = {
  minutes: 1,
  hours: 60,
  days: BUSINESS_DAY_MINUTES,
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** The largest unit a target is a whole number of. */
export function unitFor(minutes: number): DurationUnit {
  if (minutes % BUSINESS_DAY_MINUTES === 0) return 'days';
  return minutes % 60 === 0 ? 'hours' : 'minutes';
}

/** "4 h", "1 business day", "1 h 30 min", in the reader's language. */
export function durationLabel(t: T, minutes: number): string {
  const unit = unitFor(minutes);
  if (unit === 'days') return t('web.sla.duration.days', { count: minutes / BUSINESS_DAY_MINUTES });
  if (unit === 'hours') return t('web.sla.duration.hours', { count: minutes / 60 });
  if (minutes < 60) return t('web.sla.duration.minutes', { count: minutes });
  return t('web.sla.duration.hours-minutes', {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
  });
}

/** As the server lists them: the catch-all first, then by category, priorities in rising order. */
export function sortPolicies(list: SlaPolicy[]): SlaPolicy[] {
  const cat = (c: string) => (c === '*' ? '' : c);
  const pri = (p: CasePriority | '*') => (p === '*' ? -1 : CASE_PRIORITIES.indexOf(p));
  return [...list].sort(
    (a, b) => cat(a.category).localeCompare(cat(b.category)) || pri(a.priority) - pri(b.priority),
  );
}
