import { NavLink } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/** The console's destinations, each shown only to the roles that can use it. */
export function ConsoleNav() {
  const t = useT();
  const { permissions } = useSession();
  return (
    <nav className="area-nav" aria-label={t('web.nav.main')}>
      <ul>
        {permissions.has('patient.search') && (
          <li>
            <NavLink to="/console" end>
              {t('web.console.home.title')}
            </NavLink>
          </li>
        )}
        {permissions.has('audit.read') && (
          <li>
            <NavLink to="/console/audit">{t('web.audit.title')}</NavLink>
          </li>
        )}
        {permissions.has('breakglass.review') && (
          <li>
            <NavLink to="/console/reviews">{t('web.reviews.title')}</NavLink>
          </li>
        )}
        {permissions.has('patient.merge') && (
          <li>
            <NavLink to="/console/duplicates">{t('web.duplicates.title')}</NavLink>
          </li>
        )}
        {permissions.has('admin.users') && (
          <li>
            <NavLink to="/console/admin/users">{t('web.admin.users.title')}</NavLink>
          </li>
        )}
        {permissions.has('admin.teams') && (
          <li>
            <NavLink to="/console/admin/teams">{t('web.admin.teams.title')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
