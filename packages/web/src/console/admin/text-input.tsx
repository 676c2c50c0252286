import { useId } from 'react';
import type { InputHTMLAttributes } from 'react';

type Props = { label: string; error: string | undefined } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose refusal (ours or the server's) is shown under it and read with it. */
export function TextInput({ label, error, ...input }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error && (
        <p className="form-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
