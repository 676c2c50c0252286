import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { fetchPatientCases } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { usePages } from '../../patient-record/use-pages';
import '../../styles/portal-help.css';
import { statusWords } from './help-labels';

/**
 * "My requests": everything the patient has asked the clinic, newest first, with where
 * each stands in plain words. Who works it and in which queue is staff's business.
 */
export function MyRequestsPage() {
  const t = useT();
  const intl = useIntl();
  const patientId = useSession().account?.patientId ?? '';
  const pages = usePages((cursor) => fetchPatientCases(patientId, cursor), [patientId]);
  const items = pages.resource.kind === 'ready' ? pages.resource.value : [];
  return (
    <div className="my-requests">
      <h1>{t('web.help.requests.title')}</h1>
      <p>
        <Link to="/portal/help" className="button-link">
          {t('web.help.title')}
        </Link>
      </p>
      {pages.resource.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {(pages.resource.kind === 'failed' || pages.resource.kind === 'unavailable') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {pages.resource.kind === 'ready' && items.length === 0 && (
        <p>{t('web.help.requests.empty')}</p>
      )}
      {items.length > 0 && (
        <ul className="plain help-requests" data-testid="requests">
          {items.map((c) => (
            <li key={c.id} className="help-request">
              <h2>
                <Link to={`/portal/requests/${c.id}`}>{c.subject}</Link>
              </h2>
              <p className={`help-status ${c.status}`}>{statusWords(t, c.status)}</p>
              <p className="secondary">
                {t('web.help.requests.opened', {
                  reference: c.reference,
                  date: intl.formatDate(c.createdAt, { dateStyle: 'long' }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages.hasMore && (
        <button type="button" disabled={pages.loadingMore} onClick={pages.more}>
          {pages.loadingMore ? t('web.loading') : t('web.help.requests.more')}
        </button>
      )}
      {pages.moreFailed && <p role="alert">{t('web.error.network')}</p>}
    </div>
  );
}
