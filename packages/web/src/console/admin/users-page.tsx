import type { StaffRole } from '@caredesk/core/access';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import '../../styles/console-admin.css';
import { AccountItem } from './account-item';
import { fetchAccounts, type AdminAccount } from './admin-api';
import { InviteForm } from './invite-form';

/**
 * Users and roles (issue #4 point 4, permission admin.users): every staff and portal
 * account, a page at a time; invitations; roles, sign-in and second factor per account.
 * The console offers only the roles the server says this administrator may grant, and
 * the server checks every change again.
 */
export function UsersPage() {
  const t = useT();
  const { account: me } = useSession();
  const [accounts, setAccounts] = useState<AdminAccount[]>([]);
  const [grantable, setGrantable] = useState<StaffRole[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(async (cursor: string | null) => {
    try {
      const page = await fetchAccounts(cursor);
      setAccounts((before) => {
        // An account invited here is already on the list, wherever its page is.
        const known = new Set(before.map((a) => a.id));
        return cursor ? [...before, ...page.items.filter((a) => !known.has(a.id))] : page.items;
      });
      setGrantable(page.grantableRoles);
      setNext(page.nextCursor);
      setState('ready');
    } catch {
      setState('failed');
    }
  }, []);
  useEffect(() => {
    void load(null);
  }, [load]);

  const replace = (changed: AdminAccount) =>
    setAccounts((list) => list.map((a) => (a.id === changed.id ? changed : a)));

  return (
    <>
      <h1>{t('web.admin.users.title')}</h1>
      <p>{t('web.admin.users.intro')}</p>
      {state === 'ready' && (
        <section className="admin-section" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('web.admin.invite.title')}</h2>
          <InviteForm
            grantable={grantable}
            onInvited={(a) => setAccounts((list) => [a, ...list])}
          />
        </section>
      )}
      <h2 id="accounts-title">{t('web.admin.users.accounts')}</h2>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && (
        <p role="status" className="search-status">
          {t('web.admin.users.shown', { count: accounts.length })}
        </p>
      )}
      {accounts.length > 0 && (
        <ul className="plain accounts" aria-labelledby="accounts-title" data-testid="accounts">
          {accounts.map((a) => (
            <AccountItem
              key={a.id}
              account={a}
              grantable={grantable}
              isSelf={a.id === me?.id}
              onChanged={replace}
            />
          ))}
        </ul>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('web.admin.users.more')}
        </button>
      )}
    </>
  );
}
