import type { Permission } from '@caredesk/core/access';
import type { ReactNode } from 'react';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/**
 * A console page for holders of one permission. Someone without it who opens the address
 * is told so plainly instead of meeting a page of failed requests; the server refuses
 * them regardless.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const t = useT();
  const { permissions } = useSession();
  if (permissions.has(permission)) return children;
  return (
    <>
      <h1>{t('web.admin.not-allowed.title')}</h1>
      <p>{t('web.admin.not-allowed.body')}</p>
    </>
  );
}
