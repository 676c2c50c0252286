import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import { fetchAccessLog, type AccessLogEntry } from './access-log-api';
import { actionKey, purposeKey, roleKeys } from './access-log-labels';

/**
 * "Who opened my record" (issue #3 point 6, issue #4 point 5): staff, connected systems
 * and caregivers who opened, searched, exported or shared the patient's data, newest
 * first. The audit trail behind it cannot be edited.
 */
export function AccessLogPage() {
  const t = useT();
  const intl = useIntl();
  const { account } = useSession();
  const patientId = account?.patientId ?? null;
  const [items, setItems] = useState<AccessLogEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(
    async (cursor: string | null) => {
      if (!patientId) return;
      try {
        const page = await fetchAccessLog(patientId, cursor);
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNext(page.nextCursor);
        setState('ready');
      } catch {
        setState('failed');
      }
    },
    [patientId],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <>
      <h1>{t('web.access-log.title')}</h1>
      <p>{t('web.access-log.intro')}</p>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && items.length === 0 && <p>{t('web.access-log.empty')}</p>}
      {items.length > 0 && (
        <ol className="access-log" data-testid="access-log">
          {items.map((e) => (
            <li key={e.seq}>
              <p className="when">
                <time dateTime={e.occurredAt}>
                  {intl.formatDate(e.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </p>
              <dl>
                <dt>{t('web.access-log.who')}</dt>
                <dd>
                  <strong>{e.actorName ?? t('web.role.integration')}</strong>{' '}
                  <span className="roles">
                    {intl.formatList(
                      roleKeys(e).map((k) => t(k)),
                      { type: 'unit' },
                    )}
                  </span>
                </dd>
                <dt>{t('web.access-log.what')}</dt>
                <dd>{t(actionKey(e))}</dd>
                <dt>{t('web.access-log.why')}</dt>
                <dd>{t(purposeKey(e))}</dd>
              </dl>
              {e.breakGlass && <p className="flag">{t('web.access-log.break-glass')}</p>}
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('web.access-log.more')}
        </button>
      )}
    </>
  );
}
