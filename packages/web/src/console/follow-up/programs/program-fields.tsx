import type { Localized } from '@caredesk/core/care-transitions';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import { LANGUAGE_NAME } from '../../macros/macro-labels';
import { fieldId, TEXT_LANGUAGES, type TextLanguage } from './program-form';

/** The server's messages by field path (program-form fieldOfIssue). */
export type FieldErrors = Readonly<Record<string, string>>;

/** A refusal under its field, read with it (aria-describedby names this id). */
export function FieldError({ path, errors }: { path: string; errors: FieldErrors }) {
  const message = errors[path];
  if (!message) return null;
  return (
    <p className="form-error" id={`${fieldId(path)}-error`}>
      {message}
    </p>
  );
}

const describedBy = (path: string, errors: FieldErrors, hint: boolean) =>
  [hint ? `${fieldId(path)}-hint` : '', errors[path] ? `${fieldId(path)}-error` : '']
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * A labelled text input or text area whose id comes from its path, so the issue summary
 * can link to it and the server's message for it shows beneath it.
 */
export function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  errors,
  lang,
  multiline,
  numeric,
  className,
}: {
  path: string;
  label: ReactNode;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  lang?: TextLanguage;
  multiline?: boolean;
  numeric?: boolean;
  className?: string;
}) {
  const id = fieldId(path);
  const common = {
    id,
    lang,
    value,
    'aria-invalid': errors[path] ? true : undefined,
    'aria-describedby': describedBy(path, errors, Boolean(hint)),
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          maxLength={4000}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          autoComplete="off"
          maxLength={numeric ? 4 : 4000}
          inputMode={numeric ? 'numeric' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldError path={path} errors={errors} />
    </div>
  );
}

/** A checkbox with its label after it. */
export function CheckField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldId(path);
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** One text in all four languages, each input marked with its language (WCAG 3.1.2). */
export function LocalizedFields({
  path,
  legend,
  value,
  onChange,
  errors,
  multiline,
}: {
  path: string;
  legend: string;
  value: Localized;
  onChange: (value: Localized) => void;
  errors: FieldErrors;
  multiline?: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="fup-localized" id={fieldId(path)} tabIndex={-1}>
      <legend>{legend}</legend>
      <FieldError path={path} errors={errors} />
      {TEXT_LANGUAGES.map((l) => (
        <TextField
          key={l}
          path={`${path}/${l}`}
          label={<span lang={l}>{t(LANGUAGE_NAME[l])}</span>}
          lang={l}
          value={value[l]}
          multiline={multiline}
          errors={errors}
          onChange={(text) => onChange({ ...value, [l]: text })}
        />
      ))}
    </fieldset>
  );
}
