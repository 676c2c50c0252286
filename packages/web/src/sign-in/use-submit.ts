import { useState } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n-provider';

/**
 * Runs a form's request once at a time and turns a failure into a sentence for the
 * person at the keyboard: the server's own message (already in their language), or
 * ours when the server could not be reached.
 */
export function useSubmit() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      const known = e instanceof ApiError && e.status !== 0 && e.message;
      setError(known ? e.message : t('web.error.network'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
