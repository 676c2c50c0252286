import type { FieldErrors, FieldId } from './profile-draft';
import { controlId } from './profile-draft';

/** The id of a field's error text, for aria-describedby. */
export const errorId = (field: FieldId) => `${controlId(field)}-error`;

/**
 * What is wrong with one field, shown right above it (where a person looking at the
 * field sees it first) and tied to the control by aria-describedby.
 */
export function FieldError({ errors, field }: { errors: FieldErrors; field: FieldId }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(field)}>
      {message}
    </p>
  );
}

/** aria-invalid and aria-describedby for a control, with its hint when it has one. */
export function describedBy(errors: FieldErrors, field: FieldId, ...hints: string[]) {
  const ids = [...hints, ...(errors[field] ? [errorId(field)] : [])];
  return {
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}
