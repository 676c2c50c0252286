import { useIntl } from 'react-intl';
import { CASE_CHANNELS } from '@caredesk/core/cases';
import { AttachmentLinks } from '../../cases/attachments/attachment-links';
import type { CaseDetail, CaseMessage } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { channelName } from './case-labels';
import { entriesOf } from './case-entries';
import { eventText } from './case-event-text';

function MessageItem({ caseId, m, opening }: { caseId: string; m: CaseMessage; opening: boolean }) {
  const t = useT();
  const intl = useIntl();
  const internal = m.visibility === 'internal';
  const fromPatientSide = m.authorKind === 'patient' || m.authorKind === 'caregiver';
  const kind = internal
    ? t('web.cases.message.internal')
    : fromPatientSide
      ? t('web.cases.message.from-patient')
      : opening
        ? t('web.cases.message.opening')
        : t('web.cases.message.public');
  const author = m.authorName ?? t('web.cases.message.unknown-author');
  const via = (CASE_CHANNELS as readonly string[]).includes(m.channel)
    ? channelName(t, m.channel as (typeof CASE_CHANNELS)[number])
    : m.channel;
  return (
    <li
      className={`case-message ${internal ? 'internal' : fromPatientSide ? 'inbound' : 'outbound'}`}
      data-testid={internal ? 'internal-note' : 'message'}
    >
      <p className="case-message-head">
        <strong className="case-message-kind">{kind}</strong>
        <span>{author}</span>
        <span className="secondary">
          <time dateTime={m.at}>
            {intl.formatDate(m.at, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
          {' · '}
          {via}
        </span>
      </p>
      {/* Always text: React escapes it. An e-mail's sanitised HTML (safeHtml) is not drawn
          here at all; its plain-text body says the same without any markup to trust. */}
      <div className="case-message-body">{m.body}</div>
      <AttachmentLinks caseId={caseId} attachments={m.attachments} />
    </li>
  );
}

/** The case's conversation and timeline, interleaved; internal notes stand apart. */
export function CaseConversation({
  detail,
  person,
  category,
}: {
  detail: CaseDetail;
  person: (id: string) => string;
  category: (code: string) => string;
}) {
  const t = useT();
  const intl = useIntl();
  return (
    <section className="case-conversation" aria-labelledby="case-conversation-title">
      <h2 id="case-conversation-title">{t('web.cases.conversation')}</h2>
      <ol className="plain case-entries">
        {entriesOf(detail).map((entry, i) =>
          'message' in entry ? (
            <MessageItem
              key={`m-${entry.message.id}`}
              caseId={detail.case.id}
              m={entry.message}
              // What staff wrote down when they opened the case (a call, a visit) is the
              // request itself, not a reply to it.
              opening={entry.message.at === detail.case.createdAt}
            />
          ) : (
            <li key={`e-${i}`} className="case-event">
              <span>{eventText(t, entry.event, person, category)}</span>
              <span className="secondary">
                {entry.event.actorName ? `${entry.event.actorName} · ` : ''}
                <time dateTime={entry.at}>
                  {intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </span>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
