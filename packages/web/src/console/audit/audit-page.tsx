import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import { roleKey } from '../../patient-record/patient-labels';
import { csvExportUrl, searchAudit, type AuditEntry, type AuditFilter } from './audit-api';
import { actionKey, AuditFilters } from './audit-filters';

const OUTCOME_KEY = {
  success: 'web.audit.outcome.success',
  denied: 'web.audit.outcome.denied',
  failed: 'web.audit.outcome.failed',
} as const;

/**
 * The audit viewer for privacy officers (issue #4 point 4): the trail newest first,
 * filtered, with a CSV export of exactly what is filtered. Looking is itself audited.
 */
export function AuditPage() {
  const t = useT();
  const intl = useIntl();
  const { permissions } = useSession();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(async (f: AuditFilter, cursor: string | null) => {
    try {
      const page = await searchAudit(f, cursor);
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    setState('loading');
    void load(filter, null);
  }, [filter, load]);

  return (
    <>
      <h1>{t('web.audit.title')}</h1>
      <AuditFilters onApply={setFilter} />
      {permissions.has('audit.export') && (
        <p>
          <a href={csvExportUrl(filter)} download="caredesk-audit.csv">
            {t('web.audit.export-csv')}
          </a>
        </p>
      )}
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && (
        <p role="status" className="search-status">
          {t('web.audit.shown', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('web.audit.title')}>
          <table data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">{t('web.reviews.when')}</th>
                <th scope="col">{t('web.access-log.who')}</th>
                <th scope="col">{t('web.audit.action')}</th>
                <th scope="col">{t('web.audit.outcome')}</th>
                <th scope="col">{t('web.audit.patient-id')}</th>
                <th scope="col">{t('web.audit.source')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq} className={e.breakGlass ? 'break-glass-row' : undefined}>
                  <td>
                    <time dateTime={e.occurredAt}>
                      {intl.formatDate(e.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}
                    </time>
                  </td>
                  <td>
                    {e.actorName ?? e.actorKind}
                    <span className="secondary">
                      {intl.formatList(
                        e.actorRoles.map((r) => {
                          const key = roleKey(r);
                          return key ? t(key) : r;
                        }),
                        { type: 'unit' },
                      )}
                    </span>
                  </td>
                  <td>
                    {t(actionKey(e.action))}
                    {e.breakGlass && (
                      <span className="flag secondary">{t('web.breakglass.open')}</span>
                    )}
                  </td>
                  <td>{t(OUTCOME_KEY[e.outcome])}</td>
                  <td className="system">{e.patientId ?? ''}</td>
                  <td className="system">{e.sourceAddress ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void load(filter, next)}>
          {t('web.access-log.more')}
        </button>
      )}
    </>
  );
}
