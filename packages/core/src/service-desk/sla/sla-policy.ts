import { CASE_PRIORITIES, type CasePriority } from '../../cases/case';
import type { FieldIssue } from '../../shared/domain-error';

/** What happens when a target is missed (issue #5 §2: "breach escalation"). */
export const SLA_BREACH_ACTIONS = ['notify-supervisor', 'raise-priority', 'reassign'] as const;
export type SlaBreachAction = (typeof SLA_BREACH_ACTIONS)[number];

/**
 * Service-level targets for cases of one category and priority, in business minutes of
 * the team's calendar. '*' matches any category or priority; the most specific policy
 * wins (selectPolicy).
 */
export interface SlaPolicy {
  id: string;
  /** A category code, or '*' for any (written `string | '*'`, which is just string). */
  category: string;
  priority: CasePriority | '*';
  /** Until the first public reply to the patient. */
  firstResponseMinutes: number;
  /** Until the case is resolved. */
  resolutionMinutes: number;
  /** Share of a target after which the clock warns, 0 < x < 1 (0.75: at three quarters). */
  warnAtShare: number;
  onBreach: SlaBreachAction[];
}

export type SlaPolicyInput = Omit<SlaPolicy, 'id'>;

/**
 * How many business minutes the console calls "one business day": the conventional
 * eight-hour working day. Targets are stored in minutes, so a calendar with longer
 * opening hours still counts a "day" as eight open hours.
 */
export const BUSINESS_DAY_MINUTES = 480;

/** The longest target accepted: a year of eight-hour business days. */
export const MAX_TARGET_MINUTES = 260 * BUSINESS_DAY_MINUTES;

/** A category code: built-in ones and those administrators add are kebab-case words. */
const CATEGORY_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The policy for a case: exact category and priority first, then the category with any
 * priority, then any category with the priority, then the catch-all. Null when nothing
 * matches (the case has no SLA).
 */
export function selectPolicy(
  policies: readonly SlaPolicy[],
  category: string,
  priority: CasePriority,
): SlaPolicy | null {
  const order: Array<[string, string]> = [
    [category, priority],
    [category, '*'],
    ['*', priority],
    ['*', '*'],
  ];
  for (const [c, p] of order) {
    const found = policies.find((x) => x.category === c && x.priority === p);
    if (found) return found;
  }
  return null;
}

function isTarget(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_TARGET_MINUTES;
}

/** What is wrong with a policy, as field issues (empty when it can be saved). */
export function validateSlaPolicy(input: SlaPolicyInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, messageKey: string, detail: string) =>
    issues.push({ path, messageKey, detail });
  if (
    input.category !== '*' &&
    !(input.category.length <= 64 && CATEGORY_CODE.test(input.category))
  )
    add('category', 'validation.field.invalid', "a category code or '*'");
  if (input.priority !== '*' && !(CASE_PRIORITIES as readonly string[]).includes(input.priority))
    add('priority', 'validation.field.invalid', "a case priority or '*'");
  if (!isTarget(input.firstResponseMinutes))
    add('firstResponseMinutes', 'sla.policy.target', `whole minutes, 1–${MAX_TARGET_MINUTES}`);
  if (!isTarget(input.resolutionMinutes))
    add('resolutionMinutes', 'sla.policy.target', `whole minutes, 1–${MAX_TARGET_MINUTES}`);
  else if (
    isTarget(input.firstResponseMinutes) &&
    input.resolutionMinutes < input.firstResponseMinutes
  )
    add('resolutionMinutes', 'sla.policy.resolutionBeforeResponse', 'shorter than first response');
  if (!(typeof input.warnAtShare === 'number' && input.warnAtShare > 0 && input.warnAtShare < 1))
    add('warnAtShare', 'sla.policy.warnShare', 'between 0 and 1, exclusive');
  input.onBreach.forEach((action, i) => {
    if (!(SLA_BREACH_ACTIONS as readonly string[]).includes(action))
      add(`onBreach/${i}`, 'validation.field.invalid', SLA_BREACH_ACTIONS.join(', '));
    else if (input.onBreach.indexOf(action) !== i)
      add(`onBreach/${i}`, 'validation.field.invalid', 'listed twice');
  });
  return issues;
}

/**
 * The policies an organization starts with, one per priority for every category. The
 * figures follow the FHIR request-priority meanings (http://hl7.org/fhir/request-priority):
 * stat is "immediately", asap "as soon as possible, next after stat", urgent "sooner than
 * routine", routine "normal". A patient waiting on a stat request hears back within an
 * hour and has it done within half a day; a routine one within a business day and a
 * working week. Each step up is strictly faster than the one below (asap resolves in six
 * hours, not eight, so it does not tie with urgent's one business day).
 * Every breach tells the supervisor; from urgent up a breach also raises the priority, so
 * an overdue case climbs the queue instead of waiting behind newer ones.
 */
export function defaultSlaPolicies(): SlaPolicyInput[] {
  const hour = 60;
  const day = BUSINESS_DAY_MINUTES;
  const row = (
    priority: CasePriority,
    firstResponseMinutes: number,
    resolutionMinutes: number,
  ): SlaPolicyInput => ({
    category: '*',
    priority,
    firstResponseMinutes,
    resolutionMinutes,
    warnAtShare: 0.75,
    onBreach:
      priority === 'routine' ? ['notify-supervisor'] : ['notify-supervisor', 'raise-priority'],
  });
  return [
    row('stat', 1 * hour, 4 * hour),
    row('asap', 2 * hour, 6 * hour),
    row('urgent', 4 * hour, 1 * day),
    row('routine', 1 * day, 5 * day),
  ];
}
