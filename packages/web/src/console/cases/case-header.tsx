import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { CaseDetail } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { channelName, priorityName, statusName } from './case-labels';
import { DueLabel } from './due-label';

/**
 * The top of the case page: what it is, whose it is, and when it is due, in the words
 * an agent uses on the phone ("case C-000123").
 */
export function CaseHeader({
  detail,
  category,
  me,
  now,
  canWork,
  busy,
  onAssignToMe,
}: {
  detail: CaseDetail;
  category: (code: string) => string;
  me: string;
  now: number;
  canWork: boolean;
  busy: boolean;
  onAssignToMe: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const c = detail.case;
  const when = (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  const assignee = c.assigneeId
    ? c.assigneeId === me
      ? t('web.cases.assignee.me')
      : (detail.people[c.assigneeId] ?? t('web.cases.assignee.colleague'))
    : t('web.cases.assignee.nobody');
  // The patient is named only once a caller who cannot be seen has been verified.
  const patient = detail.patient ?? null;
  const patientText = !c.patientId
    ? c.caller?.name
      ? t('web.cases.caller.named', { name: c.caller.name })
      : t('web.cases.caller.unidentified')
    : detail.needsVerification
      ? t('web.cases.verify.not-yet')
      : (patient?.displayName ?? t('web.cases.patient.hidden'));
  return (
    <header className="case-header">
      <p className="case-kicker">
        <span className="case-ref">{c.reference}</span>
        <span>{channelName(t, c.channel)}</span>
      </p>
      <h1>{c.subject}</h1>
      <dl className="case-facts">
        <div>
          <dt>{t('web.cases.column.status')}</dt>
          <dd>
            <span className={`case-status ${c.status}`}>{statusName(t, c.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.column.priority')}</dt>
          <dd>
            <span className={`case-priority ${c.priority}`}>{priorityName(t, c.priority)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.column.category')}</dt>
          <dd>{category(c.category)}</dd>
        </div>
        <div>
          <dt>{t('web.cases.column.patient')}</dt>
          <dd>
            {patient ? (
              <Link to={`/console/patients/${patient.id}`}>{patientText}</Link>
            ) : (
              patientText
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.column.assignee')}</dt>
          <dd className="case-assignee">
            <span>{assignee}</span>
            {canWork && c.assigneeId !== me && (
              <button type="button" disabled={busy} onClick={onAssignToMe}>
                {t('web.cases.assign-to-me')}
              </button>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.tags')}</dt>
          <dd>
            {c.tags.length > 0 ? (
              <ul className="case-tags">
                {c.tags.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            ) : (
              t('web.cases.tags.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.first-response')}</dt>
          <dd>
            {c.firstResponseAt ? (
              t('web.cases.answered', { when: when(c.firstResponseAt) })
            ) : (
              <DueLabel dueAt={c.sla.firstResponseDue} now={now} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.resolution')}</dt>
          <dd>
            {c.resolvedAt ? (
              t('web.cases.resolved-at', { when: when(c.resolvedAt) })
            ) : (
              <DueLabel dueAt={c.sla.resolutionDue} now={now} />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('web.cases.opened')}</dt>
          <dd>{when(c.createdAt)}</dd>
        </div>
      </dl>
    </header>
  );
}
