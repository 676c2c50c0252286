import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { AttachmentPicker } from '../../cases/attachments/attachment-picker';
import { attachmentRefusals } from '../../cases/attachments/attachment-refusals';
import { readUploads } from '../../cases/attachments/read-files';
import { sendMessage, type CaseView } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';

/**
 * The patient's reply to a request, with up to five files (a photo of an insurance card,
 * a scanned form). When the server refuses a file, nothing is sent: the text and the files
 * stay, the refused file is named with the reason, and the patient removes it and sends
 * again.
 */
export function RequestReply({
  caseId,
  onSent,
}: {
  caseId: string;
  /** After the server took the reply; `sent.id` differs from caseId for a follow-up request. */
  onSent: (sent: CaseView) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  const { busy, error, run } = useSubmit();

  const reply = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setRefused([]);
    void run(async () => {
      try {
        const attachments = files.length > 0 ? await readUploads(files) : undefined;
        const sent = await sendMessage(caseId, {
          body: text.trim(),
          visibility: 'public',
          ...(attachments ? { attachments } : {}),
        });
        setText('');
        setFiles([]);
        await onSent(sent.case);
      } catch (problem) {
        const aboutFiles = attachmentRefusals(t, problem, files);
        if (!aboutFiles) throw problem;
        setRefused(aboutFiles);
      }
    });
  };

  return (
    <form className="help-reply" onSubmit={reply} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reply`}>{t('web.help.request.reply')}</label>
        {empty && (
          <p className="field-error" id={`${id}-reply-error`}>
            {t('web.help.error.message')}
          </p>
        )}
        <textarea
          id={`${id}-reply`}
          rows={4}
          value={text}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? `${id}-reply-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <AttachmentPicker
        files={files}
        onFiles={(next) => {
          setRefused([]);
          setFiles(next);
        }}
        refused={refused}
        disabled={busy}
      />
      <FormError message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('web.help.request.send')}
      </button>
    </form>
  );
}
