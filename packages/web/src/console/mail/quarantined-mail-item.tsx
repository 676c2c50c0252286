import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { useResource } from '../../patient-record/use-resource';
import { ConfirmDialog } from '../../shell/confirm-dialog';
import { useSubmit } from '../../sign-in/use-submit';
import {
  discardMail,
  fetchQuarantinedMail,
  releaseMail,
  type QuarantinedMail,
  type QuarantinedMailDetail,
} from './quarantine-api';
import { REASON_KEY } from './quarantine-labels';
import { SanitisedMailBody } from './sanitised-mail-body';

type Decision = 'release' | 'discard';

const DONE_KEY: Record<Decision, MessageKey> = {
  release: 'web.mail.quarantine.released',
  discard: 'web.mail.quarantine.discarded',
};

function MailDetail({ mail }: { mail: QuarantinedMailDetail }) {
  const t = useT();
  const intl = useIntl();
  const size = (bytes: number) =>
    intl.formatNumber(Math.max(1, Math.round(bytes / 1024)), {
      style: 'unit',
      unit: 'kilobyte',
      unitDisplay: 'short',
    });
  return (
    <>
      <h3>{t('web.mail.quarantine.text')}</h3>
      <div className="mail-body">{mail.text || '—'}</div>
      {mail.safeHtml && (
        <details>
          <summary>{t('web.mail.quarantine.formatted')}</summary>
          <SanitisedMailBody html={mail.safeHtml} label={t('web.mail.quarantine.formatted')} />
        </details>
      )}
      {mail.withheld.length > 0 && (
        <p className="notice">
          {t('web.mail.quarantine.withheld', {
            names: intl.formatList(mail.withheld, { type: 'conjunction' }),
          })}
        </p>
      )}
      {mail.attachments.length > 0 && (
        <>
          <h3>{t('web.mail.quarantine.attachments')}</h3>
          <ul>
            {mail.attachments.map((a) => (
              <li key={a.sha256}>
                {a.filename || '—'} <span className="secondary">{a.contentType}</span>{' '}
                <span className="secondary">{size(a.size)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('web.mail.quarantine.headers')}</summary>
        <dl className="mail-headers">
          {mail.headers.map((h, i) => (
            <div key={i}>
              <dt>{h.name}</dt>
              <dd>{h.value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

function LoadedDetail({ id }: { id: string }) {
  const t = useT();
  const detail = useResource(() => fetchQuarantinedMail(id), [id]);
  if (detail.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (detail.kind === 'ready') return <MailDetail mail={detail.value} />;
  return <p role="alert">{t('web.error.network')}</p>;
}

/** One held message: who, when, why; its content on request; release or discard. */
export function QuarantinedMailItem({
  item,
  decidable,
}: {
  item: QuarantinedMail;
  decidable: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [done, setDone] = useState<Decision | null>(null);
  const { busy, error, run } = useSubmit();
  const reasonKey = item.reason ? REASON_KEY[item.reason] : undefined;
  const decide = (decision: Decision) =>
    void run(async () => {
      if (decision === 'release') await releaseMail(item.id);
      else await discardMail(item.id);
      setAsking(null);
      setDone(decision);
    });
  return (
    <li className="quarantined-mail" aria-labelledby={`${id}-subject`}>
      <h2 id={`${id}-subject`}>{item.subject || t('web.mail.quarantine.no-subject')}</h2>
      <dl className="facts">
        <dt>{t('web.mail.quarantine.from')}</dt>
        <dd>{item.from ?? '—'}</dd>
        <dt>{t('web.mail.quarantine.received')}</dt>
        <dd>
          <time dateTime={item.receivedAt}>
            {intl.formatDate(item.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
        </dd>
        {reasonKey && (
          <>
            <dt>{t('web.mail.quarantine.reason')}</dt>
            <dd>{t(reasonKey)}</dd>
          </>
        )}
        {item.caseId && (
          <>
            <dt>{t('web.mail.quarantine.case')}</dt>
            <dd className="system">{item.caseId}</dd>
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
          {t(open ? 'web.mail.quarantine.close' : 'web.mail.quarantine.open')}
        </button>
        {decidable && !done && (
          <>
            <button type="button" onClick={() => setAsking('release')}>
              {t('web.mail.quarantine.release')}
            </button>
            <button type="button" className="danger-outline" onClick={() => setAsking('discard')}>
              {t('web.mail.quarantine.discard')}
            </button>
          </>
        )}
      </div>
      <p role="status" className="result">
        {done && t(DONE_KEY[done])}
      </p>
      <div id={`${id}-detail`} hidden={!open}>
        {open && <LoadedDetail id={item.id} />}
      </div>
      {asking && (
        <ConfirmDialog
          title={t(
            asking === 'release'
              ? 'web.mail.quarantine.release.title'
              : 'web.mail.quarantine.discard.title',
          )}
          confirm={t(
            asking === 'release' ? 'web.mail.quarantine.release' : 'web.mail.quarantine.discard',
          )}
          cancel={t('web.mail.quarantine.cancel')}
          busy={busy}
          error={error}
          onConfirm={() => decide(asking)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {t(
              asking === 'release'
                ? 'web.mail.quarantine.release.body'
                : 'web.mail.quarantine.discard.body',
            )}
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
