import { useId, useState } from 'react';

/** A group of checkboxes, one per code: what a queue takes, what an agent knows. */
export function ChoiceSet<T extends string>({
  legend,
  hint,
  codes,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  hint?: string;
  codes: readonly T[];
  chosen: readonly T[];
  label: (code: T) => string;
  onChange: (next: T[]) => void;
}) {
  const id = useId();
  const toggle = (code: T, on: boolean) =>
    onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="pick-grid">
        {codes.map((code) => (
          <div className="pick" key={code}>
            <input
              type="checkbox"
              id={`${id}-${code}`}
              checked={chosen.includes(code)}
              onChange={(e) => toggle(code, e.target.checked)}
            />
            <label htmlFor={`${id}-${code}`}>{label(code)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

const FIRST_CLASS = ['en', 'es', 'lv', 'nb'] as const;

/**
 * Languages: a box for each language CareDesk is written in, and a field for any other
 * (BCP-47 codes separated by commas), which the server checks and normalises.
 */
export function LanguageChoice({
  legend,
  hint,
  value,
  name,
  otherLabel,
  otherHint,
  error,
  onChange,
}: {
  legend: string;
  hint?: string;
  value: readonly string[];
  /** A language's name for its box. */
  name: (tag: string) => string;
  otherLabel: string;
  otherHint: string;
  error?: string | undefined;
  onChange: (next: string[]) => void;
}) {
  const id = useId();
  const known = value.filter((l) => (FIRST_CLASS as readonly string[]).includes(l));
  const [other, setOther] = useState(
    value.filter((l) => !(FIRST_CLASS as readonly string[]).includes(l)).join(', '),
  );
  const othersOf = (text: string) => text.split(/[\s,;]+/).filter((s) => s !== '');
  const toggle = (tag: string, on: boolean) => {
    const next = on ? [...known, tag] : known.filter((l) => l !== tag);
    onChange([...next, ...othersOf(other)]);
  };
  return (
    <fieldset aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="pick-grid">
        {FIRST_CLASS.map((tag) => (
          <div className="pick" key={tag}>
            <input
              type="checkbox"
              id={`${id}-${tag}`}
              checked={known.includes(tag)}
              onChange={(e) => toggle(tag, e.target.checked)}
            />
            <label htmlFor={`${id}-${tag}`}>{name(tag)}</label>
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-other`}>{otherLabel}</label>
        <p className="hint" id={`${id}-other-hint`}>
          {otherHint}
        </p>
        <input
          id={`${id}-other`}
          autoComplete="off"
          maxLength={200}
          value={other}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-other-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            setOther(e.target.value);
            onChange([...known, ...othersOf(e.target.value)]);
          }}
        />
      </div>
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
