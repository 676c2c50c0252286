import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n-provider';

/** On localhost or a good line an area arrives well within this: nothing is shown then. */
const QUIET_MS = 500;

/**
 * What stands in while an area's code is on its way. The status region is there from
 * the start but empty, so a fast load never flashes a message; only a slow one says
 * "Loading…" in the reader's language, which screen readers announce politely.
 */
export function AreaLoading() {
  const t = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className="loading" role="status">
      {slow ? t('web.loading') : null}
    </p>
  );
}
