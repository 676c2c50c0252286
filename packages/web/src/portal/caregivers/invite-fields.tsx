import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { DATA_CATEGORIES, type DataCategory } from '@caredesk/core/consent';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';

/** The plain-language heading of a data category (also the caregiver's section title). */
export const sectionKey = (c: DataCategory) => `web.helping.section.${c}` as MessageKey;
const hintKey = (c: DataCategory) => `web.caregiver-invite.hint.${c}` as MessageKey;

/** The error shown under a field, tied to it so a screen reader reads it with the field. */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}

/** A labelled input with an optional hint and error (WCAG 1.3.1, 3.3.1, 3.3.2). */
export function InviteField({
  label,
  hint,
  error,
  ...input
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
    </div>
  );
}

/** A group of controls with a visible legend, hint and error, read together. */
export function InviteFieldset({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <fieldset aria-describedby={described || undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {children}
    </fieldset>
  );
}

/**
 * One checkbox per data category, each with what it covers in plain words. The whole row
 * is the touch target (the label wraps it); the name read out is the title alone, the
 * explanation is its description.
 */
export function CategoryChoices({
  chosen,
  onToggle,
  invalid,
}: {
  chosen: ReadonlySet<DataCategory>;
  onToggle: (c: DataCategory) => void;
  invalid: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <ul className="choices">
      {DATA_CATEGORIES.map((c) => (
        <li key={c}>
          <label className="choice">
            <input
              type="checkbox"
              name="permit"
              value={c}
              checked={chosen.has(c)}
              onChange={() => onToggle(c)}
              aria-labelledby={`${id}-${c}`}
              aria-describedby={`${id}-${c}-hint`}
              aria-invalid={invalid ? true : undefined}
            />
            <span>
              <span className="choice-title" id={`${id}-${c}`}>
                {t(sectionKey(c))}
              </span>
              <span className="hint" id={`${id}-${c}-hint`}>
                {t(hintKey(c))}
              </span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
