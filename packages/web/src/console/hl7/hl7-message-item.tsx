import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { useSubmit } from '../../sign-in/use-submit';
import {
  fetchHl7Message,
  replayHl7Message,
  type Hl7MessageDetail,
  type Hl7MessageSummary,
} from './hl7-api';
import { outcomeKey } from './hl7-labels';

/** HL7 text one segment per line; a segment too long for the width wraps under itself, indented. */
function Segments({ text, labelledBy }: { text: string; labelledBy: string }) {
  return (
    // Focusable so that a keyboard can scroll it when it is taller than its box.
    <div className="hl7-text" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <pre>
        {text
          .split('\n')
          .filter((line) => line !== '')
          .map((line, i) => (
            <span key={i} className="hl7-segment">
              {line}
              {'\n'}
            </span>
          ))}
      </pre>
    </div>
  );
}

function MessageDetail({ message }: { message: Hl7MessageDetail }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <h3 id={`${id}-text`}>{t('web.hl7.text')}</h3>
      <Segments text={message.text} labelledBy={`${id}-text`} />
      <h3 id={`${id}-ack`}>{t('web.hl7.ack')}</h3>
      <Segments text={message.ack} labelledBy={`${id}-ack`} />
    </>
  );
}

function LoadedDetail({ id, version }: { id: string; version: number }) {
  const t = useT();
  const detail = useResource(() => fetchHl7Message(id), [id, version]);
  if (detail.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (detail.kind === 'ready') return <MessageDetail message={detail.value} />;
  return <p role="alert">{t('web.error.network')}</p>;
}

/** One message: what and from whom, its outcome; its text and ACK on request; replay. */
export function Hl7MessageItem({ item }: { item: Hl7MessageSummary }) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const [message, setMessage] = useState(item);
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [replayed, setReplayed] = useState(0);
  const { busy, error, run } = useSubmit();
  const replay = () =>
    void run(async () => {
      const result = await replayHl7Message(message.id);
      setMessage((m) => ({ ...m, ...result, attempts: m.attempts + 1 }));
      setAsking(false);
      setReplayed((n) => n + 1);
      // The replay also changed the error and the ACK: read the message again.
      const fresh = await fetchHl7Message(message.id).catch(() => null);
      if (fresh) setMessage(fresh);
    });
  const sender = [message.sendingApplication, message.sendingFacility].filter(Boolean).join(' / ');
  return (
    <li className="hl7-message" aria-labelledby={`${id}-type`}>
      <h2 id={`${id}-type`}>{message.messageType ?? t('web.hl7.unreadable')}</h2>
      <dl className="facts">
        <dt>{t('web.hl7.control-id')}</dt>
        <dd className="hl7-code">{message.controlId ?? '—'}</dd>
        <dt>{t('web.hl7.sender')}</dt>
        <dd>{sender || '—'}</dd>
        <dt>{t('web.hl7.received')}</dt>
        <dd>
          <time dateTime={message.receivedAt}>
            {intl.formatDate(message.receivedAt, { dateStyle: 'medium', timeStyle: 'medium' })}
          </time>
        </dd>
        <dt>{t('web.hl7.outcome')}</dt>
        <dd className={`hl7-outcome ${message.status}`}>{t(outcomeKey(message))}</dd>
        {message.error && (
          <>
            <dt>{t('web.hl7.error')}</dt>
            <dd>{message.errorKey ? t(message.errorKey) : message.error}</dd>
          </>
        )}
        {message.error && message.errorKey && (
          <>
            <dt>{t('web.hl7.error.sent')}</dt>
            <dd className="hl7-code" lang="en">
              {message.error}
            </dd>
          </>
        )}
        <dt>{t('web.hl7.attempts')}</dt>
        <dd>{intl.formatNumber(message.attempts)}</dd>
        {message.supersededBy && (
          <>
            <dt>{t('web.hl7.superseded')}</dt>
            <dd>{t('web.hl7.superseded.text')}</dd>
          </>
        )}
      </dl>
      <div className="review-actions">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-detail`}
          onClick={() => setOpen((o) => !o)}
        >
          {t(open ? 'web.hl7.close' : 'web.hl7.open')}
        </button>
        {message.status !== 'processed' && !message.supersededBy && (
          <button type="button" onClick={() => setAsking(true)}>
            {t('web.hl7.replay')}
          </button>
        )}
      </div>
      <p role="status" className="result">
        {replayed > 0 && t('web.hl7.replayed', { outcome: t(outcomeKey(message)) })}
      </p>
      <div id={`${id}-detail`} hidden={!open}>
        {open && <LoadedDetail id={message.id} version={replayed} />}
      </div>
      {asking && (
        <ConfirmDialog
          title={t('web.hl7.replay.title')}
          confirm={t('web.hl7.replay')}
          cancel={t('web.hl7.cancel')}
          busy={busy}
          error={error}
          onConfirm={replay}
          onCancel={() => setAsking(false)}
        >
          <p>{t('web.hl7.replay.body')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
