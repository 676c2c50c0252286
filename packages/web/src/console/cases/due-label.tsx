import { useIntl } from 'react-intl';
import { dueState, relativeDue } from '../../cases/due';
import { useT } from '../../i18n/i18n-provider';

/**
 * A due time as an agent reads it at a glance: relative to now, red and "Overdue" once
 * past, amber within four hours. The colour is never the only signal (WCAG 1.4.1): the
 * words say it, and the exact time is in the element for anyone who needs it.
 */
export function DueLabel({ dueAt, now }: { dueAt: string | null; now: number }) {
  const t = useT();
  const intl = useIntl();
  const state = dueState(dueAt, now);
  if (state === 'none' || !dueAt)
    return <span className="due none">{t('web.cases.due.none')}</span>;
  const { value, unit } = relativeDue(dueAt, now);
  const when = intl.formatRelativeTime(value, unit, { numeric: 'auto' });
  const exact = intl.formatDate(dueAt, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <time dateTime={dueAt} title={exact} className={`due ${state}`}>
      {state === 'overdue' ? t('web.cases.due.overdue', { when }) : t('web.cases.due.in', { when })}
    </time>
  );
}
