import { useCallback, useEffect, useId, useState } from 'react';
// console-mail.css holds the inline filter field this page shares with the quarantine.
import '../../styles/console-mail.css';
import '../../styles/console-hl7.css';
import { useT } from '../../i18n/i18n-provider';
import { fetchHl7Messages, HL7_VIEWS, type Hl7MessageSummary, type Hl7View } from './hl7-api';
import { VIEW_KEY } from './hl7-labels';
import { Hl7MessageItem } from './hl7-message-item';

/**
 * The HL7 v2 feed for administrators (issue #6 point 1): every message stored as received
 * with the acknowledgement it got, newest first. Failed messages come first since they are
 * what needs attention; any message can be read with its ACK, and failed or rejected ones
 * replayed once the cause is fixed.
 */
export function Hl7MessagesPage() {
  const t = useT();
  const viewId = useId();
  const [view, setView] = useState<Hl7View>('failed');
  const [items, setItems] = useState<Hl7MessageSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(async (v: Hl7View, cursor: string | null) => {
    try {
      const page = await fetchHl7Messages(v, cursor);
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
      <h1>{t('web.hl7.title')}</h1>
      <p>{t('web.hl7.intro')}</p>
      <div className="field inline-field">
        <label htmlFor={viewId}>{t('web.hl7.view')}</label>
        <select id={viewId} value={view} onChange={(e) => setView(e.target.value as Hl7View)}>
          {HL7_VIEWS.map((v) => (
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
          {items.length === 0 ? t('web.hl7.empty') : t('web.hl7.shown', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <ol className="plain hl7-messages" data-testid="hl7-messages">
          {items.map((item) => (
            <Hl7MessageItem key={item.id} item={item} />
          ))}
        </ol>
      )}
      {next && (
        <button type="button" onClick={() => void load(view, next)}>
          {t('web.hl7.more')}
        </button>
      )}
    </>
  );
}
