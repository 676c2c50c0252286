import { useLanguage, useT } from '../../i18n/i18n-provider';
import '../../styles/attachments.css';
import { attachmentUrl, type CaseAttachment } from '../cases-api';
import { formatSize } from './attachment-rules';

/**
 * The files on one message, each a download link with its size. The server always sends
 * them as downloads (Content-Disposition: attachment) with the type it read from the
 * bytes, so nothing a patient or an e-mail sent opens inside CareDesk's own pages.
 */
export function AttachmentLinks({
  caseId,
  attachments,
}: {
  caseId: string;
  attachments: readonly CaseAttachment[] | undefined;
}) {
  const t = useT();
  const { language } = useLanguage();
  if (!attachments || attachments.length === 0) return null;
  return (
    <ul className="plain attachment-links" aria-label={t('web.attachments.list')}>
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(caseId, a.id)} download={a.filename}>
            {a.filename}
          </a>{' '}
          <span className="secondary">{formatSize(a.size, language)}</span>
        </li>
      ))}
    </ul>
  );
}
