import type { StaffRole } from '@caredesk/core/access';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import { roleKey } from '../../patient-record/patient-labels';
import { AccountActions } from './account-actions';
import { kindKey, statusKey } from './account-labels';
import type { AdminAccount } from './admin-api';

/** One account: who, what kind, which roles, whether it can sign in; managed in place. */
export function AccountItem({
  account: a,
  grantable,
  isSelf,
  onChanged,
}: {
  account: AdminAccount;
  grantable: readonly StaffRole[];
  isSelf: boolean;
  onChanged: (next: AdminAccount) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const panel = useId();
  const [open, setOpen] = useState(false);
  const roles =
    a.kind === 'staff'
      ? a.roles.map((r) => {
          const key = roleKey(r);
          return key ? t(key) : r;
        })
      : [];
  return (
    <li className="account" data-testid={`account-${a.email}`}>
      <div className="account-head">
        <p className="account-name">
          <strong>{a.displayName}</strong>
          {isSelf && <span className="secondary">{t('web.admin.you')}</span>}
          <span className="secondary">{a.email}</span>
        </p>
        <dl className="account-facts">
          <div>
            <dt>{t('web.admin.kind')}</dt>
            <dd>{t(kindKey(a.kind))}</dd>
          </div>
          <div>
            <dt>{t('web.admin.roles')}</dt>
            <dd>{roles.length > 0 ? intl.formatList(roles, { type: 'unit' }) : '—'}</dd>
          </div>
          <div>
            <dt>{t('web.admin.status')}</dt>
            <dd className={a.status === 'disabled' ? 'flag' : undefined}>
              {t(statusKey(a.status))}
            </dd>
          </div>
          <div>
            <dt>{t('web.admin.mfa')}</dt>
            <dd>{t(a.mfaEnabled ? 'web.admin.mfa.on' : 'web.admin.mfa.off')}</dd>
          </div>
        </dl>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panel}
          aria-label={t('web.admin.manage-named', { name: a.displayName })}
          onClick={() => setOpen((o) => !o)}
        >
          {t('web.admin.manage')}
        </button>
      </div>
      <div id={panel} className="account-panel" hidden={!open}>
        {open && <AccountActions account={a} grantable={grantable} onChanged={onChanged} />}
      </div>
    </li>
  );
}
