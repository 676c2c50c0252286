import { NavLink } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/** The portal's few destinations, as big links (the current one marked for screen readers). */
export function PortalNav() {
  const t = useT();
  const { account } = useSession();
  // A caregiver has no record of their own here: only the people they help.
  if (account?.kind === 'caregiver') {
    return (
      <nav className="area-nav" aria-label={t('web.nav.main')}>
        <ul>
          <li>
            <NavLink to="/portal/helping">{t('web.helping.nav')}</NavLink>
          </li>
          <li>
            <NavLink to="/portal/help-articles">{t('web.kb.portal.nav')}</NavLink>
          </li>
        </ul>
      </nav>
    );
  }
  return (
    <nav className="area-nav" aria-label={t('web.nav.main')}>
      <ul>
        <li>
          <NavLink to="/portal" end>
            {t('web.nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/portal/caregivers">{t('web.nav.caregivers')}</NavLink>
        </li>
        {account?.patientId && (
          <li>
            <NavLink to="/portal/profile">{t('web.profile.nav')}</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/portal/access-log">{t('web.nav.access-log')}</NavLink>
        </li>
        {account?.patientId && (
          <li>
            <NavLink to="/portal/help">{t('web.help.title')}</NavLink>
          </li>
        )}
        {account?.patientId && (
          <li>
            <NavLink to="/portal/requests">{t('web.help.requests.title')}</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/portal/help-articles">{t('web.kb.portal.nav')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
