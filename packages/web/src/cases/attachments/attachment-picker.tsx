import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import '../../styles/attachments.css';
import {
  admitFiles,
  formatSize,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_MESSAGE_BYTES,
  type FileProblem,
} from './attachment-rules';
import { factsOf } from './read-files';

/**
 * Files to send with a message (issue #5 §4): a native file input (keyboard, screen
 * readers and the phone's camera and files all work with it), the chosen files with their
 * sizes and a button to remove each, and plainly worded refusals: a file too large, empty,
 * a program, one too many or one past the message's total, each named. `refused` holds the server's refusals of the
 * last send. The parent owns the list, so it can empty it once the message is sent.
 */
export function AttachmentPicker({
  files,
  onFiles,
  refused,
  disabled,
}: {
  files: readonly File[];
  onFiles: (files: File[]) => void;
  refused: readonly string[];
  disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  const { language } = useLanguage();
  const [problems, setProblems] = useState<string[]>([]);
  const size = (bytes: number) => formatSize(bytes, language);
  const limitOf = (problem: FileProblem): string | number =>
    problem === 'too-many'
      ? MAX_FILES
      : size(problem === 'total' ? MAX_MESSAGE_BYTES : MAX_FILE_BYTES);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const chosen = [...(input.files ?? [])];
    // Emptied, so that choosing the same file again (after removing it) is a change.
    input.value = '';
    if (chosen.length === 0) return;
    const facts = await Promise.all(chosen.map(factsOf));
    const { admitted, refused: out } = admitFiles(files, facts);
    setProblems(
      out.map(({ file, problem }) =>
        t(`web.attachments.problem.${problem}`, {
          name: file.name,
          size: size(file.size),
          max: limitOf(problem),
        }),
      ),
    );
    if (admitted.length > 0) onFiles([...files, ...admitted.map((f) => f.file)]);
  };

  const remove = (i: number) => {
    setProblems([]);
    onFiles(files.filter((_, j) => j !== i));
  };

  const messages = [...problems, ...refused];
  const full = files.length >= MAX_FILES;
  return (
    <div className="attachment-picker">
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('web.attachments.choose')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('web.attachments.hint', { max: MAX_FILES, size: size(MAX_FILE_BYTES) })}
        </p>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          disabled={disabled || full}
          aria-describedby={messages.length > 0 ? `${id}-hint ${id}-problems` : `${id}-hint`}
          aria-invalid={messages.length > 0 ? true : undefined}
          onChange={(e) => void choose(e)}
        />
      </div>
      {messages.length > 0 && (
        <ul className="plain form-error attachment-problems" role="alert" id={`${id}-problems`}>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="plain attachment-chosen" aria-label={t('web.attachments.chosen')}>
          {files.map((f, i) => (
            <li key={`${f.name}-${f.size}-${f.lastModified}-${i}`}>
              <span className="attachment-name">{f.name}</span>
              <span className="secondary">{size(f.size)}</span>
              <button
                type="button"
                className="attachment-remove"
                disabled={disabled}
                aria-label={t('web.attachments.remove', { name: f.name })}
                onClick={() => remove(i)}
              >
                {t('web.attachments.remove-short')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
