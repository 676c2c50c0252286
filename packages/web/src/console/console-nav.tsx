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
        {/* Cases come right after home: answering patients is most staff's day. */}
        {permissions.has('case.read') && (
          <li>
            <NavLink to="/console/cases">{t('web.cases.title')}</NavLink>
          </li>
        )}
        {permissions.has('case.supervise') && (
          <li>
            <NavLink to="/console/desk/overview">{t('web.desk-overview.title')}</NavLink>
          </li>
        )}
        {permissions.has('case.work') && (
          <li>
            <NavLink to="/console/follow-up" end>
              {t('web.followUp.title')}
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
        {permissions.has('desk.configure') && (
          <li>
            <NavLink to="/console/desk/queues">{t('web.routing.queues.title')}</NavLink>
          </li>
        )}
        {permissions.has('desk.configure') && (
          <li>
            <NavLink to="/console/desk/agents">{t('web.routing.agents.title')}</NavLink>
          </li>
        )}
        {permissions.has('desk.configure') && (
          <li>
            <NavLink to="/console/desk/macros">{t('web.macros.title')}</NavLink>
          </li>
        )}
        {permissions.has('desk.configure') && (
          <li>
            <NavLink to="/console/desk/sla">{t('web.sla.title')}</NavLink>
          </li>
        )}
        {permissions.has('desk.configure') && (
          <li>
            <NavLink to="/console/follow-up/programs">{t('web.followUp.programs.nav')}</NavLink>
          </li>
        )}
        {permissions.has('mail.quarantine') && (
          <li>
            <NavLink to="/console/mail/quarantine">{t('web.mail.quarantine.title')}</NavLink>
          </li>
        )}
        {permissions.has('interfaces.hl7') && (
          <li>
            <NavLink to="/console/interfaces/hl7">{t('web.hl7.title')}</NavLink>
          </li>
        )}
        {permissions.has('kb.read') && (
          <li>
            <NavLink to="/console/knowledge">{t('web.kb.title')}</NavLink>
          </li>
        )}
        {permissions.has('case.supervise') && (
          <li>
            <NavLink to="/console/desk/csat">{t('web.csat.nav')}</NavLink>
          </li>
        )}
        {permissions.has('case.supervise') && (
          <li>
            <NavLink to="/console/follow-up/metrics">{t('web.follow-up-metrics.nav')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
