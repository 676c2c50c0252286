import { useId } from 'react';
import type { InputHTMLAttributes } from 'react';

type Props = { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with an optional hint tied to it (WCAG 1.3.1, 3.3.2). */
export function FormField({ label, hint, ...input }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={hint ? hintId : undefined} {...input} />
    </div>
  );
}
