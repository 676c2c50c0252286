import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { canMove } from '@caredesk/core/cases';
import { AttachmentPicker } from '../../cases/attachments/attachment-picker';
import type { CaseDetail, CaseStatus } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import type { ComposerHooks } from './case-slots';
import { statusName } from './case-labels';

type Visibility = 'public' | 'internal';

/** The statuses a public reply can leave the case in, beside plain "Send". */
const AFTER_REPLY = ['pending-patient', 'resolved'] as const satisfies readonly CaseStatus[];

/**
 * Answer the patient or leave a note for colleagues. The toggle is a pair of radio
 * buttons and the whole composer turns amber for a note, so nobody sends a note to the
 * patient by mistake; the send buttons say which it is. A public reply may also set the
 * status ("Send and wait on patient"), as the case's state machine allows. Files go with
 * either kind; a note's files stay with staff as the note does.
 */
export function ReplyComposer({
  detail,
  busy,
  error,
  macroPicker,
  insertRef,
  onSend,
}: {
  detail: CaseDetail;
  busy: boolean;
  error: string | null;
  macroPicker?: ((composer: ComposerHooks) => ReactNode) | undefined;
  /** Set to this composer's insertText, for suggestions shown elsewhere on the page. */
  insertRef?: RefObject<((text: string) => void) | null>;
  /**
   * Resolves true once sent (the box and the files are emptied then), false when refused,
   * or the refusals of files, each naming its file (the files stay to be changed).
   */
  onSend: (
    body: string,
    visibility: Visibility,
    files: readonly File[],
    status?: CaseStatus,
  ) => Promise<boolean | string[]>;
}) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [refusedFiles, setRefusedFiles] = useState<string[]>([]);
  const [empty, setEmpty] = useState(false);
  // A status a macro asked for: the next public reply sets it (unless a button says otherwise).
  const [statusOnSend, setStatusOnSend] = useState<CaseStatus | null>(null);
  const status = detail.case.status;

  const insertText = (more: string) => {
    const el = box.current;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    setText((before) => before.slice(0, at) + more + before.slice(end));
    el?.focus();
  };
  useEffect(() => {
    if (insertRef) insertRef.current = insertText;
  });

  const send = async (after?: CaseStatus) => {
    if (!text.trim()) {
      setEmpty(true);
      box.current?.focus();
      return;
    }
    setEmpty(false);
    const setTo = visibility === 'public' ? (after ?? statusOnSend ?? undefined) : undefined;
    setRefusedFiles([]);
    const sent = await onSend(text, visibility, files, setTo);
    if (Array.isArray(sent)) setRefusedFiles(sent);
    else if (sent) {
      setText('');
      setFiles([]);
      setStatusOnSend(null);
    }
  };

  const internal = visibility === 'internal';
  const afters = AFTER_REPLY.filter((s) => s !== status && canMove(status, s));
  return (
    <section
      className={`case-composer${internal ? ' internal' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('web.cases.reply.title')}</h2>
      <fieldset className="case-reply-kind">
        <legend>{t('web.cases.reply.kind')}</legend>
        {(['public', 'internal'] as const).map((v) => (
          <div className="pick" key={v}>
            <input
              type="radio"
              id={`${id}-${v}`}
              name={`${id}-kind`}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
            />
            <label htmlFor={`${id}-${v}`}>{t(`web.cases.reply.kind.${v}`)}</label>
          </div>
        ))}
      </fieldset>
      <div data-slot="macro-picker">
        {macroPicker?.({ insertText, visibility, setStatusOnSend })}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>
          {internal ? t('web.cases.reply.label-internal') : t('web.cases.reply.label-public')}
        </label>
        <textarea
          id={`${id}-body`}
          ref={box}
          rows={5}
          value={text}
          aria-invalid={empty ? true : undefined}
          aria-describedby={empty ? `${id}-empty` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {empty && (
          <p className="form-error" role="alert" id={`${id}-empty`}>
            {t('web.cases.reply.empty')}
          </p>
        )}
      </div>
      <AttachmentPicker
        files={files}
        onFiles={(next) => {
          setRefusedFiles([]);
          setFiles(next);
        }}
        refused={refusedFiles}
        disabled={busy}
      />
      {statusOnSend && !internal && (
        <p className="notice case-status-on-send">
          <span>{t('web.cases.reply.will-set', { status: statusName(t, statusOnSend) })}</span>
          <button type="button" onClick={() => setStatusOnSend(null)}>
            {t('web.cases.reply.keep-status')}
          </button>
        </p>
      )}
      <FormError message={error} />
      <div className="case-send">
        {internal ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
            {t('web.cases.reply.send-internal')}
          </button>
        ) : (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void send()}>
              {t('web.cases.reply.send')}
            </button>
            {afters.map((s) => (
              <button key={s} type="button" disabled={busy} onClick={() => void send(s)}>
                {t(`web.cases.reply.send-and.${s}`)}
              </button>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
