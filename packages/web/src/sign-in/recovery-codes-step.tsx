import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n-provider';

/** Shown once, right after MFA is turned on; the server keeps only their hashes. */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the news, so a screen-reader user hears that the codes are here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t('web.recovery.title')}
      </h2>
      <p>{t('web.recovery.intro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        {t('web.recovery.done')}
      </button>
    </section>
  );
}
