import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { LanguagePicker } from '../i18n/language-picker';

/** The frame of the pages used before signing in: brand, language picker, one card. */
export function PublicPage({
  title,
  area = 'portal',
  children,
}: {
  title: string;
  area?: 'portal' | 'console';
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className={`sign-in sign-in-${area}`}>
      <header className="sign-in-header">
        <p className="brand">{t('web.app.name')}</p>
        <LanguagePicker />
      </header>
      <main id="main" className="sign-in-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
