import { useCallback, useEffect, useId, useState } from 'react';
import '../../styles/console-mail.css';
import { useT } from '../../i18n/i18n-provider';
import {
  fetchQuarantine,
  QUARANTINE_VIEWS,
  type QuarantinedMail,
  type QuarantineView,
} from './quarantine-api';
import { VIEW_KEY } from './quarantine-labels';
import { QuarantinedMailItem } from './quarantined-mail-item';

/**
 * The mail quarantine for administrators (issue #5 point 4): messages held back because
 * they looked unsafe or could not be read, newest first. Each can be read (headers and a
 * sanitised body), released into a new case, or discarded — discarded mail is kept on
 * record. Other lists show what was decided and cases opened from doubtful senders.
 */
export function QuarantinePage() {
  const t = useT();
  const viewId = useId();
  const [view, setView] = useState<QuarantineView>('quarantined');
  const [items, setItems] = useState<QuarantinedMail[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(async (v: QuarantineView, cursor: string | null) => {
    try {
      const page = await fetchQuarantine(v, cursor);
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    setState('loading');
    void load(view, null);
  }, [view, load]);

  return (
    <>
      <h1>{t('web.mail.quarantine.title')}</h1>
      <p>{t('web.mail.quarantine.intro')}</p>
      <div className="field inline-field">
        <label htmlFor={viewId}>{t('web.mail.quarantine.view')}</label>
        <select
          id={viewId}
          value={view}
          onChange={(e) => setView(e.target.value as QuarantineView)}
        >
          {QUARANTINE_VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(VIEW_KEY[v])}
            </option>
          ))}
        </select>
      </div>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && (
        <p role="status" className="search-status">
          {items.length === 0
            ? t('web.mail.quarantine.empty')
            : t('web.mail.quarantine.shown', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <ol className="plain quarantine" data-testid="quarantine">
          {items.map((item) => (
            <QuarantinedMailItem key={item.id} item={item} decidable={view === 'quarantined'} />
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => void load(view, next)}>
          {t('web.mail.quarantine.more')}
        </button>
      )}
    </>
  );
}
