import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';

/** `body/email` (schema), `roles/0` (schema) and `roles` (domain) all name the field `roles`. */
const fieldOf = (path: string) => path.replace(/^body\/?/, '').split('/')[0] ?? '';

/**
 * Like sign-in's useSubmit, but a refusal's issues are kept per field, so each message
 * (already in the person's language: the API negotiates it) shows beside its control.
 * Issues about no particular field show beside the button that sent the form.
 */
export function useProblemSubmit(fields: readonly string[]) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /** Refuses before sending, with the form's own messages. */
  const refuse = (errors: Record<string, string>) => {
    setError(null);
    setFieldErrors(errors);
  };

  const run = async (work: () => Promise<void>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    refuse({});
    try {
      await work();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0) {
        setError(t('web.error.network'));
        return false;
      }
      const byField: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const issue of e.issues) {
        const field = fieldOf(issue.path);
        if (fields.includes(field)) byField[field] ??= issue.message;
        else elsewhere.push(issue.message);
      }
      setFieldErrors(byField);
      if (elsewhere.length > 0 || Object.keys(byField).length === 0)
        setError(elsewhere.length === 1 ? elsewhere[0]! : e.message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fieldErrors, refuse, run };
}
