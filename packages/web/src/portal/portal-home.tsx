import { Navigate } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/** What needs the patient's attention; the capabilities that fill it come with their issues. */
export function PortalHome() {
  const t = useT();
  const { account } = useSession();
  // A caregiver starts with the people they help.
  if (account?.kind === 'caregiver') return <Navigate to="/portal/helping" replace />;
  return (
    <>
      <h1>{t('web.portal.home.title', { name: account?.displayName ?? '' })}</h1>
      <p>{t('web.portal.home.nothing-due')}</p>
    </>
  );
}
