import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';
import { LanguagePicker } from '../i18n/language-picker';
import { IdleWarning } from './idle-warning';

/** Header, skip link and main landmark around every signed-in page. */
export function AppShell({
  area,
  nav,
  status,
  children,
}: {
  area: 'portal' | 'console';
  /** The area's own links, shown under the header. */
  nav?: ReactNode;
  /** The area's own control in the header (the console's availability switch). */
  status?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const { account, signOut } = useSession();
  const navigate = useNavigate();
  const leave = async () => {
    await signOut();
    void navigate(`/${area}/sign-in`, { replace: true });
  };
  return (
    <div className={`shell shell-${area}`}>
      <a className="skip-link" href="#main">
        {t('web.skip-to-content')}
      </a>
      <header className="shell-header">
        <p className="brand">{t('web.app.name')}</p>
        <p className="who">{t('web.shell.signed-in-as', { name: account?.displayName ?? '' })}</p>
        {status}
        <LanguagePicker />
        <button type="button" onClick={() => void leave()}>
          {t('web.shell.sign-out')}
        </button>
      </header>
      {nav}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <IdleWarning />
    </div>
  );
}
