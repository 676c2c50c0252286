import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/**
 * Pages behind sign-in. Staff belong in the console and patients and caregivers in the
 * portal: an account that opens the other side is sent to its own. The server decides
 * what anyone may see; this only keeps people on the right screens.
 */
export function RequireSignIn({
  area,
  children,
}: {
  area: 'portal' | 'console';
  children: ReactNode;
}) {
  const { account } = useSession();
  const location = useLocation();
  const t = useT();
  if (account === undefined) {
    return (
      <p className="loading" role="status">
        {t('web.loading')}
      </p>
    );
  }
  if (account === null)
    return <Navigate to={`/${area}/sign-in`} replace state={{ from: location.pathname }} />;
  const own = account.kind === 'staff' ? 'console' : 'portal';
  if (own !== area) return <Navigate to={`/${own}`} replace />;
  return children;
}
