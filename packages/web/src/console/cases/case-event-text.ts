import { CASE_PRIORITIES, CASE_STATUSES } from '@caredesk/core/cases';
import { CALL_OUTCOMES } from '@caredesk/core/care-transitions';
import { DATA_CATEGORIES } from '@caredesk/core/consent';
import { UNASSIGNED_REASONS } from '@caredesk/core/service-desk';
import {
  VERIFICATION_IDENTIFIERS,
  type CaseEvent,
  type VerificationIdentifier,
} from '../../cases/cases-api';
import type { MessageKey } from '../../i18n/languages';
import { categoryKey } from '../../patient-record/patient-labels';
import { categoryName, priorityName, statusName } from './case-labels';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isOneOf = <C extends string>(codes: readonly C[], v: unknown): v is C =>
  typeof v === 'string' && (codes as readonly string[]).includes(v);

/**
 * One timeline entry in words (issue #5 §1: every change is in the case's timeline).
 * `person` names a staff account when the page knows it. Kinds this page does not know
 * yet (added later by other parts of the desk) still show, by their code.
 */
export function eventText(
  t: T,
  e: CaseEvent,
  person: (id: string) => string,
  category: (code: string) => string = (code) => categoryName(t, code),
): string {
  const { from, to } = e.data;
  switch (e.kind) {
    case 'created':
      return e.data.followUpOf ? t('web.cases.event.follow-up') : t('web.cases.event.created');
    case 'routed': {
      const reason = e.data.reason;
      if (typeof e.data.assigneeId === 'string')
        return t('web.cases.event.routed', { name: person(e.data.assigneeId) });
      if (reason === 'no-queue') return t('web.cases.event.no-queue');
      return isOneOf(UNASSIGNED_REASONS, reason)
        ? t(`web.cases.event.unrouted.${reason}`)
        : t('web.cases.event.queued');
    }
    case 'status':
    case 'reopened':
      if (!isOneOf(CASE_STATUSES, from) || !isOneOf(CASE_STATUSES, to)) break;
      return t(e.kind === 'status' ? 'web.cases.event.status' : 'web.cases.event.reopened', {
        from: statusName(t, from),
        to: statusName(t, to),
      });
    case 'priority':
      if (!isOneOf(CASE_PRIORITIES, from) || !isOneOf(CASE_PRIORITIES, to)) break;
      return t('web.cases.event.priority', {
        from: priorityName(t, from),
        to: priorityName(t, to),
      });
    case 'category':
      return t('web.cases.event.category', {
        from: category(str(from)),
        to: category(str(to)),
      });
    case 'assigned':
      return typeof to === 'string'
        ? t('web.cases.event.assigned', { name: person(to) })
        : t('web.cases.event.unassigned');
    case 'tags': {
      let tags: unknown = [];
      try {
        tags = JSON.parse(str(to));
      } catch {
        // Not a list: shown as no tags.
      }
      const list = Array.isArray(tags) ? tags.filter((x) => typeof x === 'string') : [];
      return list.length > 0
        ? t('web.cases.event.tags', { tags: list.join(', ') })
        : t('web.cases.event.tags-cleared');
    }
    case 'team':
      return t('web.cases.event.team');
    case 'patient-merged':
      return t('web.cases.event.patient-merged');
    case 'follow-up-call':
      if (!isOneOf(CALL_OUTCOMES, e.data.outcome)) break;
      return t('web.cases.event.follow-up-call', {
        outcome: t(`web.followUp.outcome.${e.data.outcome}`),
      });
    case 'follow-up-task-done':
    case 'follow-up-task-cancelled':
    case 'follow-up-referral':
    case 'follow-up-completed':
    case 'follow-up-cancelled':
    case 'supervisor-notified':
      return t(`web.cases.event.${e.kind}`);
    case 'verified':
    case 'identified': {
      const ids = Array.isArray(e.data.identifiers) ? e.data.identifiers : [];
      const named = ids
        .filter((x): x is VerificationIdentifier => isOneOf(VERIFICATION_IDENTIFIERS, x))
        .map((x) => t(`web.cases.identifier.${x}`));
      return t(`web.cases.event.${e.kind}`, { identifiers: named.join(', ') });
    }
    case 'disclosure': {
      const what = e.data.category;
      if (!isOneOf(DATA_CATEGORIES, what)) break;
      return t('web.disclosure.event', {
        category: t(categoryKey(what)),
        purpose: str(e.data.purpose),
      });
    }
  }
  return t('web.cases.event.other', { kind: e.kind });
}
