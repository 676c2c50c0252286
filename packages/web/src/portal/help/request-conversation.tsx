import { useIntl } from 'react-intl';
import { AttachmentLinks } from '../../cases/attachments/attachment-links';
import type { CaseMessage } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';

/**
 * The patient's side of the conversation: their own messages and the clinic's answers.
 * The server sends no internal notes to a patient; this shows only public messages
 * even so. Everything is shown as text; files are download links.
 */
export function RequestConversation({
  caseId,
  messages,
}: {
  caseId: string;
  messages: CaseMessage[];
}) {
  const t = useT();
  const intl = useIntl();
  const shown = messages.filter((m) => m.visibility === 'public');
  return (
    <ol className="plain help-messages">
      {shown.map((m) => {
        const mine = m.authorKind === 'patient' || m.authorKind === 'caregiver';
        // Staff are "your clinic": who works the request is staff's business, as the
        // server's patient timeline keeps it (case-reader.ts).
        const who = mine ? t('web.help.request.you') : t('web.help.request.clinic');
        return (
          <li key={m.id} className={`help-message ${mine ? 'mine' : 'clinic'}`}>
            <p className="help-message-head">
              <strong>{who}</strong>
              <time dateTime={m.at}>
                {intl.formatDate(m.at, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            <div className="help-message-body">{m.body}</div>
            <AttachmentLinks caseId={caseId} attachments={m.attachments} />
          </li>
        );
      })}
    </ol>
  );
}
